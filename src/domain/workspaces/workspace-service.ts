import { randomUUID } from 'node:crypto';
import type { Location, Page, Store } from '../../store/store.ts';
import type { StoredWorkspace } from '../../store/workspaces-store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, notFound, WebexError } from '../errors.ts';
import { findCallingLocation, findLocation } from '../locations/location-service.ts';
import { decodeId, decodeLicenseId, encodeId } from '../webex-ids.ts';
import { checkLineExtension, checkLineNumber } from '../lines/line-checks.ts';
import type { WorkspaceCallingInput, WorkspaceDetails, WorkspaceInput } from './workspace-types.ts';

// Workspaces (Webex's /v1/workspaces): a place with devices. With calling type webexCalling a
// workspace has a line in a calling location (a number and/or an extension), makes and takes
// calls like a person (domain/calls/destinations.ts) and has settings documents of its own.

export const workspaceNotFound = () => notFound('Workspace not found.');

export type WorkspaceListQuery = {
  locationId?: string;
  workspaceLocationId?: string;
  floorId?: string;
  displayName?: string;
  capacity?: number;
  type?: string;
  calling?: string;
  supportedDevices?: string;
  start: number;
  max: number;
};

/** Ends the calls of a workspace being deleted or losing its line (the call runtime). */
export type WorkspaceCalls = { endCallsOf(ownerId: string): Promise<void> };

const MAX_NAME = 256;

export class WorkspaceService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly calls: WorkspaceCalls | undefined;

  constructor(store: Store, clock: Clock, calls?: WorkspaceCalls) {
    this.store = store;
    this.clock = clock;
    this.calls = calls;
  }

  async list(orgId: string, query: WorkspaceListQuery): Promise<Page<StoredWorkspace, number>> {
    if (query.floorId !== undefined) return { items: [] };
    const locationRef = query.locationId ?? query.workspaceLocationId;
    const locationId = locationRef === undefined ? undefined : decodeId(locationRef, 'LOCATION');
    if (locationRef !== undefined && locationId === undefined) return { items: [] };
    return this.store.workspaces.list(orgId, {
      ...(locationId !== undefined ? { locationId } : {}),
      ...(query.displayName !== undefined ? { displayName: query.displayName } : {}),
      ...(query.capacity !== undefined ? { capacity: query.capacity } : {}),
      ...(query.type !== undefined ? { type: query.type } : {}),
      ...(query.calling !== undefined ? { callingType: query.calling } : {}),
      ...(query.supportedDevices !== undefined ? { supportedDevices: query.supportedDevices } : {}),
      start: query.start,
      max: query.max,
    });
  }

  async get(orgId: string, publicId: string): Promise<StoredWorkspace> {
    return workspaceOf(this.store, orgId, publicId);
  }

  async create(orgId: string, input: WorkspaceInput): Promise<StoredWorkspace> {
    return this.store.transaction(async (tx) => {
      const displayName = checkName(input.displayName);
      const locationId = await workspaceLocation(tx, orgId, input);
      const details: WorkspaceDetails = {
        calendar: checkCalendar(input.calendar),
        deviceHostedMeetings: { enabled: input.deviceHostedMeetings?.enabled ?? false, ...(input.deviceHostedMeetings?.siteUrl ? { siteUrl: input.deviceHostedMeetings.siteUrl } : {}) },
        ...(input.indoorNavigation?.url ? { indoorNavigation: { url: input.indoorNavigation.url } } : {}),
        licenses: [],
      };
      const draft: StoredWorkspace = {
        id: randomUUID(),
        orgId,
        displayName,
        locationId,
        callingType: 'freeCalling',
        callingLocationId: null,
        phoneNumber: null,
        extension: null,
        capacity: checkCapacity(input.capacity),
        type: input.type ?? 'notSet',
        sipAddress: input.sipAddress ?? null,
        notes: input.notes ?? null,
        hotdeskingStatus: input.hotdeskingStatus ?? 'off',
        supportedDevices: input.supportedDevices ?? 'collaborationDevices',
        details,
        created: timestamp(this.clock),
      };
      const workspace = await applyCalling(tx, draft, input.calling ?? { type: 'freeCalling' }, true);
      await tx.workspaces.insert(workspace);
      return workspace;
    });
  }

  /**
   * Webex's PUT: capacity, type and notes left out are cleared (its description says so); every
   * other field left out stays as it is.
   */
  async update(orgId: string, publicId: string, input: WorkspaceInput): Promise<StoredWorkspace> {
    let lostLine = false;
    const updated = await this.store.transaction(async (tx) => {
      const current = await workspaceOf(tx, orgId, publicId);
      const next: StoredWorkspace = {
        ...current,
        displayName: input.displayName === undefined ? current.displayName : checkName(input.displayName),
        locationId: input.locationId === undefined && input.workspaceLocationId === undefined ? current.locationId : await workspaceLocation(tx, orgId, input),
        capacity: checkCapacity(input.capacity),
        type: input.type ?? 'notSet',
        notes: input.notes ?? null,
        sipAddress: input.sipAddress ?? current.sipAddress,
        hotdeskingStatus: input.hotdeskingStatus ?? current.hotdeskingStatus,
        details: {
          ...current.details,
          ...(input.calendar ? { calendar: checkCalendar(input.calendar) } : {}),
          ...(input.deviceHostedMeetings ? { deviceHostedMeetings: { ...current.details.deviceHostedMeetings, ...input.deviceHostedMeetings } } : {}),
          ...(input.indoorNavigation?.url ? { indoorNavigation: { url: input.indoorNavigation.url } } : {}),
        },
      };
      const workspace = input.calling ? await applyCalling(tx, next, input.calling, false) : next;
      lostLine = current.callingType === 'webexCalling' && workspace.callingType !== 'webexCalling';
      await tx.workspaces.update(workspace);
      return workspace;
    });
    if (lostLine) await this.calls?.endCallsOf(updated.id);
    return updated;
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    const workspace = await workspaceOf(this.store, orgId, publicId);
    await this.calls?.endCallsOf(workspace.id);
    await this.store.transaction(async (tx) => {
      await tx.ownerSettings.deleteOwner({ orgId, kind: 'workspace', id: workspace.id });
      await tx.alternateNumbers.deleteOfOwner(orgId, workspace.id);
      await tx.workspaces.delete(orgId, workspace.id);
    });
  }
}

/** A workspace of the organization; anything else is a 404. */
export async function workspaceOf(store: Store, orgId: string, publicId: string): Promise<StoredWorkspace> {
  const id = decodeId(publicId, 'PLACE');
  const workspace = id ? await store.workspaces.get(orgId, id) : undefined;
  if (!workspace) throw workspaceNotFound();
  return workspace;
}

/** A workspace with a Webex Calling line; anything else is a 404 on its calling settings. */
export async function callingWorkspaceOf(store: Store, orgId: string, publicId: string): Promise<StoredWorkspace> {
  const workspace = await workspaceOf(store, orgId, publicId);
  if (workspace.callingType !== 'webexCalling' || workspace.callingLocationId === null) throw workspaceNotFound();
  return workspace;
}

function checkName(value: string | undefined): string {
  const name = value?.trim();
  if (!name) throw badRequest('displayName is required.');
  if (name.length > MAX_NAME) throw badRequest(`displayName is at most ${MAX_NAME} characters.`);
  return name;
}

function checkCapacity(value: number | undefined): number | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 999) throw badRequest('capacity must be a whole number from 0 to 999.');
  return value;
}

function checkCalendar(input: WorkspaceInput['calendar']): WorkspaceDetails['calendar'] {
  const type = input?.type ?? 'none';
  if (!['none', 'google', 'microsoft'].includes(type)) throw badRequest(`calendar.type "${type}" is not one of none, google, microsoft.`);
  if (type !== 'none' && !input?.emailAddress) throw badRequest(`calendar.emailAddress is required with calendar type ${type}.`);
  return type === 'none' ? { type } : { type, emailAddress: input!.emailAddress!, ...(input?.resourceGroupId ? { resourceGroupId: input.resourceGroupId } : {}) };
}

/** The workspace's location (locationId, or the older workspaceLocationId naming a location). */
async function workspaceLocation(tx: Store, orgId: string, input: WorkspaceInput): Promise<string | null> {
  if (input.floorId !== undefined) throw badRequest(`floorId ${input.floorId} is not a floor of this organization.`);
  const ref = input.locationId ?? input.workspaceLocationId;
  if (ref === undefined) return null;
  return (await asBadRequest(findLocation(tx, orgId, ref), `locationId ${ref} is not a location of this organization.`)).id;
}

/** A lookup whose 404 is a 400 here: the ID is a field of the body, not the resource. */
async function asBadRequest<T>(lookup: Promise<T>, message: string): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof WebexError && error.status === 404) throw badRequest(message);
    throw error;
  }
}

const CALLING_TYPES = ['freeCalling', 'hybridCalling', 'webexCalling', 'webexEdgeForDevices', 'thirdPartySipCalling', 'none'];

/**
 * The calling part of a create or update. webexCalling needs a calling location (its own
 * locationId, else the workspace's) and a number or an extension; any other type has no line.
 */
async function applyCalling(tx: Store, workspace: StoredWorkspace, input: WorkspaceCallingInput, creating: boolean): Promise<StoredWorkspace> {
  const type = input.type ?? (input.webexCalling ? 'webexCalling' : workspace.callingType);
  if (!CALLING_TYPES.includes(type)) throw badRequest(`calling.type "${type}" is not supported.`);
  if (type !== 'webexCalling') {
    if (input.webexCalling) throw badRequest('calling.webexCalling is only given with calling type webexCalling.');
    return { ...workspace, callingType: type, callingLocationId: null, phoneNumber: null, extension: null, details: { ...workspace.details, licenses: [] } };
  }
  const line = input.webexCalling ?? {};
  const keep = !creating && workspace.callingType === 'webexCalling';
  const locationRef = line.locationId;
  let location: Location;
  if (locationRef !== undefined) {
    location = await asBadRequest(findCallingLocation(tx, workspace.orgId, locationRef), `calling.webexCalling.locationId ${locationRef} is not a location of this organization.`);
  } else if (keep && workspace.callingLocationId) {
    location = (await tx.locations.get(workspace.orgId, workspace.callingLocationId))!;
  } else if (workspace.locationId) {
    location = await findCallingLocation(tx, workspace.orgId, encodeLocation(workspace.locationId));
  } else {
    throw badRequest('calling.webexCalling.locationId is required for a Webex Calling workspace.');
  }
  const moved = keep && location.id !== workspace.callingLocationId;
  const phoneNumber = line.phoneNumber !== undefined ? (line.phoneNumber === '' ? null : await checkLineNumber(tx, location, line.phoneNumber, { workspaceId: workspace.id })) : keep && !moved ? workspace.phoneNumber : null;
  const extension = line.extension !== undefined ? (line.extension === '' ? null : await checkLineExtension(tx, location, line.extension, { workspaceId: workspace.id })) : keep && !moved ? workspace.extension : null;
  if (phoneNumber === null && extension === null) throw badRequest('A Webex Calling workspace needs calling.webexCalling.phoneNumber or extension.');
  const licenses = line.licenses === undefined ? (keep ? workspace.details.licenses : []) : await checkLicenses(tx, workspace.orgId, line.licenses);
  return { ...workspace, callingType: type, callingLocationId: location.id, phoneNumber, extension, details: { ...workspace.details, licenses } };
}

async function checkLicenses(tx: Store, orgId: string, licenses: string[]): Promise<string[]> {
  for (const license of licenses) {
    const id = decodeLicenseId(license);
    const held = id ? await tx.licenses.get(orgId, id) : undefined;
    if (!held || held.calling === null) throw badRequest(`calling.webexCalling.licenses: ${license} is not a Webex Calling license of this organization.`);
  }
  return [...new Set(licenses)];
}

const encodeLocation = (id: string) => encodeId('LOCATION', id);
