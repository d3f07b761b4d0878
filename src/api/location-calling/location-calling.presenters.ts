import type { CallingLocationView } from '../../domain/location-calling/location-calling-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { Job, JobError } from '../../store/location-calling-store.ts';
import type { CallingLocation, CallingLocationItem, JobObject } from './location-calling.schemas.ts';

/** People a location may hold: Callplane sets no limit of its own and reports the figure of Cisco's example. */
export const LOCATION_USER_LIMIT = 500_000;

const optional = <K extends string>(key: K, value: string | null | undefined) => (value ? { [key]: value } : {});

function callingLineId(view: CallingLocationView) {
  return { name: view.calling.callingLineName ?? view.orgName, ...optional('phoneNumber', view.mainNumber) };
}

export function presentCallingLocationItem(view: CallingLocationView): CallingLocationItem {
  return {
    id: encodeId('LOCATION', view.location.id),
    name: view.location.name,
    ...optional('outsideDialDigit', view.calling.outsideDialDigit),
    enforceOutsideDialDigit: view.calling.enforceOutsideDialDigit,
    ...optional('routingPrefix', view.location.routingPrefix),
    callingLineId: callingLineId(view),
    e911SetupRequired: false,
  };
}

export function presentCallingLocation(view: CallingLocationView): CallingLocation {
  const { location, calling } = view;
  return {
    id: encodeId('LOCATION', location.id),
    name: location.name,
    announcementLanguage: location.announcementLanguage,
    callingLineId: callingLineId(view),
    ...(calling.connection ? { connection: { type: calling.connection.type, id: encodeId(calling.connection.type, calling.connection.id) } } : {}),
    // Webex's document requires these even when unset: the location's name stands for an unset
    // external caller ID name, an empty string for no outside dial digit or routing prefix.
    externalCallerIdName: calling.externalCallerIdName ?? location.name,
    userLimit: LOCATION_USER_LIMIT,
    ...optional('pAccessNetworkInfo', calling.pAccessNetworkInfo),
    outsideDialDigit: calling.outsideDialDigit ?? '',
    enforceOutsideDialDigit: calling.enforceOutsideDialDigit,
    routingPrefix: location.routingPrefix ?? '',
    defaultDomain: `${location.orgId.slice(0, 8)}.calls.callplane.example`,
    ...optional('chargeNumber', calling.chargeNumber),
    // Webex: with a charge number set, every call of the location carries it in P-Charge-Info.
    useChargeNumberForPChargeInfo: calling.chargeNumber !== null,
  };
}

/** An ISO-8601 duration, as Webex writes timeElapsed (PT1M35.25S). */
function elapsed(from: string, to: string): string {
  const ms = Math.max(0, Date.parse(to) - Date.parse(from));
  const minutes = Math.floor(ms / 60000);
  const seconds = (ms % 60000) / 1000;
  return `PT${minutes > 0 ? `${minutes}M` : ''}${seconds}S`;
}

export function presentJob(job: Job): JobObject {
  const until = job.ended ?? job.lastUpdated;
  const step = job.started
    ? [
        {
          id: 1,
          startTime: job.started,
          ...(job.ended ? { endTime: job.ended } : {}),
          lastUpdated: job.lastUpdated,
          statusMessage: job.status,
          exitCode: job.exitCode,
          name: job.jobType,
          timeElapsed: elapsed(job.started, until),
        },
      ]
    : [];
  return {
    name: job.jobType,
    id: encodeId('JOB_ID', job.id),
    jobType: job.jobType,
    trackingId: job.trackingId,
    sourceUserId: encodeId('PEOPLE', job.sourceUserId),
    sourceCustomerId: encodeId('ORGANIZATION', job.orgId),
    targetCustomerId: encodeId('ORGANIZATION', job.orgId),
    instanceId: job.instanceId,
    jobExecutionStatus: [
      {
        id: job.instanceId,
        ...(job.started ? { startTime: job.started } : {}),
        ...(job.ended ? { endTime: job.ended } : {}),
        lastUpdated: job.lastUpdated,
        statusMessage: job.status,
        exitCode: job.exitCode,
        createdTime: job.created,
        timeElapsed: elapsed(job.started ?? job.created, until),
        stepExecutionStatuses: step,
      },
    ],
    latestExecutionStatus: job.status,
    latestExecutionExitCode: job.exitCode,
    counts: { routingPrefixUpdated: job.updatedItems, routingPrefixFailed: job.failedItems },
  };
}

export function presentJobError(error: JobError, locationId: string | null) {
  return {
    itemNumber: error.itemNumber,
    item: error.itemId,
    trackingId: error.trackingId,
    error: {
      key: '409',
      message: [{ description: error.message, code: error.errorCode, locationId: locationId ? encodeId('LOCATION', locationId) : '' }],
    },
  };
}
