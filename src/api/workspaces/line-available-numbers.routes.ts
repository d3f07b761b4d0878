import { anyOf } from '../../domain/auth/scopes.ts';
import type { AvailableList } from '../../domain/location-numbers/available-numbers.ts';
import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import { virtualLineOf } from '../../domain/virtual-lines/virtual-line-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { personOf } from '../../domain/settings/settings-service.ts';
import { callingWorkspaceOf } from '../../domain/workspaces/workspace-service.ts';
import { operations as vl } from '../../generated/webex/virtual-line-call-settings.ts';
import { operations as ws } from '../../generated/webex/workspace-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Store, TelephoneNumberType } from '../../store/store.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { documentScopes } from '../person-settings/setting-routes.ts';

const MAX_NUMBERS = 2000;

// The available-number lists of a person's, a workspace's or a virtual line's settings: the number inventory
// of the line's calling location seen through the location lists' rules
// (domain/location-numbers/available-numbers.ts) —
//   call forwarding: numbers with an owner (where calls can go), as a hunt group's;
//   call intercept: the location's call intercept rule; emergency callback: its ECBN rule;
//   fax message: standard numbers nobody holds (the Webex Go rule);
//   secondary: service and standard numbers nobody holds (a hunt group's number rule);
//   a new workspace's number (no workspace yet): the fax message rule, one location or all.

type Line = { param: string; locationOf(store: Store, orgId: string, publicId: string): Promise<string>; read: string };

const WORKSPACE: Line = {
  param: 'workspaceId',
  read: 'spark-admin:workspaces_read',
  locationOf: async (store, orgId, id) => (await callingWorkspaceOf(store, orgId, id)).callingLocationId!,
};
const VIRTUAL_LINE: Line = {
  param: 'virtualLineId',
  read: 'spark-admin:telephony_config_read',
  locationOf: async (store, orgId, id) => (await virtualLineOf(store, orgId, id)).locationId,
};

const PERSON: Line = {
  param: 'personId',
  read: 'spark-admin:telephony_config_read',
  locationOf: async (store, orgId, id) => (await personOf(store, orgId, id)).locationId!,
};

const LISTS: [WebexOperation, AvailableList, Line][] = [
  [user.getPersonCallForwardAvailablePhoneNumbers, 'huntGroupCallForward', PERSON],
  [user.getPersonEcbnAvailablePhoneNumbers, 'emergencyCallbackNumber', PERSON],
  [user.getPersonFaxMessageAvailablePhoneNumbers, 'webexGo', PERSON],
  [user.getPersonSecondaryAvailablePhoneNumbers, 'huntGroup', PERSON],
  [ws.getWorkspaceCallForwardAvailablePhoneNumbers, 'huntGroupCallForward', WORKSPACE],
  [ws.getWorkspaceCallInterceptAvailablePhoneNumbers, 'callIntercept', WORKSPACE],
  [ws.getWorkspaceECBNAvailablePhoneNumbers, 'emergencyCallbackNumber', WORKSPACE],
  [ws.getWorkspaceFaxMessageAvailablePhoneNumbers, 'webexGo', WORKSPACE],
  [ws.getWorkspaceSecondaryAvailablePhoneNumbers, 'huntGroup', WORKSPACE],
  [vl.getVirtualLineCallForwardAvailablePhoneNumbers, 'huntGroupCallForward', VIRTUAL_LINE],
  [vl.getVirtualLineCallInterceptAvailablePhoneNumbers, 'callIntercept', VIRTUAL_LINE],
  [vl.getVirtualLineECBNAvailablePhoneNumbers, 'emergencyCallbackNumber', VIRTUAL_LINE],
  [vl.getVirtualLineFaxMessageAvailablePhoneNumbers, 'webexGo', VIRTUAL_LINE],
];

/**
 * Numbers for a new line of a location, or of any calling location without locationId: a virtual
 * line takes standard numbers, a person's primary line standard or mobile numbers.
 */
const NEW_LINE_LISTS: [WebexOperation, TelephoneNumberType[]][] = [
  [vl.getVirtualLineAvailablePhoneNumbers, ['DID']],
  [user.getPersonPrimaryAvailablePhoneNumbers, ['DID', 'MOBILE']],
];

type NumberQuery = { max?: number; start?: number; phoneNumber?: unknown[]; ownerName?: string; extension?: string };

export function lineAvailableNumberRoutes(server: Server, deps: { store: Store; locationNumbers: LocationNumberService }): void {
  // The numbers a new workspace line may take: standard numbers nobody holds, of one location or
  // of every calling location.
  webexRoute(server, ws.getWorkspaceAvailablePhoneNumbers, {
    auth: anyOf(...documentScopes(ws.getWorkspaceAvailablePhoneNumbers.operationId)),
    handler: async (request, reply) => {
      const q = request.query;
      const { max, start } = telephonyPaging(q, MAX_NUMBERS);
      const query = { ...(q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber.map(String).join(',') } : {}), start, max };
      const page =
        q.locationId !== undefined
          ? await deps.locationNumbers.availableNumbers(request.orgId, q.locationId, 'webexGo', query)
          : await deps.locationNumbers.availableNumbersOfOrganization(request.orgId, 'webexGo', query);
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('webexGo', n)) } as never;
    },
  });
  for (const [operation, types] of NEW_LINE_LISTS) {
    webexRoute(server, operation, {
      auth: anyOf('spark-admin:telephony_config_read'),
      handler: (async (request: { orgId: string; query: NumberQuery & { locationId?: string } }, reply: never) => {
        const q = request.query;
        const { max, start } = telephonyPaging(q, MAX_NUMBERS);
        const page = await deps.locationNumbers.unassignedNumbers(request.orgId, q.locationId, types, {
          ...(q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber.map(String).join(',') } : {}),
          start,
          max,
        });
        return {
          phoneNumbers: offsetPageItems(request as never, reply, page, max).map((n) => ({
            ...presentCandidate('webexGo', n),
            telephonyType: n.numberType === 'MOBILE' ? 'MOBILE_NUMBER' : 'PSTN_NUMBER',
          })),
        };
      }) as never,
    });
  }

  for (const [operation, list, line] of LISTS) {
    webexRoute(server, operation, {
      auth: anyOf(line.read),
      handler: (async (request: { orgId: string; params: Record<string, string>; query: NumberQuery }, reply: never) => {
        const q = request.query;
        const locationId = await line.locationOf(deps.store, request.orgId, request.params[line.param]!);
        const { max, start } = telephonyPaging(q, MAX_NUMBERS);
        const page = await deps.locationNumbers.availableNumbers(request.orgId, encodeId('LOCATION', locationId), list, {
          ...(q.phoneNumber !== undefined ? { phoneNumber: q.phoneNumber.map(String).join(',') } : {}),
          ...(q.ownerName !== undefined ? { ownerName: q.ownerName } : {}),
          ...(q.extension !== undefined ? { extension: q.extension } : {}),
          start,
          max,
        });
        return { phoneNumbers: offsetPageItems(request as never, reply, page, max).map((n) => presentCandidate(list, n)) };
      }) as never,
    });
  }
}
