import type { RouteType } from './call-routing-store.ts';
import type { Location, Page, Person } from './store.ts';

// What the domain may ask of persistence for the Webex Calling details of locations and for
// admin batch jobs.

/** A location's PSTN connection routes like a dial plan: to a trunk or a route group. */
export type { RouteType };
export type NetworkConnectionType = 'PUBLIC_INTERNET' | 'PRIVATE_NETWORK';

/** The Webex Calling details of a location enabled for calling. */
export type LocationCalling = {
  locationId: string;
  orgId: string;
  /** Null: the organization's name. */
  callingLineName: string | null;
  outsideDialDigit: string | null;
  enforceOutsideDialDigit: boolean;
  externalCallerIdName: string | null;
  pAccessNetworkInfo: string | null;
  chargeNumber: string | null;
  useChargeNumberForPChargeInfo: boolean;
  connection: { type: RouteType; id: string } | null;
  privateNetworkConnect: NetworkConnectionType;
  enabledAt: string;
};

/** PAUSED: a job an administrator paused before it ran (the disable-calling-location job). */
export type JobStatus = 'STARTING' | 'STARTED' | 'PAUSED' | 'COMPLETED' | 'FAILED';
export type JobExitCode = 'UNKNOWN' | 'COMPLETED' | 'FAILED' | 'STOPPED' | 'COMPLETED_WITH_ERRORS';

export type Job = {
  id: string;
  orgId: string;
  jobType: string;
  locationId: string | null;
  status: JobStatus;
  exitCode: JobExitCode;
  oldValue: string | null;
  newValue: string | null;
  totalItems: number;
  updatedItems: number;
  failedItems: number;
  /** The id of the last item processed. */
  cursor: string | null;
  sourceUserId: string;
  trackingId: string;
  instanceId: number;
  created: string;
  started: string | null;
  ended: string | null;
  lastUpdated: string;
};

export type JobError = {
  jobId: string;
  itemNumber: number;
  itemId: string;
  trackingId: string;
  errorCode: string;
  message: string;
};

export type CallingLocationFilter = { name?: string; order: 'asc' | 'desc' };

export interface LocationCallingRepository {
  insert(settings: LocationCalling): Promise<void>;
  get(locationId: string): Promise<LocationCalling | undefined>;
  /** Forgets a location's calling details (its calling is being disabled). */
  delete(locationId: string): Promise<void>;
  update(settings: LocationCalling): Promise<void>;
  /** Calling-enabled locations of an organization with their details, by name. */
  list(orgId: string, filter: CallingLocationFilter, start: number, limit: number): Promise<Page<{ location: Location; calling: LocationCalling }, number>>;
  /** Members of a location after the given person id, in id order. */
  members(locationId: string, afterId: string | null, limit: number): Promise<Person[]>;
  /** A member of another location of the organization dialled as this ESN (routing prefix + extension). */
  esnHolder(orgId: string, esn: string, exceptLocationId: string): Promise<Person | undefined>;
  setMemberRoutingPrefix(personId: string, routingPrefix: string | null): Promise<void>;
  setMemberAnnouncementLanguage(locationId: string, language: string): Promise<number>;
  /** Another calling location of the organization with this routing prefix. */
  locationWithRoutingPrefix(orgId: string, routingPrefix: string): Promise<Location | undefined>;
  /** The main number of each of the given locations that has one. */
  mainNumbers(locationIds: readonly string[]): Promise<Map<string, string>>;
  /** Moves the main-number flag of a location to this number. */
  setMainNumber(locationId: string, phoneNumber: string): Promise<void>;
}

export interface JobRepository {
  insert(job: Job): Promise<void>;
  get(orgId: string, id: string): Promise<Job | undefined>;
  /** A job of any organization, for the runner. */
  find(id: string): Promise<Job | undefined>;
  update(job: Job): Promise<void>;
  /** Writes the job only if nobody else has since `lastUpdated`; false when someone has. */
  updateIf(job: Job, lastUpdated: string): Promise<boolean>;
  /** Newest first. */
  list(orgId: string, jobType: string, start: number, limit: number): Promise<Page<Job, number>>;
  running(orgId: string, jobType: string): Promise<Job | undefined>;
  /** A job of this type still moving the members of a location. */
  runningForLocation(locationId: string, jobType: string): Promise<Job | undefined>;
  /** Jobs not finished, of every organization (to resume after a restart). */
  unfinished(): Promise<Job[]>;
  nextInstanceId(): Promise<number>;
  addError(error: JobError): Promise<void>;
  errors(jobId: string, start: number, limit: number): Promise<Page<JobError, number>>;
}
