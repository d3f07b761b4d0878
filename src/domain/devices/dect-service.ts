import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { HandsetLine, StoredBaseStation, StoredDectNetwork, StoredHandset } from '../../store/dect-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound, WebexError } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import { DECT_MODELS, type DectModel } from './device-models.ts';
import { lineHolders, lineMemberOf, type LineHolder } from './device-members.ts';
import { normalizeMac } from './mac-addresses.ts';

// DECT networks of a location: base stations added by MAC (a DBS-110 takes one, a DBS-210 up to
// 254) and handsets with one or two lines (people or workspaces with Webex Calling), within the
// model's lines and registrations. Handsets pair with an access code: the network's default one,
// or a 4-digit code of their own.

export const dectNetworkNotFound = () => notFound('DECT network not found.');
export const baseStationNotFound = () => notFound('Base station not found.');
export const handsetNotFound = () => notFound('Handset not found.');

const MAX_BULK_HANDSETS = 50;

export type NetworkInput = { name?: string; displayName?: string; model?: string; defaultAccessCodeEnabled?: boolean; defaultAccessCode?: string };
export type HandsetInput = { line1MemberId: string; line2MemberId?: string; customDisplayName: string };
export type NetworkView = { network: StoredDectNetwork; location: Location; baseStations: StoredBaseStation[]; handsets: StoredHandset[] };
export type HandsetView = { handset: StoredHandset; holders: Map<string, LineHolder> };

/** A model by its name or either display name Webex accepts ("Cisco DECT 210 Base" too). */
function dectModel(name: string | undefined): DectModel {
  const wanted = (name ?? '').trim().toLowerCase();
  const model = DECT_MODELS.find((m) => [m.model, m.displayName, m.displayName.replace(' Multi-Cell', '')].some((n) => n.toLowerCase() === wanted));
  if (!model) throw badRequest(`model must be one of ${DECT_MODELS.map((m) => m.model).join(', ')}.`);
  return model;
}

const modelOf = (network: StoredDectNetwork) => DECT_MODELS.find((m) => m.model === network.model) ?? DECT_MODELS[0]!;
const linesOf = (h: StoredHandset) => (h.line2 ? [h.line1, h.line2] : [h.line1]);

export class DectService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, filter: { name?: string; locationId?: string }): Promise<NetworkView[]> {
    const locationId = filter.locationId === undefined ? undefined : (decodeId(filter.locationId, 'LOCATION') ?? '-');
    const networks = await this.store.dect.listNetworks(orgId, { name: filter.name, locationId });
    const views: NetworkView[] = [];
    for (const network of networks) {
      const location = await this.store.locations.get(orgId, network.locationId);
      if (location) views.push(await this.view(this.store, network, location));
    }
    return views;
  }

  async create(orgId: string, locationPublicId: string, input: NetworkInput): Promise<StoredDectNetwork> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const model = dectModel(input.model);
      const network: StoredDectNetwork = {
        id: randomUUID(),
        orgId,
        locationId: location.id,
        name: '',
        displayName: null,
        model: model.model,
        // The chain ID ties a network's base stations together on the air.
        chainId: randomInt(1, 65536),
        defaultAccessCodeEnabled: false,
        defaultAccessCode: null,
        serviceabilityPasswordEnabled: false,
        serviceabilityPassword: null,
        created: timestamp(this.clock),
      };
      await this.apply(tx, network, input);
      await tx.dect.insertNetwork(network);
      return network;
    });
  }

  async get(orgId: string, locationPublicId: string, publicId: string): Promise<NetworkView> {
    const { network, location } = await this.find(this.store, orgId, locationPublicId, publicId);
    return this.view(this.store, network, location);
  }

  async update(orgId: string, locationPublicId: string, publicId: string, input: NetworkInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      await this.apply(tx, network, input);
      await tx.dect.updateNetwork(network);
    });
  }

  async delete(orgId: string, locationPublicId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      await tx.dect.deleteNetwork(orgId, network.id);
    });
  }

  /** Each MAC's result, in order: 200 with its ID, 400 for a malformed MAC or one past the model's limit, 409 for a MAC in use. */
  async addBaseStations(orgId: string, locationPublicId: string, publicId: string, macs: readonly string[]): Promise<{ mac: string; result: { status: number; id?: string } }[]> {
    if (macs.length === 0) throw badRequest('baseStationMacs is required: a list of MAC addresses.');
    return this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      let count = (await tx.dect.baseStations(orgId, network.id)).length;
      const limit = modelOf(network).numberOfBaseStations;
      const out: { mac: string; result: { status: number; id?: string } }[] = [];
      for (const given of macs) {
        const mac = normalizeMac(given);
        if (mac === undefined || count >= limit) {
          out.push({ mac: given, result: { status: 400 } });
          continue;
        }
        if ((await tx.dect.findBaseStationByMac(orgId, mac)) || (await tx.devices.findByMac(orgId, mac))) {
          out.push({ mac: given, result: { status: 409 } });
          continue;
        }
        const station: StoredBaseStation = { id: randomUUID(), orgId, networkId: network.id, mac, created: timestamp(this.clock) };
        await tx.dect.insertBaseStation(station);
        count++;
        out.push({ mac, result: { status: 200, id: station.id } });
      }
      return out;
    });
  }

  async baseStation(orgId: string, locationPublicId: string, publicId: string, stationPublicId: string): Promise<{ station: StoredBaseStation; view: NetworkView; holders: Map<string, LineHolder> }> {
    const { network, location } = await this.find(this.store, orgId, locationPublicId, publicId);
    const view = await this.view(this.store, network, location);
    const id = decodeId(stationPublicId, 'DECT_BASE_STATION');
    const station = view.baseStations.find((s) => s.id === id);
    if (!station) throw baseStationNotFound();
    return { station, view, holders: await this.holders(view.handsets) };
  }

  /** Deletes one base station, or all of the network's (stationPublicId undefined). */
  async deleteBaseStations(orgId: string, locationPublicId: string, publicId: string, stationPublicId?: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      if (stationPublicId === undefined) return tx.dect.deleteBaseStations(orgId, network.id);
      const id = decodeId(stationPublicId, 'DECT_BASE_STATION');
      const station = (await tx.dect.baseStations(orgId, network.id)).find((s) => s.id === id);
      if (!station) throw baseStationNotFound();
      await tx.dect.deleteBaseStations(orgId, network.id, [station.id]);
    });
  }

  async handsets(orgId: string, locationPublicId: string, publicId: string, filter: { basestationId?: string; memberId?: string }): Promise<{ view: NetworkView; handsets: StoredHandset[]; holders: Map<string, LineHolder> }> {
    const { network, location } = await this.find(this.store, orgId, locationPublicId, publicId);
    const view = await this.view(this.store, network, location);
    let handsets = view.handsets;
    if (filter.basestationId !== undefined && decodeId(filter.basestationId, 'DECT_BASE_STATION') !== view.baseStations[0]?.id) handsets = [];
    if (filter.memberId !== undefined) {
      const member = lineMemberOf(filter.memberId, true)?.memberId;
      handsets = handsets.filter((h) => linesOf(h).some((l) => l.memberId === member));
    }
    return { view, handsets, holders: await this.holders(handsets) };
  }

  async handset(orgId: string, locationPublicId: string, publicId: string, handsetPublicId: string): Promise<HandsetView & { view: NetworkView }> {
    const { network, location } = await this.find(this.store, orgId, locationPublicId, publicId);
    const view = await this.view(this.store, network, location);
    const id = decodeId(handsetPublicId, 'DECT_HANDSET');
    const handset = view.handsets.find((h) => h.id === id);
    if (!handset) throw handsetNotFound();
    return { handset, view, holders: await this.holders([handset]) };
  }

  async addHandset(orgId: string, locationPublicId: string, publicId: string, input: HandsetInput): Promise<StoredHandset> {
    return this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      return this.insertHandset(tx, network, input);
    });
  }

  /** Up to 50 handsets; each is added or refused on its own (206 when some were refused). */
  async addHandsets(orgId: string, locationPublicId: string, publicId: string, inputs: readonly HandsetInput[]): Promise<{ customDisplayName: string; result: { status: number; error?: { message: string; errorCode: number } } }[]> {
    if (inputs.length === 0 || inputs.length > MAX_BULK_HANDSETS) throw badRequest(`items: 1 to ${MAX_BULK_HANDSETS} handsets.`);
    const { network } = await this.find(this.store, orgId, locationPublicId, publicId);
    const out = [];
    for (const input of inputs) {
      try {
        await this.store.transaction((tx) => this.insertHandset(tx, network, input));
        out.push({ customDisplayName: input.customDisplayName, result: { status: 201 } });
      } catch (error) {
        if (!(error instanceof WebexError)) throw error;
        out.push({ customDisplayName: input.customDisplayName, result: { status: error.status, error: { message: error.message, errorCode: error.errorCode ?? error.status } } });
      }
    }
    return out;
  }

  async updateHandset(orgId: string, locationPublicId: string, publicId: string, handsetPublicId: string, input: HandsetInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      const id = decodeId(handsetPublicId, 'DECT_HANDSET');
      const handsets = await tx.dect.handsets(orgId, network.id);
      const handset = handsets.find((h) => h.id === id);
      if (!handset) throw handsetNotFound();
      const lines = await this.checkLines(tx, network, input, handsets.filter((h) => h.id !== handset.id));
      await tx.dect.updateHandset({ ...handset, customDisplayName: checkHandsetName(input.customDisplayName), line1: lines[0]!, line2: lines[1] ?? null });
    });
  }

  /** Deletes the handsets given (each must be the network's), or all of them. */
  async deleteHandsets(orgId: string, locationPublicId: string, publicId: string, handsetPublicIds: readonly string[] | 'all'): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      if (handsetPublicIds === 'all') return tx.dect.deleteHandsets(orgId, network.id);
      const own = new Set((await tx.dect.handsets(orgId, network.id)).map((h) => h.id));
      const ids = handsetPublicIds.map((p) => decodeId(p, 'DECT_HANDSET'));
      if (ids.length === 0) throw badRequest('handsetIds is required (or deleteAll).');
      if (ids.some((id) => id === undefined || !own.has(id))) throw handsetNotFound();
      await tx.dect.deleteHandsets(orgId, network.id, ids as string[]);
    });
  }

  async password(orgId: string, locationPublicId: string, publicId: string): Promise<boolean> {
    return (await this.find(this.store, orgId, locationPublicId, publicId)).network.serviceabilityPasswordEnabled;
  }

  async setPassword(orgId: string, locationPublicId: string, publicId: string, enabled: boolean): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      await tx.dect.updateNetwork({ ...network, serviceabilityPasswordEnabled: enabled });
    });
  }

  /** A new 16-character password, enabled. */
  async generatePassword(orgId: string, locationPublicId: string, publicId: string): Promise<string> {
    const password = randomBytes(12).toString('base64url').slice(0, 16);
    await this.store.transaction(async (tx) => {
      const { network } = await this.find(tx, orgId, locationPublicId, publicId);
      await tx.dect.updateNetwork({ ...network, serviceabilityPasswordEnabled: true, serviceabilityPassword: password });
    });
    return password;
  }

  /** The networks with a handset carrying this member's line, with how many handsets do. */
  /** The networks with a handset carrying the member's line: how many, and whether one has it as line 1 (primary). */
  async networksOf(orgId: string, memberId: string): Promise<{ network: StoredDectNetwork; handsets: number; primary: boolean }[]> {
    const handsets = await this.store.dect.handsetsOf(orgId, memberId);
    const byNetwork = new Map<string, { handsets: number; primary: boolean }>();
    for (const h of handsets) {
      const seen = byNetwork.get(h.networkId) ?? { handsets: 0, primary: false };
      byNetwork.set(h.networkId, { handsets: seen.handsets + 1, primary: seen.primary || h.line1.memberId === memberId });
    }
    const out = [];
    for (const [networkId, counts] of byNetwork) {
      const network = await this.store.dect.getNetwork(orgId, networkId);
      if (network) out.push({ network, ...counts });
    }
    return out;
  }

  async holders(handsets: readonly StoredHandset[]): Promise<Map<string, LineHolder>> {
    const first = handsets[0];
    if (!first) return new Map();
    return lineHolders(this.store, first.orgId, handsets.flatMap(linesOf).map((l) => ({ memberKind: l.kind, memberId: l.memberId })));
  }

  private async insertHandset(tx: Store, network: StoredDectNetwork, input: HandsetInput): Promise<StoredHandset> {
    const handsets = await tx.dect.handsets(network.orgId, network.id);
    const model = modelOf(network);
    if (handsets.length >= model.numberOfRegistrationsSupported) throw badRequest(`A ${model.displayName} network registers at most ${model.numberOfRegistrationsSupported} handsets.`);
    const lines = await this.checkLines(tx, network, input, handsets);
    const used = new Set(handsets.map((h) => h.accessCode));
    let accessCode = network.defaultAccessCodeEnabled && network.defaultAccessCode ? network.defaultAccessCode : '';
    while (accessCode === '' || (!network.defaultAccessCodeEnabled && used.has(accessCode))) accessCode = String(randomInt(1000, 10000));
    const handset: StoredHandset = {
      id: randomUUID(),
      orgId: network.orgId,
      networkId: network.id,
      index: Math.max(0, ...handsets.map((h) => h.index)) + 1,
      customDisplayName: checkHandsetName(input.customDisplayName),
      // The handset's own address, as it announces itself when it pairs.
      mac: randomBytes(6).toString('hex').toUpperCase(),
      accessCode,
      line1: lines[0]!,
      line2: lines[1] ?? null,
      created: timestamp(this.clock),
    };
    await tx.dect.insertHandset(handset);
    return handset;
  }

  /** The handset's lines: line 1 required, line 2 optional and another member; within the model's lines. */
  private async checkLines(tx: Store, network: StoredDectNetwork, input: HandsetInput, others: readonly StoredHandset[]): Promise<HandsetLine[]> {
    const ids = input.line2MemberId !== undefined && input.line2MemberId !== '' ? [input.line1MemberId, input.line2MemberId] : [input.line1MemberId];
    // A handset's line may be a virtual line's, as a device's (device-members.ts).
    const lines = ids.map((id): HandsetLine => {
      const member = lineMemberOf(id, true);
      if (!member) throw badRequest(`${id} is not a person, workspace or virtual line ID.`);
      return { kind: member.memberKind, memberId: member.memberId };
    });
    if (lines.length === 2 && lines[0]!.memberId === lines[1]!.memberId) throw badRequest('line1MemberId and line2MemberId must be different members.');
    const holders = await lineHolders(tx, network.orgId, lines.map((l) => ({ memberKind: l.kind, memberId: l.memberId })));
    const missing = ids.find((_, i) => !holders.has(lines[i]!.memberId));
    if (missing) throw badRequest(`${missing} is not a person, workspace or virtual line of this organization with Webex Calling.`);
    const model = modelOf(network);
    if (others.flatMap(linesOf).length + lines.length > model.numberOfLinePorts) throw badRequest(`A ${model.displayName} network carries at most ${model.numberOfLinePorts} lines.`);
    return lines;
  }

  private async apply(tx: Store, network: StoredDectNetwork, input: NetworkInput): Promise<void> {
    const name = (input.name ?? '').trim();
    if (name.length < 1 || name.length > 40) throw badRequest('name must hold 1 to 40 characters.');
    const displayName = input.displayName?.trim() || null;
    if (displayName !== null && displayName.length > 11) throw badRequest('displayName is at most 11 characters.');
    const enabled = input.defaultAccessCodeEnabled === true;
    const code = input.defaultAccessCode?.trim() || null;
    if (enabled && (code === null || !/^\d{4}$/.test(code))) throw badRequest('defaultAccessCode must be 4 digits when defaultAccessCodeEnabled is true.');
    const siblings = (await tx.dect.listNetworks(network.orgId, { locationId: network.locationId })).filter((n) => n.id !== network.id);
    if (siblings.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw conflict(`The location already has a DECT network named "${name}".`);
    // Handsets in range of two networks with one code could pair with the wrong one.
    if (enabled && siblings.some((n) => n.defaultAccessCodeEnabled && n.defaultAccessCode === code)) throw badRequest(`Another DECT network of the location uses the access code ${code}.`);
    Object.assign(network, { name, displayName, defaultAccessCodeEnabled: enabled, defaultAccessCode: enabled ? code : null });
  }

  private async find(store: Store, orgId: string, locationPublicId: string, publicId: string): Promise<{ network: StoredDectNetwork; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(publicId, 'DECT_NETWORK');
    const network = id ? await store.dect.getNetwork(orgId, id) : undefined;
    if (!network || network.locationId !== location.id) throw dectNetworkNotFound();
    return { network, location };
  }

  private async view(store: Store, network: StoredDectNetwork, location: Location): Promise<NetworkView> {
    return { network, location, baseStations: await store.dect.baseStations(network.orgId, network.id), handsets: await store.dect.handsets(network.orgId, network.id) };
  }
}

function checkHandsetName(value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > 16) throw badRequest('customDisplayName must hold 1 to 16 characters.');
  return name;
}

export { linesOf as handsetLines };
