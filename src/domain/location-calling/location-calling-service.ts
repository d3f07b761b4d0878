import type { Job, JobError, LocationCalling, NetworkConnectionType, RouteType } from '../../store/location-calling-store.ts';
import { jobOfType } from '../jobs/job-of-type.ts';
import type { Location, Page, PhoneNumber, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { ROUTING_PREFIX_JOB, type RoutingPrefixJobs } from '../jobs/routing-prefix-jobs.ts';
import { locationNameInUse, locationNotFound } from '../locations/location-errors.ts';
import { checkAddress, checkLanguage, checkName, checkTimeZone, MAX_CALLING_LOCATION_NAME } from '../locations/location-rules.ts';
import { parseInventoryNumber } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import {
  alreadyCallingEnabled,
  callingLineNumberAssigned,
  callingLineNumberNotInLocation,
  callingLocationNotFound,
  callingNameTooLong,
  connectionNotFound,
  connectionTypeNotSupported,
  invalidChargeNumber,
  invalidOutsideDialDigit,
  invalidRoutingPrefix,
  locationToEnableNotFound,
  pAccessNetworkInfoNotAllowed,
  routingPrefixInUse,
  routingPrefixJobRunning,
} from './location-calling-errors.ts';

/** Finds a trunk or route group of an organization (the Call Routing area). */
export interface RouteFinder {
  /** Looks in the given store: inside a transaction, that transaction (SQLite has one connection). */
  findRoute(orgId: string, type: RouteType, publicId: string, tx?: Store): Promise<{ id: string; name: string; type: RouteType } | undefined>;
}

export type CallingLocationView = { location: Location; calling: LocationCalling; mainNumber: string | undefined; orgName: string };

export type EnableInput = {
  id: string;
  name: string;
  timeZone: string;
  preferredLanguage: string;
  announcementLanguage: string;
  address: { address1: string; address2?: string; city: string; state: string; postalCode: string; country: string };
};

/** PUT /telephony/config/locations/{id}: each field optional; routingPrefix null clears it. */
export type UpdateCallingInput = {
  announcementLanguage?: string;
  callingLineId?: { name?: string; phoneNumber?: string };
  connection?: { type: string; id: string };
  externalCallerIdName?: string;
  pAccessNetworkInfo?: string;
  outsideDialDigit?: string | null;
  enforceOutsideDialDigit?: boolean;
  routingPrefix?: string | null;
  chargeNumber?: string | null;
};

/** What an update started: a job, nothing, or a prefix change without a job (Webex's 206). */
export type UpdateOutcome = { kind: 'job'; job: Job } | { kind: 'none' } | { kind: 'noJob'; failureReason: string };

const P_ACCESS_NETWORK_INFO_COUNTRIES = ['BE', 'DE', 'FR'];

/** The calling details a location starts with when it is enabled. */
export function newCallingDetails(location: Location, now: string): LocationCalling {
  return {
    locationId: location.id,
    orgId: location.orgId,
    callingLineName: null,
    outsideDialDigit: null,
    enforceOutsideDialDigit: false,
    externalCallerIdName: null,
    pAccessNetworkInfo: null,
    chargeNumber: null,
    useChargeNumberForPChargeInfo: false,
    connection: null,
    privateNetworkConnect: 'PUBLIC_INTERNET',
    enabledAt: now,
  };
}

/** Enables a location for Webex Calling inside the caller's transaction. */
export async function enableCalling(tx: Store, location: Location, now: string): Promise<Location> {
  const enabled: Location = { ...location, callingEnabled: true };
  await tx.locations.update(enabled);
  await tx.locationCalling.insert(newCallingDetails(enabled, now));
  return enabled;
}

export class LocationCallingService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly jobs: RoutingPrefixJobs;
  private readonly routes: RouteFinder;

  constructor(store: Store, clock: Clock, jobs: RoutingPrefixJobs, routes: RouteFinder) {
    this.store = store;
    this.clock = clock;
    this.jobs = jobs;
    this.routes = routes;
  }

  async list(orgId: string, query: { name?: string; order: 'asc' | 'desc'; start: number; max: number }): Promise<Page<CallingLocationView, number>> {
    const [page, org] = await Promise.all([
      this.store.locationCalling.list(orgId, { name: query.name, order: query.order }, query.start, query.max),
      this.store.organizations.get(orgId),
    ]);
    const mains = await this.mainNumbers(page.items.map((i) => i.location.id));
    return { ...page, items: page.items.map((i) => ({ ...i, mainNumber: mains.get(i.location.id), orgName: org?.displayName ?? '' })) };
  }

  async get(orgId: string, publicId: string): Promise<CallingLocationView> {
    const { location, calling } = await this.callingLocation(this.store, orgId, publicId);
    const [mains, org] = await Promise.all([this.mainNumbers([location.id]), this.store.organizations.get(orgId)]);
    return { location, calling, mainNumber: mains.get(location.id), orgName: org?.displayName ?? '' };
  }

  /** Enables an existing location; the body carries the location's fields, which it takes. */
  async enable(orgId: string, input: EnableInput): Promise<Location> {
    return this.store.transaction(async (tx) => {
      const id = decodeId(input.id, 'LOCATION');
      const location = id ? await tx.locations.get(orgId, id) : undefined;
      if (!location) throw locationToEnableNotFound();
      if (location.callingEnabled) throw alreadyCallingEnabled();
      const name = checkName(input.name, false);
      if ([...name].length > MAX_CALLING_LOCATION_NAME) throw callingNameTooLong();
      if (name.toLowerCase() !== location.name.toLowerCase()) {
        const other = await tx.locations.findByName(orgId, name);
        if (other && other.id !== location.id) throw locationNameInUse(name);
      }
      const updated: Location = {
        ...location,
        name,
        timeZone: checkTimeZone(input.timeZone),
        preferredLanguage: checkLanguage('preferredLanguage', input.preferredLanguage),
        announcementLanguage: checkLanguage('announcementLanguage', input.announcementLanguage),
        address: checkAddress(input.address),
      };
      return enableCalling(tx, updated, timestamp(this.clock));
    });
  }

  /** The seed's "Update Location Webex Calling Details", with its 200/204/206/409 outcomes. */
  async update(orgId: string, publicId: string, input: UpdateCallingInput, by: { personId: string; trackingId: string }): Promise<UpdateOutcome> {
    const outcome = await this.store.transaction(async (tx): Promise<UpdateOutcome> => {
      const { location, calling } = await this.callingLocation(tx, orgId, publicId);
      const next: LocationCalling = { ...calling };
      let nextLocation: Location = { ...location };

      if (input.announcementLanguage !== undefined) {
        nextLocation.announcementLanguage = checkLanguage('announcementLanguage', input.announcementLanguage);
      }
      if (input.callingLineId !== undefined) {
        if (input.callingLineId.name !== undefined) next.callingLineName = input.callingLineId.name.trim() || null;
        if (input.callingLineId.phoneNumber !== undefined) {
          const main = await this.ownNumber(tx, location, input.callingLineId.phoneNumber, callingLineNumberNotInLocation);
          if (main.ownerId !== null) throw callingLineNumberAssigned(main.phoneNumber);
          await tx.locationCalling.setMainNumber(location.id, main.phoneNumber);
        }
      }
      if (input.connection !== undefined) {
        const type = input.connection.type;
        if (type !== 'TRUNK' && type !== 'ROUTE_GROUP') throw connectionTypeNotSupported(type);
        const route = await this.routes.findRoute(orgId, type, input.connection.id, tx);
        if (!route) throw connectionNotFound(type);
        next.connection = { type, id: route.id };
      }
      if (input.externalCallerIdName !== undefined) next.externalCallerIdName = input.externalCallerIdName || null;
      if (input.pAccessNetworkInfo !== undefined) {
        if (!P_ACCESS_NETWORK_INFO_COUNTRIES.includes(location.address.country)) throw pAccessNetworkInfoNotAllowed(location.address.country);
        next.pAccessNetworkInfo = input.pAccessNetworkInfo || null;
      }
      if (input.outsideDialDigit !== undefined) {
        const digit = input.outsideDialDigit === null || input.outsideDialDigit === '' ? null : input.outsideDialDigit;
        // The seed's own example dials 12 to reach an outside line.
        if (digit !== null && !/^\d{1,2}$/.test(digit)) throw invalidOutsideDialDigit(digit);
        next.outsideDialDigit = digit;
      }
      if (input.enforceOutsideDialDigit !== undefined) next.enforceOutsideDialDigit = input.enforceOutsideDialDigit;
      if (input.chargeNumber !== undefined) {
        if (input.chargeNumber === null || input.chargeNumber === '') {
          next.chargeNumber = null;
        } else {
          const number = await this.ownNumber(tx, location, input.chargeNumber, invalidChargeNumber);
          if (number.numberType === 'TOLLFREE') throw invalidChargeNumber(number.phoneNumber);
          next.chargeNumber = number.phoneNumber;
        }
      }

      let prefixChange: { from: string | null; to: string | null } | undefined;
      if (input.routingPrefix !== undefined) {
        const prefix = input.routingPrefix === null || input.routingPrefix === '' ? null : input.routingPrefix;
        if (prefix !== null && !/^\d{1,7}$/.test(prefix)) throw invalidRoutingPrefix(prefix);
        if (prefix !== location.routingPrefix) {
          if (prefix !== null) {
            const holder = await tx.locationCalling.locationWithRoutingPrefix(orgId, prefix);
            if (holder && holder.id !== location.id) throw routingPrefixInUse(prefix, holder.name);
          }
          // Nothing is applied while another routing-prefix job of the organization runs.
          if (await tx.jobs.running(orgId, ROUTING_PREFIX_JOB)) throw routingPrefixJobRunning();
          prefixChange = { from: location.routingPrefix, to: prefix };
          nextLocation = { ...nextLocation, routingPrefix: prefix };
        }
      }

      await tx.locations.update(nextLocation);
      await tx.locationCalling.update(next);
      if (!prefixChange) return { kind: 'none' };
      // The new prefix shows on GET at once; members follow as the job moves them.
      if ((await tx.people.countInLocation(location.id)) === 0) {
        return {
          kind: 'noJob',
          failureReason: `UpdateRoutingPrefix batch job not triggered for Location: ${publicId}. OldRoutingPrefix : ${prefixChange.from ?? ''}. NewRoutingPrefix: ${prefixChange.to ?? ''}. The location has no members to update.`,
        };
      }
      const job = await this.jobs.create(tx, {
        location: nextLocation,
        oldPrefix: prefixChange.from,
        newPrefix: prefixChange.to,
        sourceUserId: by.personId,
        trackingId: by.trackingId,
      });
      return { kind: 'job', job };
    });
    if (outcome.kind === 'job') this.jobs.run(outcome.job.id);
    return outcome;
  }

  /** Change Announcement Language: people (agentEnabled) and features (serviceEnabled); the location default stays. */
  async changeAnnouncementLanguage(orgId: string, publicId: string, input: { announcementLanguageCode: string; agentEnabled?: boolean; serviceEnabled?: boolean }): Promise<void> {
    const language = checkLanguage('announcementLanguageCode', input.announcementLanguageCode);
    await this.store.transaction(async (tx) => {
      const { location } = await this.callingLocation(tx, orgId, publicId);
      if (input.agentEnabled) await tx.locationCalling.setMemberAnnouncementLanguage(location.id, language);
      // Callplane has no features (auto attendants, hunt groups, …) whose language serviceEnabled would change.
    });
  }

  async privateNetworkConnect(orgId: string, publicId: string): Promise<NetworkConnectionType> {
    return (await this.callingLocation(this.store, orgId, publicId)).calling.privateNetworkConnect;
  }

  async setPrivateNetworkConnect(orgId: string, publicId: string, type: NetworkConnectionType): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { calling } = await this.callingLocation(tx, orgId, publicId);
      await tx.locationCalling.update({ ...calling, privateNetworkConnect: type });
    });
  }

  listJobs(orgId: string, start: number, max: number): Promise<Page<Job, number>> {
    return this.store.jobs.list(orgId, ROUTING_PREFIX_JOB, start, max);
  }

  async job(orgId: string, publicId: string): Promise<Job> {
    return jobOfType(this.store, orgId, publicId, ROUTING_PREFIX_JOB);
  }

  async jobErrors(orgId: string, publicId: string, start: number, max: number): Promise<Page<JobError, number>> {
    const job = await this.job(orgId, publicId);
    return this.store.jobs.errors(job.id, start, max);
  }

  private async callingLocation(tx: Store, orgId: string, publicId: string): Promise<{ location: Location; calling: LocationCalling }> {
    const id = decodeId(publicId, 'LOCATION');
    const location = id ? await tx.locations.get(orgId, id) : undefined;
    if (!location) throw locationNotFound();
    const calling = location.callingEnabled ? await tx.locationCalling.get(location.id) : undefined;
    if (!calling) throw callingLocationNotFound();
    return { location, calling };
  }

  private async ownNumber(tx: Store, location: Location, value: string, problem: (value: string) => Error): Promise<PhoneNumber> {
    const e164 = parseInventoryNumber(value, location.address.country);
    const number = e164 ? await tx.numbers.get(e164) : undefined;
    if (!number || number.locationId !== location.id) throw problem(value);
    return number;
  }

  private mainNumbers(locationIds: string[]): Promise<Map<string, string>> {
    return this.store.locationCalling.mainNumbers(locationIds);
  }
}
