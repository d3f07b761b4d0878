import type { Store } from '../../store/store.ts';
import { notFound } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';

// Whose line a Call Settings For Me request is about. The plain paths act on the token's own
// person; the secondary line paths (…/people/me/settings/secondaryLines/{lineOwnerId}/…) act on
// the owner of a line the person carries as a shared line: on one of their own phones (a device
// member) or on their Webex App (an application member). A line the person does not carry is a
// 404, as Webex answers (it lets a user reach only their configured secondary lines).

/** The owner of the line a request acts on: `id` is its public ID, `uuid` the stored one. */
export type MyLine = { kind: 'person' | 'workspace'; orgId: string; id: string; uuid: string };

export const secondaryLineNotFound = () => notFound('Secondary line not found: it is not a line on your devices or Webex App.');

export class SecondaryLineService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** The person's own line, or (given a line owner's ID) the secondary line they carry. */
  async lineOf(orgId: string, personId: string, lineOwnerId: string | undefined): Promise<MyLine> {
    if (lineOwnerId === undefined) return { kind: 'person', orgId, id: encodeId('PEOPLE', personId), uuid: personId };
    const asPerson = decodeId(lineOwnerId, 'PEOPLE');
    const uuid = asPerson ?? decodeId(lineOwnerId, 'PLACE');
    if (uuid === undefined || uuid === personId || !(await this.carries(orgId, personId, uuid))) throw secondaryLineNotFound();
    const kind = asPerson !== undefined ? 'person' : 'workspace';
    return { kind, orgId, id: encodeId(kind === 'person' ? 'PEOPLE' : 'PLACE', uuid), uuid };
  }

  private async carries(orgId: string, personId: string, lineId: string): Promise<boolean> {
    if ((await this.store.devices.applicationLinesOf(orgId, lineId)).some((m) => m.personId === personId)) return true;
    const ports = await this.store.devices.linesOf(orgId, lineId);
    if (ports.length === 0) return false;
    return (await this.store.devices.getMany(orgId, ports.map((p) => p.deviceId))).some((d) => d.personId === personId);
  }
}
