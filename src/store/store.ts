import type { AnnouncementRepository } from './announcements-store.ts';
import type { CallRoutingRepository } from './call-routing-store.ts';
import type { CallRepository } from './calls-store.ts';
import type { RetentionRepository } from './retention-store.ts';
import type { WebhookRepository } from './webhooks-store.ts';
import type { SnapshotRepository } from './snapshots-store.ts';
import type { MetricsRepository } from './metrics-store.ts';
import type { OAuthRepository } from './oauth-store.ts';
import type { JobRepository, LocationCallingRepository } from './location-calling-store.ts';
import type { LocationNumberRepository } from './location-numbers-store.ts';
import type { ReceptionistContactRepository } from './receptionist-contacts-store.ts';
import type { OwnerSettingRepository } from './owner-settings-store.ts';
import type { ScheduleRepository } from './schedules-store.ts';
import type { CallRecordRepository } from './call-records-store.ts';
import type { ReportRepository } from './reports-store.ts';
import type { RecordingRepository } from './recordings-store.ts';
import type { HuntGroupRepository } from './hunt-groups-store.ts';
import type { VoicemailGroupRepository, VoicemailRepository } from './voicemail-store.ts';
import type { CallQueueRepository, FeatureDocumentRepository } from './call-queues-store.ts';
import type { AutoAttendantRepository } from './auto-attendants-store.ts';
import type { VirtualExtensionRepository } from './virtual-extensions-store.ts';
import type { TranslationPatternRepository } from './translation-patterns-store.ts';
import type { RouteListRepository } from './route-lists-store.ts';
import type { AlternateNumberRepository } from './alternate-numbers-store.ts';
import type { OperatingModeRepository } from './operating-modes-store.ts';
import type { CallParkRepository, CallPickupRepository } from './call-park-store.ts';
import type { PagingGroupRepository } from './paging-store.ts';
import type { WorkspaceRepository } from './workspaces-store.ts';
import type { LocationFloorRepository } from './location-floors-store.ts';
import type { HotdeskSessionRepository } from './hotdesk-sessions-store.ts';
import type { CallNotificationRepository } from './call-notifications-store.ts';
import type { VirtualLineRepository } from './virtual-lines-store.ts';
import type { DeviceRepository } from './devices-store.ts';
import type { DectRepository } from './dect-store.ts';
import type { AiReceptionistRepository, KnowledgeBaseRepository } from './ai-receptionists-store.ts';

// The Store interface: what the domain may ask of persistence. One Kysely implementation serves
// both SQLite and PostgreSQL (kysely-store.ts). Records carry raw uuids; public Webex IDs are made
// in the presenters.

/** See Store.changeMark. */
export type ChangeMark = number | string;

export type Organization = {
  id: string;
  displayName: string;
  created: string;
  /** The location used for calling users created without a locationId. */
  defaultLocationId: string | null;
};

export type Address = {
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  postalCode: string;
  country: string;
};

export type Location = {
  id: string;
  orgId: string;
  name: string;
  timeZone: string;
  preferredLanguage: string;
  announcementLanguage: string;
  address: Address;
  latitude: string | null;
  longitude: string | null;
  notes: string | null;
  callingEnabled: boolean;
  routingPrefix: string | null;
  created: string;
};

export type CallingLicenseKind = 'professional' | 'basic' | 'workspaces';

export type License = {
  id: string;
  orgId: string;
  /** Webex's license type code, part of the public license ID (for example BCSTD). */
  code: string;
  name: string;
  totalUnits: number;
  subscriptionId: string;
  siteUrl: string | null;
  siteType: string | null;
  /** Which Webex Calling license this is, or null for other licenses. */
  calling: CallingLicenseKind | null;
};

export type PersonAddress = {
  type?: string;
  country?: string;
  locality?: string;
  region?: string;
  streetAddress?: string;
  postalCode?: string;
};

export type Person = {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  nickName: string | null;
  avatar: string | null;
  department: string | null;
  manager: string | null;
  managerId: string | null;
  title: string | null;
  addresses: PersonAddress[];
  /** Role codes such as id_full_admin. */
  roles: string[];
  /** Meeting sites with account type, as Webex writes them: "site.webex.com#attendee". */
  siteUrls: string[];
  timezone: string | null;
  loginEnabled: boolean;
  /** Calling location; null unless the person holds a Webex Calling license. */
  locationId: string | null;
  extension: string | null;
  /**
   * The routing prefix the person's extension is dialled with. It follows the location's prefix:
   * at once for a new member, and through an update-routing-prefix job for existing members.
   */
  routingPrefix: string | null;
  /** Announcement language given by Change Announcement Language; null: the location's. */
  announcementLanguage: string | null;
  created: string;
  lastModified: string;
};

export type NumberState = 'ACTIVE' | 'INACTIVE';
export type TelephoneNumberType = 'DID' | 'TOLLFREE' | 'MOBILE';

export type PhoneNumber = {
  /** E.164, the key of the number everywhere. */
  phoneNumber: string;
  orgId: string;
  locationId: string;
  state: NumberState;
  numberType: TelephoneNumberType;
  isMainNumber: boolean;
  isServiceNumber: boolean;
  ownerId: string | null;
  created: string;
};

export type AccessToken = {
  tokenHash: string;
  orgId: string;
  personId: string;
  scopes: string[];
  /** Null for tokens that never expire (the configured admin token). */
  expiresAt: string | null;
  created: string;
  /** The OAuth app it was issued to; absent or null for tokens the sandbox issued. */
  appId?: string | null;
  /** The OAuth authorization it was issued under; deleting that deletes the token. */
  authorizationId?: string | null;
};

/** A slice of an ordered list: `next` is present when more items follow. */
export type Page<T, C = string> = { items: T[]; next?: C };

/** Keyset position in a list ordered by (created, id). */
export type Cursor = { created: string; id: string };

export type LocationFilter = { name?: string; ids?: string[] };

export type PersonFilter = {
  email?: string;
  /** Prefix match on display name, case-insensitive. */
  displayName?: string;
  ids?: string[];
  locationId?: string;
  roles?: string[];
};

export type NumberFilter = {
  locationId?: string;
  /** Substring of the E.164 number. */
  phoneNumber?: string;
  /** true: unassigned numbers only; false: assigned numbers only. */
  available?: boolean;
  ownerName?: string;
  ownerId?: string;
  extension?: string;
  /** NUMBER: rows with a phone number; EXTENSION: extensions without a number. */
  numberType?: 'NUMBER' | 'EXTENSION';
  state?: NumberState;
  tollFreeNumbers?: boolean;
  serviceNumber?: boolean;
  order?: 'lastName' | 'dn' | 'extension';
};

/** One row of the organization's number inventory: a number (maybe owned) or an extension without a number. */
export type NumberListing = {
  phoneNumber: string | null;
  extension: string | null;
  locationId: string;
  locationName: string;
  routingPrefix: string | null;
  state: NumberState;
  numberType: TelephoneNumberType | null;
  isMainNumber: boolean;
  isServiceNumber: boolean;
  owner: { id: string; firstName: string | null; lastName: string | null; displayName: string } | null;
};

export type NumberCounts = {
  assigned: number;
  unAssigned: number;
  inActive: number;
  extensionOnly: number;
  tollFreeNumbers: number;
  total: number;
  mobileNumber: number;
  serviceNumber: number;
};

export interface OrganizationRepository {
  insert(org: Organization): Promise<void>;
  get(id: string): Promise<Organization | undefined>;
  setDefaultLocation(id: string, locationId: string): Promise<void>;
  count(): Promise<number>;
}

export interface LocationRepository {
  insert(location: Location): Promise<void>;
  get(orgId: string, id: string): Promise<Location | undefined>;
  /**
   * The location (without an id, the organization's default location), and whether a job of the
   * type is running for it (STARTING or STARTED). One statement.
   */
  getWithRunningJob(orgId: string, id: string | undefined, jobType: string): Promise<{ location: Location; jobRunning: boolean } | undefined>;
  getMany(orgId: string, ids: readonly string[]): Promise<Location[]>;
  findByName(orgId: string, name: string): Promise<Location | undefined>;
  list(orgId: string, filter: LocationFilter, after: Cursor | undefined, limit: number): Promise<Page<Location, Cursor>>;
  update(location: Location): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  /**
   * From now on, for the rest of this transaction, `get` reads each location once and answers
   * again from what it read; any write through this repository forgets all of it. Only for a
   * transaction that writes locations through this repository alone (the call engine's).
   * Outside a transaction it does nothing.
   */
  rememberInTransaction(): void;
}

export interface LicenseRepository {
  insert(license: License): Promise<void>;
  list(orgId: string): Promise<License[]>;
  get(orgId: string, id: string): Promise<License | undefined>;
  /** The organization's licenses among the given ids (any order; ids of none left out). */
  getMany(orgId: string, ids: readonly string[]): Promise<License[]>;
  setTotalUnits(id: string, totalUnits: number): Promise<void>;
  /** Units consumed (people holding it) of each of the given licenses. */
  consumedUnits(licenseIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Gives the person the license, taking one of its units; false (and nothing written) when none
   * is left. Holding it already takes nothing. Atomic: concurrent assignments never take more
   * units than the license has.
   */
  assign(orgId: string, personId: string, licenseId: string): Promise<boolean>;
  /**
   * Gives a person created in this transaction the licenses (distinct ids), one unit of each
   * taken in the last statement; returns the ids that had no unit left, in the given order (the
   * caller then rolls back: their holdings were written). Atomic as assign is.
   */
  assignToNew(orgId: string, personId: string, licenseIds: readonly string[]): Promise<string[]>;
  /** Takes the license from the person, giving its unit back. */
  unassign(personId: string, licenseId: string): Promise<void>;
  /** License ids held by each of the given people. */
  heldBy(personIds: readonly string[]): Promise<Map<string, string[]>>;
  /** People holding a license, ordered by (created, id). */
  holders(licenseId: string, after: Cursor | undefined, limit: number): Promise<Page<Person, Cursor>>;
}

export interface PersonRepository {
  insert(person: Person): Promise<void>;
  get(orgId: string, id: string): Promise<Person | undefined>;
  getMany(orgId: string, ids: readonly string[]): Promise<Person[]>;
  findByEmail(email: string): Promise<Person | undefined>;
  findByExtension(locationId: string, extension: string): Promise<Person | undefined>;
  list(orgId: string, filter: PersonFilter, after: Cursor | undefined, limit: number): Promise<Page<Person, Cursor>>;
  update(person: Person): Promise<void>;
  /** Deletes the person with their licenses (whose units go back); call it in a transaction. */
  delete(orgId: string, id: string): Promise<void>;
  countInLocation(locationId: string): Promise<number>;
}

export interface NumberRepository {
  insertMany(numbers: readonly PhoneNumber[]): Promise<void>;
  /** Inserts the numbers not stored yet, leaving stored ones as they are. */
  insertMissing(numbers: readonly PhoneNumber[]): Promise<void>;
  get(phoneNumber: string): Promise<PhoneNumber | undefined>;
  getMany(phoneNumbers: readonly string[]): Promise<PhoneNumber[]>;
  /**
   * The number, and whether a feature or a line holds it (hunt group, call queue, auto attendant,
   * paging group, voicemail group, workspace, virtual line, AI receptionist, anyone's alternate
   * number): everything but a person, whom ownerId names. One statement.
   */
  getWithHolder(phoneNumber: string): Promise<{ number: PhoneNumber; heldByOther: boolean } | undefined>;
  /**
   * Whether anyone of the location but the given person has the extension: a person, a feature
   * (hunt group, call queue, auto attendant, virtual extension, call park extension, paging or
   * voicemail group) or a line (workspace, virtual line, AI receptionist, alternate number). One statement.
   */
  extensionTaken(orgId: string, locationId: string, extension: string, exceptPersonId: string): Promise<boolean>;
  /** Gives a free number to an owner; false when the number is not free any more. */
  claim(phoneNumber: string, ownerId: string): Promise<boolean>;
  releaseOwnedBy(ownerId: string): Promise<void>;
  ownedBy(ownerIds: readonly string[]): Promise<Map<string, PhoneNumber>>;
  setState(phoneNumbers: readonly string[], state: NumberState): Promise<void>;
  deleteMany(phoneNumbers: readonly string[]): Promise<void>;
  search(orgId: string, filter: NumberFilter, start: number, limit: number): Promise<Page<NumberListing, number>>;
  counts(orgId: string, filter: NumberFilter): Promise<NumberCounts>;
}

export interface TokenRepository {
  insert(token: AccessToken): Promise<void>;
  /**
   * The token with the roles of the person it belongs to (one read, on every request); undefined
   * when the token is unknown or its person is gone.
   */
  get(tokenHash: string): Promise<(AccessToken & { holderRoles: string[] }) | undefined>;
}

export interface SettingRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly organizations: OrganizationRepository;
  readonly locations: LocationRepository;
  readonly licenses: LicenseRepository;
  readonly people: PersonRepository;
  readonly numbers: NumberRepository;
  readonly tokens: TokenRepository;
  readonly settings: SettingRepository;
  readonly locationCalling: LocationCallingRepository;
  readonly jobs: JobRepository;
  readonly callRouting: CallRoutingRepository;
  readonly locationNumbers: LocationNumberRepository;
  readonly announcements: AnnouncementRepository;
  readonly receptionistContacts: ReceptionistContactRepository;
  readonly calls: CallRepository;
  readonly webhooks: WebhookRepository;
  readonly retention: RetentionRepository;
  readonly snapshots: SnapshotRepository;
  readonly metrics: MetricsRepository;
  readonly oauth: OAuthRepository;
  /** Settings documents per (organization, owner, setting). */
  readonly ownerSettings: OwnerSettingRepository;
  readonly schedules: ScheduleRepository;
  readonly huntGroups: HuntGroupRepository;
  readonly voicemail: VoicemailRepository;
  readonly voicemailGroups: VoicemailGroupRepository;
  readonly callQueues: CallQueueRepository;
  readonly featureDocuments: FeatureDocumentRepository;
  readonly autoAttendants: AutoAttendantRepository;
  readonly virtualExtensions: VirtualExtensionRepository;
  readonly operatingModes: OperatingModeRepository;
  readonly callParks: CallParkRepository;
  readonly callPickups: CallPickupRepository;
  readonly pagingGroups: PagingGroupRepository;
  readonly workspaces: WorkspaceRepository;
  readonly devices: DeviceRepository;
  readonly dect: DectRepository;
  readonly virtualLines: VirtualLineRepository;
  /** Detailed call history: one record per person leg of every ended call. */
  readonly callRecords: CallRecordRepository;
  readonly reports: ReportRepository;
  /** Recordings of calls (Converged Recordings). */
  readonly recordings: RecordingRepository;
  /** The floors of locations. */
  readonly locationFloors: LocationFloorRepository;
  /** Hot desk sessions: guests signed in to hot desking workspaces. */
  readonly hotdeskSessions: HotdeskSessionRepository;
  /** Call Routing's translation patterns (organization and location level). */
  readonly translationPatterns: TranslationPatternRepository;
  /** Call Routing's route lists and their numbers. */
  readonly routeLists: RouteListRepository;
  /** AI receptionists of locations and their intents. */
  readonly aiReceptionists: AiReceptionistRepository;
  /** The organization's knowledge bases (what AI receptionists answer from) and their documents. */
  readonly knowledgeBases: KnowledgeBaseRepository;
  readonly alternateNumbers: AlternateNumberRepository;
  /** Call notify's outbox: the emails Webex would send about calls. */
  readonly callNotifications: CallNotificationRepository;
  /**
   * In a transaction that wrote webhook outbox events: once it commits, the delivery workers of the
   * other processes sharing this database look for them at once (PostgreSQL: NOTIFY). SQLite: nothing
   * (one process).
   */
  signalOutbox(): Promise<void>;
  /**
   * Hears other processes' signalOutbox on a connection of its own, until closed; onError hears the
   * connection fail (it is then closed). Undefined where there are no other processes (SQLite).
   */
  listenOutbox(onSignal: () => void, onError: (error: unknown) => void): Promise<OutboxListener | undefined>;
  /** Runs fn in one transaction: all its writes land together or none do. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Runs fn while no other process sharing the database runs its own (start-up: migration, the demo). */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /**
   * A mark of what the store holds, for caches of it: an unchanged mark means nothing changed
   * since it was read, by this process or another. SQLite: how many statements that may have
   * written have run (and another process's commits, by data_version), read without waiting.
   * PostgreSQL: the write-ahead log's insert position, which every change moves, one round trip.
   * Undefined: the store cannot tell, and nothing may be cached.
   */
  changeMark(): ChangeMark | undefined | Promise<ChangeMark | undefined>;
  /** Whether changeMark() costs a round trip to the database (PostgreSQL), so is read only where a cache may save more. */
  readonly changeMarkCostsRoundTrip: boolean;
  close(): Promise<void>;
}

export type OutboxListener = { close(): Promise<void> };

/** Thrown by a repository when a write breaks a uniqueness rule the database enforces. */
export class UniqueViolation extends Error {
  constructor(what: string, cause: unknown) {
    super(`unique constraint violated: ${what}`, { cause });
    this.name = 'UniqueViolation';
  }
}
