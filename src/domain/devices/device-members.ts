import type { DeviceLine, MemberKind, StoredDevice, StoredDeviceMember } from '../../store/devices-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { badRequest } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { findModel } from './device-models.ts';
import { deviceOf } from './device-service.ts';

// The lines on a device (its members): port 1 carries the owner's primary line; other ports carry
// other people's, workspaces' or virtual lines' lines as shared call appearances, so that a call
// to one of them also rings this device (domain/devices/shared-lines.ts). A line of weight n takes n ports.

export type MemberInput = {
  port: number;
  id: string;
  primaryOwner: boolean;
  lineType: 'PRIMARY' | 'SHARED_CALL_APPEARANCE';
  lineWeight: number;
  /** Optional on a hot desking profile's lines (off, none, allowed). */
  hotlineEnabled?: boolean;
  hotlineDestination?: string;
  allowCallDeclineEnabled?: boolean;
  t38FaxCompressionEnabled?: boolean;
  lineLabel?: string;
};

/** A line's holder as the device lists show it. */
export type LineHolder = {
  kind: MemberKind;
  id: string;
  firstName: string;
  lastName: string;
  phoneNumber?: string;
  extension?: string;
  location?: Location;
};

/** A line holder's public ID and Webex memberType. */
export const holderPublicId = (h: { kind: MemberKind; id: string }) => encodeId(h.kind === 'person' ? 'PEOPLE' : h.kind === 'workspace' ? 'PLACE' : 'VIRTUAL_LINE', h.id);
export const holderMemberType = (h: { kind: MemberKind }) => (h.kind === 'person' ? ('PEOPLE' as const) : h.kind === 'workspace' ? ('PLACE' as const) : ('VIRTUAL_LINE' as const));

/** How many lines the device's model carries (1 for a model no longer known). */
export const maxLineCount = (device: StoredDevice) => findModel(device.model)?.numberOfLinePorts ?? 1;

/** The holders of lines, by member ID: calling people, workspaces and virtual lines of the organization only. */
export async function lineHolders(store: Store, orgId: string, members: readonly { memberKind: MemberKind; memberId: string }[]): Promise<Map<string, LineHolder>> {
  const personIds = members.filter((m) => m.memberKind === 'person').map((m) => m.memberId);
  const people = await store.people.getMany(orgId, personIds);
  const numbers = await store.numbers.ownedBy(personIds);
  const locationIds = new Set<string>();
  const out = new Map<string, LineHolder>();
  for (const p of people) {
    if (p.locationId === null) continue;
    locationIds.add(p.locationId);
    out.set(p.id, {
      kind: 'person',
      id: p.id,
      firstName: p.firstName ?? '',
      lastName: p.lastName ?? '',
      ...(numbers.get(p.id) ? { phoneNumber: numbers.get(p.id)!.phoneNumber } : {}),
      ...(p.extension !== null ? { extension: p.extension } : {}),
      location: { id: p.locationId } as Location,
    });
  }
  for (const m of members.filter((x) => x.memberKind === 'workspace')) {
    const w = await store.workspaces.get(orgId, m.memberId);
    if (!w || w.callingLocationId === null) continue;
    locationIds.add(w.callingLocationId);
    out.set(w.id, {
      kind: 'workspace',
      id: w.id,
      firstName: w.displayName,
      lastName: '',
      ...(w.phoneNumber !== null ? { phoneNumber: w.phoneNumber } : {}),
      ...(w.extension !== null ? { extension: w.extension } : {}),
      location: { id: w.callingLocationId } as Location,
    });
  }
  for (const m of members.filter((x) => x.memberKind === 'virtualLine')) {
    const line = await store.virtualLines.get(orgId, m.memberId);
    if (!line) continue;
    locationIds.add(line.locationId);
    out.set(line.id, {
      kind: 'virtualLine',
      id: line.id,
      firstName: line.firstName,
      lastName: line.lastName,
      ...(line.phoneNumber !== null ? { phoneNumber: line.phoneNumber } : {}),
      ...(line.extension !== null ? { extension: line.extension } : {}),
      location: { id: line.locationId } as Location,
    });
  }
  const locations = new Map<string, Location>();
  for (const id of locationIds) {
    const location = await store.locations.get(orgId, id);
    if (location) locations.set(id, location);
  }
  for (const holder of out.values()) holder.location = holder.location && locations.get(holder.location.id);
  return out;
}

/** A port as a request sets it: whose line, and its options. */
export type CheckedPort = { port: number; memberKind: MemberKind; memberId: string; line: DeviceLine };

/**
 * The ports a members PUT asks for, checked as Webex checks a device's (or a Webex App's, or a
 * hot desking profile's) lines:
 * people and workspaces of the organization with Webex Calling (and, where `virtualLines`, its
 * virtual lines: a device's, a Webex App's and a hot desking profile's lines take them),
 * each once, fitting `max` ports (a line of weight n takes n), the owner's line, and only it,
 * the primary one on port 1.
 */
export async function checkedPorts(store: Store, orgId: string, inputs: readonly MemberInput[], on: { ownerId: string; max: number; what: string; virtualLines?: boolean }): Promise<CheckedPort[]> {
  const ports: CheckedPort[] = [];
  const taken = new Set<number>();
  for (const input of inputs) {
    const member = lineMemberOf(input.id, on.virtualLines === true);
    if (member === undefined) throw badRequest(`members: ${input.id} is not a ${on.virtualLines ? 'person, workspace or virtual line' : 'person or workspace'} ID.`);
    const memberId = member.memberId;
    if (ports.some((m) => m.memberId === memberId)) throw badRequest(`members: ${input.id} is on ${on.what} more than once.`);
    if (!Number.isInteger(input.port) || !Number.isInteger(input.lineWeight) || input.lineWeight < 1 || input.port < 1 || input.port + input.lineWeight - 1 > on.max) {
      throw badRequest(`members: port ${input.port} with line weight ${input.lineWeight} does not fit ${on.what}.`);
    }
    for (let port = input.port; port < input.port + input.lineWeight; port++) {
      if (taken.has(port)) throw badRequest(`members: port ${port} is given to two lines.`);
      taken.add(port);
    }
    if (input.primaryOwner !== (memberId === on.ownerId)) throw badRequest('members: the device owner, and only the owner, is its primaryOwner.');
    if (input.hotlineEnabled && input.hotlineDestination?.trim() === '') throw badRequest('members: hotlineDestination is required when hotlineEnabled is true.');
    if (input.lineLabel !== undefined && input.lineLabel.length > 30) throw badRequest('members: lineLabel is at most 30 characters.');
    const line: DeviceLine = {
      primaryOwner: input.primaryOwner,
      lineType: input.lineType,
      lineWeight: input.lineWeight,
      hotlineEnabled: input.hotlineEnabled ?? false,
      hotlineDestination: input.hotlineDestination ?? '',
      allowCallDeclineEnabled: input.allowCallDeclineEnabled ?? true,
      t38FaxCompressionEnabled: input.t38FaxCompressionEnabled ?? false,
      ...(input.lineLabel !== undefined ? { lineLabel: input.lineLabel } : {}),
    };
    ports.push({ port: input.port, memberKind: member.memberKind, memberId, line });
  }
  const owner = ports.find((m) => m.memberId === on.ownerId);
  if (!owner || owner.port !== 1) throw badRequest("members: the owner's line stays on port 1.");
  const holders = await lineHolders(store, orgId, ports);
  const missing = inputs.find((_, i) => !holders.has(ports[i]!.memberId));
  if (missing) throw badRequest(`members: ${missing.id} is not a ${on.virtualLines ? 'person, workspace or virtual line' : 'person or workspace'} of this organization with Webex Calling.`);
  return ports;
}

/** A line member's public ID decoded: a person, a workspace or (where taken) a virtual line. */
export function lineMemberOf(publicId: string, virtualLines: boolean): { memberKind: MemberKind; memberId: string } | undefined {
  const person = decodeId(publicId, 'PEOPLE');
  if (person !== undefined) return { memberKind: 'person', memberId: person };
  const workspace = decodeId(publicId, 'PLACE');
  if (workspace !== undefined) return { memberKind: 'workspace', memberId: workspace };
  const line = virtualLines ? decodeId(publicId, 'VIRTUAL_LINE') : undefined;
  return line !== undefined ? { memberKind: 'virtualLine', memberId: line } : undefined;
}

export class DeviceMemberService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** The device, its ports in order (lines whose holder is gone are left out) and their holders. */
  async members(orgId: string, publicId: string): Promise<{ device: StoredDevice; members: StoredDeviceMember[]; holders: Map<string, LineHolder> }> {
    const device = await deviceOf(this.store, orgId, publicId);
    const stored = await this.store.devices.members(orgId, device.id);
    const holders = await lineHolders(this.store, orgId, stored);
    return { device, members: stored.filter((m) => holders.has(m.memberId)), holders };
  }

  /** Replaces the device's lines: the owner keeps port 1's primary line. */
  async update(orgId: string, publicId: string, inputs: readonly MemberInput[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const device = await deviceOf(tx, orgId, publicId);
      const ports = await checkedPorts(tx, orgId, inputs, { ownerId: (device.personId ?? device.workspaceId)!, max: maxLineCount(device), what: `the ${maxLineCount(device)} lines of a ${device.model}`, virtualLines: true });
      await tx.devices.replaceMembers(orgId, device.id, ports.map((p) => ({ ...p, deviceId: device.id, orgId })));
    });
  }

  /** People, workspaces and virtual lines that could take a line on a device (not on this one yet): availableLines. */
  async available(orgId: string, devicePublicId: string | undefined, filter: LineFilter): Promise<LineHolder[]> {
    const exclude = new Set<string>();
    if (devicePublicId !== undefined) {
      const device = await deviceOf(this.store, orgId, devicePublicId);
      for (const m of await this.store.devices.members(orgId, device.id)) exclude.add(m.memberId);
    }
    return availableLines(this.store, orgId, exclude, { virtualLines: true, ...filter });
  }
}

/**
 * The filters of Webex's available members lists; absent ones match everyone. Virtual lines are
 * candidates only where `virtualLines` (a device's, app's or profile's lines) and not `excludeVirtualLine`; never as a
 * device's owner (usageType DEVICE_OWNER).
 */
export type LineFilter = { memberName?: string; phoneNumber?: string; extension?: string; locationId?: string; virtualLines?: boolean; excludeVirtualLine?: boolean; usageType?: string };

/**
 * People and workspaces with Webex Calling (and virtual lines, per the filter) that could take a line (those in `exclude` are on the
 * device or app already), filtered as Webex's available members are: by name, number, extension
 * and location; sorted by last name.
 */
export async function availableLines(store: Store, orgId: string, exclude: ReadonlySet<string>, filter: LineFilter): Promise<LineHolder[]> {
  const people = (await store.people.list(orgId, {}, undefined, 1000)).items.filter((p) => p.locationId !== null);
  const workspaces = (await store.workspaces.list(orgId, { callingType: 'webexCalling', start: 0, max: 1000 })).items;
  const withLines = filter.virtualLines === true && filter.excludeVirtualLine !== true && filter.usageType !== 'DEVICE_OWNER';
  const lines = withLines ? (await store.virtualLines.list(orgId, { start: 0, max: 1000 })).items : [];
  const candidates: { memberKind: MemberKind; memberId: string }[] = [
    ...people.map((p) => ({ memberKind: 'person' as const, memberId: p.id })),
    ...workspaces.map((w) => ({ memberKind: 'workspace' as const, memberId: w.id })),
    ...lines.map((l) => ({ memberKind: 'virtualLine' as const, memberId: l.id })),
  ].filter((c) => !exclude.has(c.memberId));
  const holders = [...(await lineHolders(store, orgId, candidates)).values()];
  const name = filter.memberName?.toLowerCase();
  const digits = filter.phoneNumber?.replace(/[^\d]/g, '');
  const locationId = filter.locationId === undefined ? undefined : (decodeId(filter.locationId, 'LOCATION') ?? '-');
  return holders
    .filter(
      (h) =>
        (name === undefined || `${h.firstName} ${h.lastName}`.toLowerCase().includes(name)) &&
        (!digits || (h.phoneNumber ?? '').replace(/[^\d]/g, '').includes(digits)) &&
        (filter.extension === undefined || (h.extension ?? '').includes(filter.extension)) &&
        (locationId === undefined || h.location?.id === locationId),
    )
    .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`));
}

/** Every device carrying a line of this member (owned or shared), with the port, and the devices' owners. */
export async function devicesWithLineOf(store: Store, orgId: string, memberId: string): Promise<{ device: StoredDevice; member: StoredDeviceMember; owner: LineHolder | undefined }[]> {
  const lines = await store.devices.linesOf(orgId, memberId);
  const devices = new Map((await store.devices.getMany(orgId, lines.map((l) => l.deviceId))).map((d) => [d.id, d]));
  const owners = await lineHolders(
    store,
    orgId,
    [...devices.values()].map((d) => (d.personId !== null ? { memberKind: 'person' as const, memberId: d.personId } : { memberKind: 'workspace' as const, memberId: d.workspaceId! })),
  );
  return lines.flatMap((member) => {
    const device = devices.get(member.deviceId);
    return device ? [{ device, member, owner: owners.get((device.personId ?? device.workspaceId)!) }] : [];
  });
}
