import { randomInt, randomUUID } from 'node:crypto';
import type { DeviceFilter, StoredDevice, StoredDeviceMember } from '../../store/devices-store.ts';
import type { Page, Person, Store } from '../../store/store.ts';
import type { StoredWorkspace } from '../../store/workspaces-store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { personNotFound } from '../people/people-errors.ts';
import { decodeId } from '../webex-ids.ts';
import { workspaceNotFound } from '../workspaces/workspace-service.ts';
import { findModel, type DeviceModel } from './device-models.ts';
import { normalizeMac } from './mac-addresses.ts';

// Devices of the organization (the Devices API): phones added by MAC address, or waiting for an
// activation code, owned by one person or one workspace with a Webex Calling line. A new device
// carries its owner's line on port 1; other lines are added through its members (device-members.ts).

export const deviceNotFound = () => notFound('Device not found.');

/** Webex lets a person or workspace own this many phones. */
export const MAX_OWNED_DEVICES = 5;
/** Activation codes of phones are valid this long. */
const ACTIVATION_CODE_MS = 7 * 24 * 3600_000;

export type DeviceOwner = { kind: 'person'; person: Person } | { kind: 'workspace'; workspace: StoredWorkspace };
export type CreateDeviceInput = { mac?: string; model?: string; personId?: string; workspaceId?: string; password?: string };
export type ActivationInput = { personId?: string; workspaceId?: string; model?: string };
export type TagPatch = { op: 'add' | 'remove' | 'replace'; path: string; value?: string[] };
export type DeviceListQuery = Omit<DeviceFilter, 'personId' | 'workspaceId' | 'locationId' | 'mac'> & { personId?: string; workspaceId?: string; locationId?: string; mac?: string };

/** The device's line for its owner: port 1, primary. */
export function ownerLine(device: StoredDevice): StoredDeviceMember {
  const ownerId = (device.personId ?? device.workspaceId)!;
  return {
    deviceId: device.id,
    orgId: device.orgId,
    port: 1,
    memberKind: device.personId !== null ? 'person' : 'workspace',
    memberId: ownerId,
    line: { primaryOwner: true, lineType: 'PRIMARY', lineWeight: 1, hotlineEnabled: false, hotlineDestination: '', allowCallDeclineEnabled: true, t38FaxCompressionEnabled: false },
  };
}

export class DeviceService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: DeviceListQuery): Promise<Page<StoredDevice, number>> {
    // A filter naming nothing this organization has matches nothing (Webex answers an empty list).
    const id = (value: string | undefined, type: 'PEOPLE' | 'PLACE' | 'LOCATION') => (value === undefined ? undefined : (decodeId(value, type) ?? '-'));
    const mac = query.mac === undefined ? undefined : (normalizeMac(query.mac) ?? '-');
    return this.store.devices.list(orgId, {
      ...query,
      personId: id(query.personId, 'PEOPLE'),
      workspaceId: id(query.workspaceId, 'PLACE'),
      locationId: id(query.locationId, 'LOCATION'),
      mac,
    });
  }

  async get(orgId: string, publicId: string): Promise<StoredDevice> {
    return deviceOf(this.store, orgId, publicId);
  }

  async create(orgId: string, input: CreateDeviceInput): Promise<StoredDevice> {
    const mac = normalizeMac(input.mac ?? '');
    if (mac === undefined) throw badRequest(`"${input.mac ?? ''}" is not a MAC address of 12 hexadecimal digits.`);
    const model = checkModel(input.model, 'MAC_ADDRESS');
    if (model.manufacturer === 'THIRD_PARTY' && !input.password) throw badRequest(`A password is required to add a ${model.displayName}.`);
    if (input.password !== undefined) checkSipPassword(input.password);
    return this.store.transaction(async (tx) => {
      const owner = await ownerOf(tx, orgId, input);
      if (await tx.devices.findByMac(orgId, mac)) throw conflict(`MAC address ${mac} is in use.`);
      const device = await this.insert(tx, owner, model, { mac, activationState: 'activated', activationCode: null, activationExpiry: null });
      if (model.manufacturer === 'THIRD_PARTY') await tx.devices.setSipPassword(orgId, device.id, input.password!);
      return device;
    });
  }

  /**
   * An activation code for the owner. With a phone model, the phone is added at once, waiting
   * for the code (`activating`); without one the code is for a RoomOS device, which Callplane
   * does not simulate, so nothing is added.
   */
  async activationCode(orgId: string, input: ActivationInput): Promise<{ code: string; expiryTime: string }> {
    const model = input.model === undefined ? undefined : checkModel(input.model, 'ACTIVATION_CODE');
    const code = Array.from({ length: 16 }, () => randomInt(10)).join('');
    const expiryTime = new Date(this.clock.now().getTime() + ACTIVATION_CODE_MS).toISOString();
    await this.store.transaction(async (tx) => {
      const owner = await ownerOf(tx, orgId, input);
      if (model) await this.insert(tx, owner, model, { mac: null, activationState: 'activating', activationCode: code, activationExpiry: expiryTime });
    });
    return { code, expiryTime };
  }

  /** Applies the patch operations in order; only `tags` can be patched. */
  async patchTags(orgId: string, publicId: string, patches: readonly TagPatch[]): Promise<StoredDevice> {
    return this.store.transaction(async (tx) => {
      const device = await deviceOf(tx, orgId, publicId);
      let tags = device.tags;
      for (const patch of patches) {
        if (patch.path.replace(/^\//, '') !== 'tags') throw badRequest(`Only the tags of a device can be patched, not "${patch.path}".`);
        const value = patch.value ?? [];
        if (patch.op !== 'remove' && patch.value === undefined) throw badRequest(`The ${patch.op} operation needs a value: a list of tags.`);
        if (value.some((t) => t.trim() === '' || t.length > 256)) throw badRequest('A tag is 1 to 256 characters.');
        if (patch.op === 'replace') tags = [...new Set(value)];
        else if (patch.op === 'add') tags = [...new Set([...tags, ...value])];
        // remove without a value removes every tag; with one, those tags.
        else tags = patch.value === undefined ? [] : tags.filter((t) => !value.includes(t));
      }
      if (tags.length > 100) throw badRequest('A device holds at most 100 tags.');
      await tx.devices.updateTags(orgId, device.id, tags);
      return { ...device, tags };
    });
  }

  /** A third-party phone's SIP password; Cisco phones get theirs from Webex (400). */
  async setSipPassword(orgId: string, publicId: string, password: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      // The device first: another organization's is a 404 whatever the body holds.
      const device = await deviceOf(tx, orgId, publicId);
      if (findModel(device.model)?.manufacturer !== 'THIRD_PARTY') throw badRequest('Only a third-party device takes a SIP password.');
      checkSipPassword(password);
      await tx.devices.setSipPassword(orgId, device.id, password);
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const device = await deviceOf(tx, orgId, publicId);
      await tx.devices.delete(orgId, device.id);
    });
  }

  private async insert(tx: Store, owner: DeviceOwner, model: DeviceModel, state: Pick<StoredDevice, 'mac' | 'activationState' | 'activationCode' | 'activationExpiry'>): Promise<StoredDevice> {
    const person = owner.kind === 'person' ? owner.person : undefined;
    const workspace = owner.kind === 'workspace' ? owner.workspace : undefined;
    const orgId = (person ?? workspace)!.orgId;
    const owned = await tx.devices.list(orgId, { personId: person?.id, workspaceId: workspace?.id, start: 0, max: MAX_OWNED_DEVICES });
    if (owned.items.length >= MAX_OWNED_DEVICES) throw badRequest(`A ${owner.kind} owns at most ${MAX_OWNED_DEVICES} devices.`);
    const device: StoredDevice = {
      id: randomUUID(),
      orgId,
      personId: person?.id ?? null,
      workspaceId: workspace?.id ?? null,
      locationId: person?.locationId ?? workspace?.callingLocationId ?? null,
      displayName: person?.displayName ?? workspace!.displayName,
      model: model.model,
      tags: [],
      created: timestamp(this.clock),
      configSynced: null,
      ...state,
    };
    await tx.devices.insert(device, [ownerLine(device)]);
    return device;
  }
}

/** A device of the organization; anything else is a 404. */
export async function deviceOf(store: Store, orgId: string, publicId: string): Promise<StoredDevice> {
  const id = decodeId(publicId, 'DEVICE');
  const device = id ? await store.devices.get(orgId, id) : undefined;
  if (!device) throw deviceNotFound();
  return device;
}

/** SIP passwords: 8 to 64 characters with a letter and a digit (Webex refuses weak ones). */
function checkSipPassword(password: string): void {
  if (password.length < 8 || password.length > 64 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw badRequest('The SIP password must be 8 to 64 characters, with at least one letter and one digit.');
  }
}

function checkModel(name: string | undefined, onboarding: DeviceModel['onboardingMethod'][number]): DeviceModel {
  if (name === undefined || name.trim() === '') throw badRequest('model is required.');
  const model = findModel(name);
  if (!model) throw badRequest(`Model "${name}" is not a supported device (see /telephony/config/supportedDevices).`);
  if (!model.onboardingMethod.includes(onboarding)) throw badRequest(`A ${model.displayName} cannot be added by ${onboarding === 'MAC_ADDRESS' ? 'MAC address' : 'activation code'}.`);
  return model;
}

/** The owner named by personId or workspaceId (exactly one), with a Webex Calling line. */
export async function ownerOf(store: Store, orgId: string, input: { personId?: string; workspaceId?: string }): Promise<DeviceOwner> {
  if ((input.personId === undefined) === (input.workspaceId === undefined)) throw badRequest('Give either personId or workspaceId, not both.');
  if (input.personId !== undefined) {
    const id = decodeId(input.personId, 'PEOPLE');
    if (!id) throw badRequest(`personId "${input.personId}" is not a person ID.`);
    const person = await store.people.get(orgId, id);
    if (!person) throw personNotFound();
    if (person.locationId === null) throw badRequest('The person has no Webex Calling license: a phone needs a calling line.');
    return { kind: 'person', person };
  }
  const id = decodeId(input.workspaceId!, 'PLACE');
  if (!id) throw badRequest(`workspaceId "${input.workspaceId}" is not a workspace ID.`);
  const workspace = await store.workspaces.get(orgId, id);
  if (!workspace) throw workspaceNotFound();
  if (workspace.callingType !== 'webexCalling' || workspace.callingLocationId === null) throw badRequest('The workspace has no Webex Calling line: a phone needs one.');
  return { kind: 'workspace', workspace };
}
