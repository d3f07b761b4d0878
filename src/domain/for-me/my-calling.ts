import type { Location, Person, Store } from '../../store/store.ts';
import { VENDORS, vendorId, type CallRecordingConfigService } from '../call-recording/call-recording-config.ts';
import { parseRecordingSettings } from '../calls/call-recording-settings.ts';
import { FEATURE_ACCESS_CODES } from '../calls/feature-access-codes.ts';
import { emergencyCallingNumber, PERSON_ECBN } from '../emergency-services/line-ecbn.ts';
import { countryRequirements } from '../locations/country-requirements.ts';
import { announcementLanguages } from '../location-calling/announcement-languages.ts';
import { enabledServices, enabledServicesOf } from '../settings/calling-services.ts';
import { storedDocument } from '../settings/settings-service.ts';
import { encodeId } from '../webex-ids.ts';
import type { ForMeService } from './for-me-service.ts';
import { myEndpoints } from './my-endpoints.ts';

// Call Settings For Me that show the token's person what the administrator set for them: their
// calling profile, call recording, feature access codes, services, guest calling numbers and
// contact center lines. Each reads the records the admin paths change (the same domain calls with
// the token's person); none of them is stored separately.

/** Where the person's web clients live: Callplane's own server (the console), given by the route. */
export type ClientUrls = { receptionistUrl: string; callingHostUrl: string; attendantConsoleUrl: string };

type Me = Person & { locationId: string };

export class MyCallingService {
  private readonly store: Store;
  private readonly forMe: ForMeService;
  private readonly recordingConfig: CallRecordingConfigService;

  constructor(store: Store, forMe: ForMeService, recordingConfig: CallRecordingConfigService) {
    this.store = store;
    this.forMe = forMe;
    this.recordingConfig = recordingConfig;
  }

  /** The person's calling profile: names, location, numbers (with the routing prefix), devices. */
  async profile(orgId: string, personId: string, urls: ClientUrls) {
    const { me, location } = await this.meAndLocation(orgId, personId);
    const number = (await this.store.numbers.ownedBy([me.id])).get(me.id)?.phoneNumber ?? '';
    const prefix = location.routingPrefix ?? '';
    const esn = me.extension && prefix ? `${prefix}${me.extension}` : '';
    const language = me.announcementLanguage ?? location.announcementLanguage;
    const ecbnDoc = await storedDocument(this.store, orgId, me.id, PERSON_ECBN, 'person');
    const ecbn = await emergencyCallingNumber(this.store, { kind: 'person', id: me.id, orgId, locationId: me.locationId }, ecbnDoc);
    return {
      id: encodeId('PEOPLE', me.id),
      lastName: me.lastName ?? '',
      firstName: me.firstName ?? '',
      email: me.email,
      announcementLanguage: announcementLanguages(undefined).find((l) => l.code === language?.toLowerCase())?.name ?? language ?? '',
      locationDialingCode: prefix,
      // Mobility is a Webex Go endpoint; Callplane people have their simulated phone only.
      supportMobility: false,
      emergencyCallBackNumber: ecbn ?? '',
      phoneNumbers: [{ directNumber: number, enterprise: esn, extension: me.extension ?? '', routingPrefix: prefix, esn, primary: true }],
      devices: await this.devices(orgId, me),
      location: { id: encodeId('LOCATION', location.id), name: location.name },
      ...urls,
    };
  }

  /** The person's recording settings in the For Me shape, with the vendor that records their location. */
  async callRecording(orgId: string, personId: string) {
    const { me, location } = await this.meAndLocation(orgId, personId);
    return this.recordingOf(orgId, me.id, location);
  }

  /** A secondary line's (a virtual line's, already checked) recording settings, as callRecording. */
  async lineCallRecording(orgId: string, line: { uuid: string; locationId: string }) {
    return this.recordingOf(orgId, line.uuid, (await this.store.locations.get(orgId, line.locationId))!);
  }

  private async recordingOf(orgId: string, ownerId: string, location: Location) {
    const settings = parseRecordingSettings(await this.store.calls.recordingSettings(ownerId));
    const { doc, org } = await this.recordingConfig.locationVendors(orgId, encodeId('LOCATION', location.id));
    const key = doc.orgDefaultEnabled === false ? doc.vendor : org.vendor;
    const vendor = VENDORS.find((v) => v.key === key) ?? VENDORS[0];
    const notify = settings.notification.enabled && settings.notification.type !== 'None' ? settings.notification.type : undefined;
    return {
      enabled: settings.enabled,
      vendor: { id: vendorId(vendor, orgId), name: vendor.name, loginUrl: vendor.loginUrl },
      recordingMode: settings.record,
      ...(notify ? { pauseResumeNotifyMethod: notify } : {}),
      announcementEnabled: settings.startStopAnnouncementEnabled,
      warningToneEnabled: settings.repeat.enabled,
      warningToneDuration: settings.repeat.interval,
    };
  }

  /** The star codes the person may dial (every Callplane calling user has the same services). */
  async featureAccessCodes(orgId: string, personId: string) {
    await this.forMe.me(orgId, personId);
    return this.lineFeatureAccessCodes();
  }

  /** A secondary line's star codes: the same services, so the same codes. */
  lineFeatureAccessCodes() {
    return { featureAccessCodeList: Object.entries(FEATURE_ACCESS_CODES).map(([code, name]) => ({ name, code })) };
  }

  async services(orgId: string, personId: string) {
    const me = await this.forMe.me(orgId, personId);
    return { services: await enabledServices(this.store, orgId, encodeId('PEOPLE', me.id)) };
  }

  /** A secondary line's (a virtual line's, already checked) enabled services, read from its documents. */
  async lineServices(orgId: string, line: { uuid: string }) {
    return { services: await enabledServicesOf(this.store, orgId, line.uuid, 'virtualLine') };
  }

  /** Numbers a guest call may come in on: the person's own number and their location's main number. */
  async guestCallingNumbers(orgId: string, personId: string) {
    const me = await this.forMe.me(orgId, personId);
    const own = (await this.store.numbers.ownedBy([me.id])).get(me.id);
    const main = (await this.store.numbers.search(orgId, { locationId: me.locationId, numberType: 'NUMBER' }, 0, 100_000)).items.filter((n) => n.isMainNumber);
    const numbers = [...main, ...(own ? [own] : [])].filter((n) => n.phoneNumber !== null);
    return { phoneNumbers: numbers.map((n) => ({ phoneNumber: n.phoneNumber!, state: n.state, isMainNumber: n.isMainNumber })) };
  }

  /** The person's line as their contact center extension, and their endpoints with whether each is connected. */
  async contactCenterExtensions(orgId: string, personId: string) {
    const me = await this.forMe.me(orgId, personId);
    const [endpoints, phone, preferred] = await Promise.all([myEndpoints(this.store, me), this.store.calls.phone(me.id), this.forMe.preferredAnswerEndpoint(orgId, personId)]);
    const number = (await this.store.numbers.ownedBy([me.id])).get(me.id)?.phoneNumber ?? '';
    return {
      ccExtensions: [
        {
          directNumber: number,
          extension: me.extension ?? '',
          type: 'PRIMARY' as const,
          lineOwnerType: 'PEOPLE' as const,
          lineOwnerId: encodeId('PEOPLE', me.id),
          preferredAnsweringEndPointId: 'id' in preferred ? preferred.id : (endpoints[0]?.id ?? ''),
          endpoints: endpoints.map((e) => ({ id: e.id, type: e.type })),
        },
      ],
      endpoints: endpoints.map((e) => ({ id: e.id, type: e.type, name: e.name, status: phone?.offline ? ('NOT_CONNECTED' as const) : ('CONNECTED' as const) })),
    };
  }

  /** What an address of the country needs (the same answer as the administrator's path). */
  async country(orgId: string, personId: string, countryCode: string) {
    await this.forMe.me(orgId, personId);
    return countryRequirements(countryCode);
  }

  private async meAndLocation(orgId: string, personId: string): Promise<{ me: Me; location: Location }> {
    const me = await this.forMe.me(orgId, personId);
    const location = (await this.store.locations.get(orgId, me.locationId))!;
    return { me, location };
  }

  /** The phones the person has a line on: their own (PRIMARY) and others' they share. */
  private async devices(orgId: string, me: Me) {
    const lines = await this.store.devices.linesOf(orgId, me.id);
    const devices = await this.store.devices.getMany(orgId, [...new Set(lines.map((l) => l.deviceId))]);
    const owners = await this.store.people.getMany(orgId, devices.flatMap((d) => (d.personId ? [d.personId] : [])));
    return devices.map((d) => {
      const owner = owners.find((p) => p.id === d.personId);
      const own = d.personId === me.id;
      return {
        description: [],
        model: d.model,
        mac: d.mac ?? '',
        primaryOwner: own,
        type: own ? ('PRIMARY' as const) : ('SHARED_CALL_APPEARANCE' as const),
        owner: owner ? { lastName: owner.lastName ?? '', firstName: owner.firstName ?? '', type: 'PEOPLE' as const } : { lastName: '', firstName: d.displayName, type: 'PLACE' as const },
        activationState: d.activationState === 'activated' ? ('ACTIVATED' as const) : ('ACTIVATING' as const),
      };
    });
  }
}
