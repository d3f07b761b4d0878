import type { Store } from '../../store/store.ts';
import { profileLineIds } from '../devices/hot-desking-members.ts';
import { notFound } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';

// Whose line a Call Settings For Me request is about. The plain paths act on the token's own
// person; the secondary line paths (…/people/me/settings/secondaryLines/{lineOwnerId}/…) act on
// the owner of a line the person carries as a shared line: on one of their own phones (a device
// member), on a DECT handset they hold, on their Webex App (an application member) or on their
// hot desking guest profile. Cisco's document says the owner is a virtual line ("applicable only
// for Virtual Lines"); Callplane takes a person's or workspace's shared line the same way. A line
// the person does not carry is a 404, as Webex answers (a user reaches only their configured
// secondary lines).

/** The owner of the line a request acts on: `id` is its public ID, `uuid` the stored one; a virtual line's `locationId`. */
export type MyLine = { kind: 'person' | 'workspace' | 'virtualLine'; orgId: string; id: string; uuid: string; locationId?: string };

export const secondaryLineNotFound = () => notFound('Secondary line not found: it is not a line on your devices or Webex App.');

const ID_TYPES = { person: 'PEOPLE', workspace: 'PLACE', virtualLine: 'VIRTUAL_LINE' } as const;

export class SecondaryLineService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** The person's own line, or (given a line owner's ID) the secondary line they carry. */
  async lineOf(orgId: string, personId: string, lineOwnerId: string | undefined): Promise<MyLine> {
    if (lineOwnerId === undefined) return { kind: 'person', orgId, id: encodeId('PEOPLE', personId), uuid: personId };
    const kind = (Object.keys(ID_TYPES) as (keyof typeof ID_TYPES)[]).find((k) => decodeId(lineOwnerId, ID_TYPES[k]) !== undefined);
    const uuid = kind && decodeId(lineOwnerId, ID_TYPES[kind]);
    if (kind === undefined || uuid === undefined || uuid === personId || !(await this.carries(orgId, personId, uuid))) throw secondaryLineNotFound();
    const line: MyLine = { kind, orgId, id: encodeId(ID_TYPES[kind], uuid), uuid };
    if (kind !== 'virtualLine') return line;
    const stored = await this.store.virtualLines.get(orgId, uuid);
    if (!stored) throw secondaryLineNotFound();
    return { ...line, locationId: stored.locationId };
  }

  private async carries(orgId: string, personId: string, lineId: string): Promise<boolean> {
    if ((await this.store.devices.applicationLinesOf(orgId, lineId)).some((m) => m.personId === personId)) return true;
    if ((await this.store.dect.handsetsOf(orgId, lineId)).some((h) => h.line1.memberId === personId)) return true;
    if ((await profileLineIds(this.store, orgId, personId)).includes(lineId)) return true;
    const ports = await this.store.devices.linesOf(orgId, lineId);
    if (ports.length === 0) return false;
    return (await this.store.devices.getMany(orgId, ports.map((p) => p.deviceId))).some((d) => d.personId === personId);
  }
}
