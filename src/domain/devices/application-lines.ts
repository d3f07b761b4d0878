import type { DeviceLine, StoredApplicationMember } from '../../store/devices-store.ts';
import type { Person, Store } from '../../store/store.ts';
import { notFound } from '../errors.ts';
import { APPLICATION_SERVICES } from '../settings/person-config-settings.ts';
import { personOf, storedDocument } from '../settings/settings-service.ts';
import { applicationIdOf } from './webex-clients.ts';
import { availableLines, checkedPorts, lineHolders, type LineFilter, type LineHolder, type MemberInput } from './device-members.ts';

// Shared line appearances on a person's Webex App. Webex offers them on the desktop client only,
// so a person's application is their desktop client: its ID is the desktopClientId their
// application services show (webex-clients.ts). Its ports work like a device's (device-members.ts): port 1 the person's own line, the others
// other people's, workspaces' or virtual lines' lines, which then ring the app's owner
// (shared-lines.ts). Webex takes virtual lines on the desktop app as on a phone (its members
// list a VIRTUAL_LINE memberType; Cisco's shared line help names the app among the devices that
// take virtual lines).

/** Lines a Webex App carries, its owner's included (Webex's limit for shared lines on the app). */
export const APPLICATION_LINE_COUNT = 10;
/** The model Webex gives the desktop client in device lists. */
export const APPLICATION_MODEL = 'Business Communicator - PC';

const applicationNotFound = () => notFound('Application not found.');

/** The line an app carries before anyone sets its lines: its owner's, on port 1. */
const OWN_LINE: DeviceLine = {
  primaryOwner: true,
  lineType: 'PRIMARY',
  lineWeight: 1,
  hotlineEnabled: false,
  hotlineDestination: '',
  allowCallDeclineEnabled: true,
  t38FaxCompressionEnabled: false,
};

/** Whether the person's desktop client is enabled (their application services), so their app rings. */
export async function desktopClientEnabled(store: Store, orgId: string, personId: string): Promise<boolean> {
  return (await storedDocument(store, orgId, personId, APPLICATION_SERVICES)).desktopClientEnabled !== false;
}

/** A members PUT on an app: the device's fields, with Webex's defaults for those the app's PUT may leave out. */
export type ApplicationMemberInput = Omit<MemberInput, 'hotlineEnabled' | 'hotlineDestination' | 'allowCallDeclineEnabled'> &
  Partial<Pick<MemberInput, 'hotlineEnabled' | 'hotlineDestination' | 'allowCallDeclineEnabled'>>;

export class ApplicationLineService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** The person; `applicationId`, when the path names one, must be their app's. */
  private async owner(store: Store, orgId: string, personPublicId: string, applicationId: string | undefined): Promise<Person> {
    const person = await personOf(store, orgId, personPublicId);
    if (applicationId !== undefined && applicationId !== applicationIdOf(person.id)) throw applicationNotFound();
    return person;
  }

  /** The app's ports in order (lines whose holder is gone are left out) and their holders. */
  async members(orgId: string, personPublicId: string, applicationId?: string): Promise<{ members: StoredApplicationMember[]; holders: Map<string, LineHolder> }> {
    const person = await this.owner(this.store, orgId, personPublicId, applicationId);
    const stored = await this.store.devices.applicationMembers(orgId, person.id);
    const ports = stored.length > 0 ? stored : [{ personId: person.id, orgId, port: 1, memberKind: 'person' as const, memberId: person.id, line: OWN_LINE }];
    const holders = await lineHolders(this.store, orgId, ports);
    return { members: ports.filter((m) => holders.has(m.memberId)), holders };
  }

  /** Replaces the app's lines: the person keeps port 1's primary line. */
  async update(orgId: string, personPublicId: string, applicationId: string | undefined, inputs: readonly ApplicationMemberInput[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await this.owner(tx, orgId, personPublicId, applicationId);
      const full = inputs.map((i) => ({ hotlineEnabled: false, hotlineDestination: '', allowCallDeclineEnabled: true, ...i }));
      const ports = await checkedPorts(tx, orgId, full, { ownerId: person.id, max: APPLICATION_LINE_COUNT, what: `the ${APPLICATION_LINE_COUNT} lines of a Webex App`, virtualLines: true });
      await tx.devices.replaceApplicationMembers(orgId, person.id, ports.map((p) => ({ ...p, personId: person.id, orgId })));
    });
  }

  /** People, workspaces and virtual lines that could take a line on the app (neither its owner nor on it yet). */
  async available(orgId: string, personPublicId: string, applicationId: string | undefined, filter: LineFilter): Promise<LineHolder[]> {
    const person = await this.owner(this.store, orgId, personPublicId, applicationId);
    const exclude = new Set([person.id, ...(await this.store.devices.applicationMembers(orgId, person.id)).map((m) => m.memberId)]);
    return availableLines(this.store, orgId, exclude, { virtualLines: true, ...filter });
  }
}
