import { randomUUID } from 'node:crypto';
import type { Location, Page, Store } from '../../store/store.ts';
import type { StoredVirtualLine } from '../../store/virtual-lines-store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, notFound, WebexError } from '../errors.ts';
import { checkLineExtension, checkLineNumber } from '../lines/line-checks.ts';
import { checkLanguage, checkTimeZone } from '../locations/location-rules.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { looseE164 } from '../phone-numbers.ts';
import { devicesWithLineOf } from '../devices/device-members.ts';
import { decodeId } from '../webex-ids.ts';

// Virtual lines (Virtual Line Call Settings): a number and/or extension of a calling location with
// no person behind it. It takes calls like a person's line (domain/calls/destinations.ts) and has
// settings documents of its own. Callplane rings it on its simulated phone
// (/sandbox/v1/virtualLines/{id}/calls) and, once it is a line on phones or DECT handsets (device
// members), on those too (domain/devices/shared-lines.ts).

export const virtualLineNotFound = () => notFound('Virtual line not found.');

/** What a virtual line keeps besides its columns. Absent timeZone/announcementLanguage: the location's. */
export type VirtualLineDetails = {
  callerIdFirstName?: string;
  callerIdLastName?: string;
  callerIdNumber?: string;
  timeZone?: string;
  announcementLanguage?: string;
  directorySearchEnabled: boolean;
};

export type VirtualLineInput = {
  firstName?: string;
  lastName?: string;
  displayName?: string;
  phoneNumber?: string;
  extension?: string;
  locationId?: string;
  callerIdFirstName?: string;
  callerIdLastName?: string;
  callerIdNumber?: string;
  announcementLanguage?: string;
  timeZone?: string;
};

export type VirtualLineListQuery = {
  locationIds?: string[];
  ids?: string[];
  ownerName?: string;
  phoneNumber?: string;
  hasExtensionAssigned?: boolean;
  hasDnAssigned?: boolean;
  hasDeviceAssigned?: boolean;
  start: number;
  max: number;
};

export type VirtualLineView = { line: StoredVirtualLine; location: Location };

/** Ends the calls of a virtual line being deleted (the call runtime). */
export type VirtualLineCalls = { endCallsOf(ownerId: string): Promise<void> };

const MAX_NAME = 30;

export class VirtualLineService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly calls: VirtualLineCalls | undefined;

  constructor(store: Store, clock: Clock, calls?: VirtualLineCalls) {
    this.store = store;
    this.clock = clock;
    this.calls = calls;
  }

  async list(orgId: string, q: VirtualLineListQuery): Promise<{ page: Page<StoredVirtualLine, number>; locations: Map<string, Location> }> {
    const decodeAll = (ids: string[] | undefined, type: 'LOCATION' | 'VIRTUAL_LINE') => ids?.map((id) => decodeId(id, type)).filter((id): id is string => id !== undefined);
    const ids = await this.withDevices(orgId, decodeAll(q.ids, 'VIRTUAL_LINE'), q.hasDeviceAssigned);
    const page = await this.store.virtualLines.list(orgId, {
      ...(q.locationIds ? { locationIds: decodeAll(q.locationIds, 'LOCATION')! } : {}),
      ...(ids ? { ids } : {}),
      ...(q.ownerName !== undefined ? { ownerName: q.ownerName } : {}),
      ...(q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber } : {}),
      ...(q.hasExtensionAssigned !== undefined ? { hasExtension: q.hasExtensionAssigned } : {}),
      ...(q.hasDnAssigned !== undefined ? { hasNumber: q.hasDnAssigned } : {}),
      start: q.start,
      max: q.max,
    });
    const locations = new Map<string, Location>();
    for (const line of page.items) {
      if (!locations.has(line.locationId)) {
        const location = await this.store.locations.get(orgId, line.locationId);
        if (location) locations.set(location.id, location);
      }
    }
    return { page, locations };
  }

  /** The virtual lines' device counts (phones carrying them as a line), by ID. */
  async deviceCounts(orgId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const port of await this.store.devices.linesOfKind(orgId, 'virtualLine')) counts.set(port.memberId, (counts.get(port.memberId) ?? 0) + 1);
    return counts;
  }

  /** The phones that carry the virtual line, with their owners. */
  async devices(orgId: string, publicId: string): Promise<VirtualLineView & { devices: Awaited<ReturnType<typeof devicesWithLineOf>> }> {
    const view = await this.get(orgId, publicId);
    return { ...view, devices: await devicesWithLineOf(this.store, orgId, view.line.id) };
  }

  /** The ids filter narrowed by hasDeviceAssigned (undefined: no filter at all). */
  private async withDevices(orgId: string, ids: string[] | undefined, hasDevice: boolean | undefined): Promise<string[] | undefined> {
    if (hasDevice === undefined) return ids;
    const assigned = new Set((await this.store.devices.linesOfKind(orgId, 'virtualLine')).map((p) => p.memberId));
    const all = ids ?? (await this.store.virtualLines.list(orgId, { start: 0, max: 100_000 })).items.map((l) => l.id);
    return all.filter((id) => assigned.has(id) === hasDevice);
  }

  async get(orgId: string, publicId: string): Promise<VirtualLineView> {
    const line = await virtualLineOf(this.store, orgId, publicId);
    const location = (await this.store.locations.get(orgId, line.locationId))!;
    return { line, location };
  }

  async create(orgId: string, input: VirtualLineInput): Promise<StoredVirtualLine> {
    return this.store.transaction(async (tx) => {
      if (input.locationId === undefined) throw badRequest('locationId is required.');
      const location = await asBadRequest(findCallingLocation(tx, orgId, input.locationId), `locationId ${input.locationId} is not a location of this organization.`);
      const id = randomUUID();
      const phoneNumber = input.phoneNumber ? await checkLineNumber(tx, location, input.phoneNumber, { virtualLineId: id }) : null;
      const extension = input.extension ? await checkLineExtension(tx, location, input.extension, { virtualLineId: id }) : null;
      if (phoneNumber === null && extension === null) throw badRequest('A virtual line needs a phoneNumber or an extension.');
      const line: StoredVirtualLine = {
        id,
        orgId,
        locationId: location.id,
        firstName: checkName('firstName', input.firstName),
        lastName: checkName('lastName', input.lastName),
        displayName: input.displayName?.trim() || null,
        phoneNumber,
        extension,
        details: { directorySearchEnabled: true, ...callerId(input) },
        created: timestamp(this.clock),
      };
      await tx.virtualLines.insert(line);
      return line;
    });
  }

  /** A PUT: the fields given replace the stored ones; an empty phoneNumber or extension removes it (one must stay). */
  async update(orgId: string, publicId: string, input: VirtualLineInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await virtualLineOf(tx, orgId, publicId);
      const location = (await tx.locations.get(orgId, current.locationId))!;
      const self = { virtualLineId: current.id };
      const phoneNumber = input.phoneNumber === undefined ? current.phoneNumber : input.phoneNumber === '' ? null : await checkLineNumber(tx, location, input.phoneNumber, self);
      const extension = input.extension === undefined ? current.extension : input.extension === '' ? null : await checkLineExtension(tx, location, input.extension, self);
      if (phoneNumber === null && extension === null) throw badRequest('A virtual line needs a phoneNumber or an extension.');
      await tx.virtualLines.update({
        ...current,
        firstName: input.firstName === undefined ? current.firstName : checkName('firstName', input.firstName),
        lastName: input.lastName === undefined ? current.lastName : checkName('lastName', input.lastName),
        displayName: input.displayName === undefined ? current.displayName : input.displayName.trim() || null,
        phoneNumber,
        extension,
        details: {
          ...current.details,
          ...callerId(input),
          ...(input.timeZone !== undefined ? { timeZone: checkTimeZone(input.timeZone) } : {}),
          ...(input.announcementLanguage !== undefined ? { announcementLanguage: checkLanguage('announcementLanguage', input.announcementLanguage) } : {}),
        },
      });
    });
  }

  async setDirectorySearch(orgId: string, publicId: string, enabled: boolean | undefined): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await virtualLineOf(tx, orgId, publicId);
      if (enabled !== undefined) await tx.virtualLines.update({ ...current, details: { ...current.details, directorySearchEnabled: enabled } });
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    const line = await virtualLineOf(this.store, orgId, publicId);
    await this.calls?.endCallsOf(line.id);
    await this.store.transaction(async (tx) => {
      await tx.ownerSettings.deleteOwner({ orgId, kind: 'virtualLine', id: line.id });
      // Off the phones, Webex Apps and DECT handsets that carried it (a handset keeps its other line).
      await tx.devices.deleteLinesOf(orgId, line.id);
      for (const app of await tx.devices.applicationLinesOf(orgId, line.id)) {
        const rest = (await tx.devices.applicationMembers(orgId, app.personId)).filter((m) => m.memberId !== line.id);
        await tx.devices.replaceApplicationMembers(orgId, app.personId, rest);
      }
      for (const handset of await tx.dect.handsetsOf(orgId, line.id)) {
        const rest = [handset.line1, handset.line2].filter((l) => l !== null && l.memberId !== line.id);
        if (rest.length === 0) await tx.dect.deleteHandsets(orgId, handset.networkId, [handset.id]);
        else await tx.dect.updateHandset({ ...handset, line1: rest[0]!, line2: null });
      }
      await tx.virtualLines.delete(orgId, line.id);
    });
  }
}

/** A virtual line of the organization; anything else is a 404. */
export async function virtualLineOf(store: Store, orgId: string, publicId: string): Promise<StoredVirtualLine> {
  const id = decodeId(publicId, 'VIRTUAL_LINE');
  const line = id ? await store.virtualLines.get(orgId, id) : undefined;
  if (!line) throw virtualLineNotFound();
  return line;
}

function checkName(field: string, value: string | undefined): string {
  const name = value?.trim();
  if (!name) throw badRequest(`${field} is required.`);
  if (name.length > MAX_NAME) throw badRequest(`${field} is at most ${MAX_NAME} characters.`);
  return name;
}

function callerId(input: VirtualLineInput): Partial<VirtualLineDetails> {
  const out: Partial<VirtualLineDetails> = {};
  if (input.callerIdFirstName !== undefined) out.callerIdFirstName = input.callerIdFirstName;
  if (input.callerIdLastName !== undefined) out.callerIdLastName = input.callerIdLastName;
  if (input.callerIdNumber !== undefined) {
    if (input.callerIdNumber !== '' && looseE164(input.callerIdNumber) === undefined) throw badRequest(`callerIdNumber "${input.callerIdNumber}" is not a phone number.`);
    out.callerIdNumber = input.callerIdNumber;
  }
  return out;
}

async function asBadRequest<T>(lookup: Promise<T>, message: string): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof WebexError && error.status === 404) throw badRequest(message);
    throw error;
  }
}
