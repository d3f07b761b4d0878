import type { Party } from '../../engine/types.ts';
import type { RouteType } from '../../store/call-routing-store.ts';
import type { Store } from '../../store/store.ts';
import { decideOutbound, type OutboundDecision } from '../calls/outbound-route.ts';
import { resolveDestination } from '../calls/destinations.ts';
import { FEATURE_ACCESS_CODES } from '../calls/feature-access-codes.ts';
import { personParty } from '../calls/parties.ts';
import { badRequest } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';

// testCallRouting: how a call from a person (or arriving on a trunk) to a dialled string would be
// routed, answered from the very decision real calls take (calls/outbound-route.ts), never
// placing a call. A person's call goes through translation patterns, routing and their outgoing
// permissions; a call arriving on a trunk is resolved at the trunk's location as dialled.

export type TestCallRoutingInput = { originatorId: string; originatorType: 'PEOPLE' | 'TRUNK'; originatorNumber?: string; destination: string; includeAppliedServices?: boolean };

type Json = Record<string, unknown>;
type Trunkish = { type: RouteType; id: string };

export class TestCallRouting {
  private readonly store: Store;
  constructor(store: Store) {
    this.store = store;
  }

  async test(orgId: string, input: TestCallRoutingInput): Promise<Json> {
    const destination = input.destination.trim();
    if (destination === '') throw badRequest('destination must not be blank.');
    if (input.originatorType === 'TRUNK') return this.fromTrunk(orgId, input.originatorId, destination);
    const id = decodeId(input.originatorId, 'PEOPLE');
    const person = id && (await this.store.people.get(orgId, id));
    if (!person) throw badRequest('originatorId is not a person of this organization.');
    if (person.locationId === null) throw badRequest('originatorId is not a Webex Calling user.');
    const caller = await personParty(this.store, person);
    if (caller.kind !== 'person') throw badRequest('originatorId is not a Webex Calling user.');
    const decision = await decideOutbound(this.store, caller, destination);
    const answer = await this.present(orgId, decision.party, decision.routed, decision, caller.locationId);
    answer.isRejected = decision.party === undefined || decision.refusal !== undefined;
    if (input.includeAppliedServices && decision.translation) {
      const { pattern, dialled, translated } = decision.translation;
      answer.appliedServices = [
        {
          translationPattern: {
            configurationLevel: pattern.locationId === null ? 'ORGANIZATION' : 'LOCATION',
            name: pattern.name,
            matchingPattern: pattern.matchingPattern,
            replacementPattern: pattern.replacementPattern,
            matchedNumber: dialled,
            translatedNumber: translated,
          },
        },
      ];
    }
    return answer;
  }

  private async fromTrunk(orgId: string, originatorId: string, destination: string): Promise<Json> {
    const id = decodeId(originatorId, 'TRUNK');
    const trunk = id && (await this.store.callRouting.getTrunk(orgId, id));
    if (!trunk) throw badRequest('originatorId is not a trunk of this organization.');
    const party = await resolveDestination(this.store, { orgId, locationId: trunk.locationId }, destination);
    const answer = await this.present(orgId, party, destination.replace(/[\s().-]/g, ''), undefined, trunk.locationId);
    answer.isRejected = party === undefined;
    return answer;
  }

  /** The destination's part of the answer: its type, the address routed and the details of its kind. */
  private async present(orgId: string, party: Party | undefined, routed: string, decision: OutboundDecision | undefined, callerLocationId: string): Promise<Json> {
    const routingAddress = routed.replace(/^(tel|sip|sips):/i, '');
    if (!party) {
      const extension = /^\d{2,10}$/.test(routingAddress);
      return {
        destinationType: extension ? 'UNKNOWN_EXTENSION' : 'UNKNOWN_NUMBER',
        routingAddress,
        callSourceInfo: { callSourceType: extension ? 'UNKOWN_EXTENSION' : 'UNKOWN_NUMBER' },
      };
    }
    const via = decision?.via;
    switch (party.kind) {
      case 'person': {
        const location = await this.store.locations.get(orgId, party.locationId);
        const type = party.line === 'workspace' ? 'PLACE' : 'PEOPLE';
        const idType = party.line === 'workspace' ? 'PLACE' : party.line === 'virtualLine' ? 'VIRTUAL_LINE' : 'PEOPLE';
        const person = party.line === undefined ? await this.store.people.get(orgId, party.personId) : undefined;
        return {
          destinationType: 'HOSTED_AGENT',
          routingAddress,
          hostedAgent: {
            id: encodeId(idType, party.personId),
            type,
            firstName: person?.firstName ?? party.name,
            lastName: person?.lastName ?? '',
            locationName: location?.name ?? '',
            locationId: encodeId('LOCATION', party.locationId),
            ...(party.number ? { phoneNumber: party.number } : {}),
            ...(party.extension ? { extension: party.extension } : {}),
          },
        };
      }
      case 'huntGroup':
      case 'autoAttendant':
      case 'pagingGroup': {
        const [type, idType] =
          party.kind === 'autoAttendant'
            ? // The document's hosted feature types name no AI receptionist: it answers as an auto attendant.
              (['AUTO_ATTENDANT', party.feature === 'aiReceptionist' ? 'AI_RECEPTIONIST' : 'AUTO_ATTENDANT'] as const)
            : party.kind === 'pagingGroup'
              ? (['GROUP_PAGING', 'PAGING_GROUP'] as const)
              : party.feature === 'callQueue'
                ? (['CALL_QUEUE', 'CALL_QUEUE'] as const)
                : (['HUNT_GROUP', 'HUNT_GROUP'] as const);
        const id = party.kind === 'autoAttendant' ? party.autoAttendantId : party.kind === 'pagingGroup' ? party.pagingGroupId : party.huntGroupId;
        const location = await this.store.locations.get(orgId, party.locationId);
        return {
          destinationType: 'HOSTED_FEATURE',
          routingAddress,
          hostedFeature: {
            type,
            name: party.name,
            id: encodeId(idType, id),
            locationName: location?.name ?? '',
            locationId: encodeId('LOCATION', party.locationId),
            ...(party.number ? { phoneNumber: party.number } : {}),
            ...(party.extension ? { extension: party.extension } : {}),
          },
        };
      }
      case 'voicemail': {
        const group = party.voicemailGroupId !== undefined;
        const location = await this.store.locations.get(orgId, callerLocationId);
        return {
          destinationType: 'HOSTED_FEATURE',
          routingAddress,
          hostedFeature: {
            type: group ? 'VOICE_MAIL_GROUP' : 'VOICE_MESSAGING',
            name: party.name,
            id: group ? encodeId('VOICEMAIL_GROUP', party.voicemailGroupId!) : encodeId('PEOPLE', party.personId),
            locationName: location?.name ?? '',
            locationId: encodeId('LOCATION', callerLocationId),
            ...(party.number ? { phoneNumber: party.number } : {}),
          },
        };
      }
      case 'parkExtension':
        // Webex's hostedFeature types name no call park extension: the type alone says where it goes.
        return { destinationType: 'HOSTED_FEATURE', routingAddress };
      case 'feature':
        return { destinationType: 'FAC', routingAddress: party.code, featureAccessCode: { code: party.code, name: FEATURE_ACCESS_CODES[party.code] ?? 'Feature access code' } };
      case 'pstn': {
        if (via && 'dialPlan' in via) {
          const { dialPlan } = via;
          return {
            destinationType: 'PBX_USER',
            routingAddress,
            callSourceInfo: { callSourceType: 'DIAL_PATTERN', dialPlanName: dialPlan.dialPlanName, dialPattern: dialPlan.dialPattern, dialPlanId: encodeId('DIAL_PLAN', dialPlan.dialPlanId) },
            pbxUser: {
              dialPlanName: dialPlan.dialPlanName,
              dialPlanId: encodeId('DIAL_PLAN', dialPlan.dialPlanId),
              dialPattern: dialPlan.dialPattern,
              ...(await this.route(orgId, { type: dialPlan.routeType, id: dialPlan.routeId })),
            },
          };
        }
        if (via && 'routeList' in via) {
          const list = via.routeList;
          return {
            destinationType: 'ROUTE_LIST',
            routingAddress: party.number,
            routeList: {
              id: encodeId('ROUTE_LIST', list.id),
              name: list.name,
              routeGroupName: list.routeGroupName,
              routeGroupId: encodeId('ROUTE_GROUP', list.routeGroupId),
              locationName: list.locationName,
              locationId: encodeId('LOCATION', list.locationId),
            },
          };
        }
        if (via && 'unknownExtension' in via) {
          return { destinationType: 'UNKNOWN_EXTENSION', routingAddress, callSourceInfo: { callSourceType: 'UNKOWN_EXTENSION' } };
        }
        const connection = (await this.store.locationCalling.get(callerLocationId))?.connection ?? null;
        const route = connection ? await this.route(orgId, connection) : {};
        if (party.emergency) return { destinationType: 'EMERGENCY', routingAddress: party.number, emergency: { isRedSky: false, ...route } };
        return { destinationType: 'PSTN_NUMBER', routingAddress: party.number, pstnNumber: route };
      }
    }
  }

  /** A trunk's or route group's names and IDs as testCallRouting shows them. */
  private async route(orgId: string, route: Trunkish): Promise<Json> {
    if (route.type === 'TRUNK') {
      const trunk = await this.store.callRouting.getTrunk(orgId, route.id);
      return trunk
        ? { trunkName: trunk.name, trunkId: encodeId('TRUNK', trunk.id), trunkLocationName: trunk.locationName, trunkLocationId: encodeId('LOCATION', trunk.locationId) }
        : {};
    }
    const group = await this.store.callRouting.getRouteGroup(orgId, route.id);
    return group ? { routeGroupName: group.name, routeGroupId: encodeId('ROUTE_GROUP', group.id) } : {};
  }
}
