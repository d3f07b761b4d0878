import { randomUUID } from 'node:crypto';
import type { PChargeInfoSupportPolicy, Trunk, TrunkListing, TrunkType, TrunkUsage, TrunkWithLocation } from '../../store/call-routing-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { invalidLocationReference, locationNotCallingEnabled } from '../locations/location-errors.ts';
import { decodeId } from '../webex-ids.ts';
import {
  certificateFieldOnly,
  certificateFieldRequired,
  inUse,
  invalidHost,
  passwordRequired,
  trunkNameInUse,
  trunkNotFound,
  unknownDeviceType,
} from './call-routing-errors.ts';
import { checkedName, describeUsers } from './call-routing-rules.ts';
import { parseOrder } from './list-order.ts';
import { DEVICE_TYPES, hashTrunkPassword, isHostName, organizationSipDomain, trunkIdentities } from './trunk-rules.ts';

// Trunks: the connections between Webex Calling and a premises local gateway or session border
// controller, each in a calling location of the organization.

export type TrunkListQuery = { name?: string; locationName?: string; trunkType?: TrunkType; order?: string; start: number; max: number };

export type CreateTrunkInput = {
  name: string;
  locationId: string;
  password?: string;
  dualIdentitySupportEnabled?: boolean;
  trunkType: TrunkType;
  deviceType?: string;
  address?: string;
  domain?: string;
  port?: number;
  maxConcurrentCalls?: number;
  pChargeInfoSupportPolicy?: PChargeInfoSupportPolicy;
};

export type UpdateTrunkInput = {
  name: string;
  password?: string;
  dualIdentitySupportEnabled?: boolean;
  maxConcurrentCalls?: number;
  pChargeInfoSupportPolicy?: PChargeInfoSupportPolicy;
};

export type TrunkDetails = { trunk: TrunkWithLocation; usage: TrunkUsage; orgName: string };

/** Comma-separated values of a list filter (Webex clients join several names with commas). */
const commaSeparated = (value: string | undefined): string[] | undefined => {
  const values = value?.split(',').map((v) => v.trim()).filter((v) => v !== '');
  return values?.length ? values : undefined;
};

export class TrunkService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: TrunkListQuery): Promise<Page<TrunkListing, number>> {
    const filter = {
      names: commaSeparated(query.name),
      locationNames: commaSeparated(query.locationName),
      trunkType: query.trunkType,
      order: parseOrder(query.order, ['name', 'locationName']),
    };
    return this.store.callRouting.searchTrunks(orgId, filter, { start: query.start, limit: query.max });
  }

  async create(orgId: string, input: CreateTrunkInput): Promise<string> {
    const name = checkedName(input.name);
    const deviceType = this.deviceType(input.trunkType, input.deviceType);
    const certificate = this.certificateFields(input);
    if (input.trunkType === 'REGISTERING' && input.password === undefined) throw passwordRequired();
    return this.store.transaction(async (tx) => {
      const locationId = decodeId(input.locationId, 'LOCATION');
      const location = locationId && (await tx.locations.get(orgId, locationId));
      if (!location) throw invalidLocationReference();
      if (!location.callingEnabled) throw locationNotCallingEnabled();
      if (await tx.callRouting.findTrunkByName(orgId, name)) throw trunkNameInUse(name);
      const sipDomain = input.trunkType === 'REGISTERING' ? organizationSipDomain(orgId) : certificate.domain!;
      const trunk: Trunk = {
        id: randomUUID(),
        orgId,
        locationId: location.id,
        name,
        trunkType: input.trunkType,
        deviceType,
        passwordHash: input.password === undefined ? null : hashTrunkPassword(input.password),
        dualIdentitySupportEnabled: input.dualIdentitySupportEnabled ?? false,
        ...certificate,
        maxConcurrentCalls: input.maxConcurrentCalls ?? null,
        pChargeInfoSupportPolicy: input.pChargeInfoSupportPolicy ?? 'DISABLED',
        ...trunkIdentities(name, input.trunkType, sipDomain),
        created: timestamp(this.clock),
      };
      await tx.callRouting.insertTrunk(trunk);
      return trunk.id;
    });
  }

  async details(orgId: string, publicId: string): Promise<TrunkDetails> {
    const trunk = await this.trunk(this.store, orgId, publicId);
    const [usage, org] = await Promise.all([this.store.callRouting.trunkUsage(orgId, trunk.id), this.store.organizations.get(orgId)]);
    return { trunk, usage, orgName: org?.displayName ?? '' };
  }

  /** Renames the trunk or changes its password, dual identity, call limit or P-Charge-Info policy; its type, location and addresses stay. */
  async update(orgId: string, publicId: string, input: UpdateTrunkInput): Promise<void> {
    const name = checkedName(input.name);
    await this.store.transaction(async (tx) => {
      const trunk = await this.trunk(tx, orgId, publicId);
      const sameName = await tx.callRouting.findTrunkByName(orgId, name);
      if (sameName && sameName.id !== trunk.id) throw trunkNameInUse(name);
      const { locationName: _locationName, ...stored } = trunk;
      await tx.callRouting.updateTrunk({
        ...stored,
        name,
        passwordHash: input.password === undefined ? trunk.passwordHash : hashTrunkPassword(input.password),
        dualIdentitySupportEnabled: input.dualIdentitySupportEnabled ?? trunk.dualIdentitySupportEnabled,
        maxConcurrentCalls: input.maxConcurrentCalls ?? trunk.maxConcurrentCalls,
        pChargeInfoSupportPolicy: input.pChargeInfoSupportPolicy ?? trunk.pChargeInfoSupportPolicy,
      });
    });
  }

  /** What routes through a trunk (its usage operations); 404 for a trunk not of the organization. */
  async usage(orgId: string, publicId: string): Promise<TrunkUsage> {
    const trunk = await this.trunk(this.store, orgId, publicId);
    return this.store.callRouting.trunkUsage(orgId, trunk.id);
  }

  /** Deletes a trunk nothing routes through (409 naming what does otherwise). */
  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const trunk = await this.trunk(tx, orgId, publicId);
      const usage = await tx.callRouting.trunkUsage(orgId, trunk.id);
      const users = describeUsers(usage);
      if (users.length > 0) throw inUse('trunk', trunk.name, users);
      await tx.callRouting.deleteTrunk(orgId, trunk.id);
    });
  }

  private async trunk(tx: Store, orgId: string, publicId: string): Promise<TrunkWithLocation> {
    const id = decodeId(publicId, 'TRUNK');
    const trunk = id && (await tx.callRouting.getTrunk(orgId, id));
    if (!trunk) throw trunkNotFound();
    return trunk;
  }

  private deviceType(trunkType: TrunkType, requested: string | undefined): string {
    const known = DEVICE_TYPES[trunkType];
    if (requested === undefined) return known[0];
    const match = known.find((d) => d.toLowerCase() === requested.trim().toLowerCase());
    if (!match) throw unknownDeviceType(requested, trunkType, known);
    return match;
  }

  /** A certificate-based trunk is reached at address:port in domain; a registering one has none of them. */
  private certificateFields(input: CreateTrunkInput): { address: string | null; domain: string | null; port: number | null } {
    if (input.trunkType === 'REGISTERING') {
      for (const field of ['address', 'domain', 'port'] as const) if (input[field] !== undefined) throw certificateFieldOnly(field);
      return { address: null, domain: null, port: null };
    }
    for (const field of ['address', 'domain', 'port', 'maxConcurrentCalls'] as const) {
      if (input[field] === undefined) throw certificateFieldRequired(field);
    }
    for (const field of ['address', 'domain'] as const) if (!isHostName(input[field]!)) throw invalidHost(field, input[field]!);
    return { address: input.address!, domain: input.domain!, port: input.port! };
  }
}
