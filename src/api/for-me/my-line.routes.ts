import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from '../../domain/errors.ts';
import type { ForMeService } from '../../domain/for-me/for-me-service.ts';
import type { MyCallingService } from '../../domain/for-me/my-calling.ts';
import type { MyLine, SecondaryLineService } from '../../domain/for-me/secondary-lines.ts';
import { operations as my } from '../../generated/webex/call-settings-for-me.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Store } from '../../store/store.ts';
import { myRead, myWrite } from './for-me.routes.ts';
import { myLine } from './my-line.ts';

// Call Settings For Me that act on a line: the person's own (…/people/me/settings/X) or a
// secondary line they carry (…/people/me/settings/secondaryLines/{lineOwnerId}/X). Each is one
// handler registered for both operations; the path says whose line (my-line.ts).

type Deps = { store: Store; forMe: ForMeService; secondaryLines: SecondaryLineService; myCalling: MyCallingService };
type Work = (line: MyLine, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Lines Callplane keeps these documents for: people's and virtual lines' (a workspace's line has none of them). */
function personLine(line: MyLine): MyLine {
  if (line.kind !== 'person') throw badRequest("This setting is not one a workspace's line has.");
  return line;
}

export function myLineRoutes(server: Server, deps: Deps): void {
  const { forMe } = deps;
  const route = (ops: readonly WebexOperation[], work: Work, options: { write?: boolean } = {}) => {
    for (const op of ops) {
      webexRoute(server, op, {
        auth: options.write ? myWrite(op.operationId) : myRead(op.operationId),
        ...(options.write ? { optionalBody: true } : {}),
        handler: (async (request: FastifyRequest, reply: FastifyReply) => work(await myLine(deps.secondaryLines, request), request, reply)) as never,
      });
    }
  };
  const done = (reply: FastifyReply) => sendEmpty(reply, 204);
  /** The secondary line's owner, for the person's own preferences about it (their own line: undefined). */
  const secondary = (line: MyLine, request: FastifyRequest) => (line.uuid === principalOf(request).personId ? undefined : line.uuid);
  const myself = (request: FastifyRequest) => principalOf(request).personId;

  // The queues and groups the line's owner belongs to (a virtual line can be a queue agent and a
  // park or pickup group member as a person can); queues' availability is theirs to change.
  route([my.getMyCallCenterSettings, my.getMySecondaryLinesCallCenterSettings], (line) =>
    line.kind === 'virtualLine' ? forMe.queuesOf(line.orgId, line.uuid) : forMe.queues(line.orgId, personLine(line).uuid),
  );
  route(
    [my.modifyMyCallCenterSettings, my.modifyMySecondaryLinesCallCenterSettings],
    async (line, request, reply) => {
      const update = request.body as Parameters<ForMeService['updateQueues']>[2];
      if (line.kind === 'virtualLine') await forMe.updateQueuesOf(line.orgId, line.uuid, update);
      else await forMe.updateQueues(line.orgId, personLine(line).uuid, update);
      done(reply);
    },
    { write: true },
  );
  route([my.getMyCallParkSettings, my.getMySecondaryLinesCallParkSettings], (line) =>
    line.kind === 'virtualLine' ? forMe.callParkOf(line.orgId, line.uuid) : forMe.callPark(line.orgId, personLine(line).uuid),
  );
  route([my.getMyCallPickupGroupSettings, my.getMySecondaryLinesCallPickupGroupSettings], (line) =>
    line.kind === 'virtualLine' ? forMe.callPickupGroupOf(line.orgId, line.uuid) : forMe.callPickupGroup(line.orgId, personLine(line).uuid),
  );

  // Which of the person's own endpoints answers the line: always the person's endpoints, with a
  // preference per line.
  route([my.getListAvailablePreferredAnswerEndpoints, my.getSecondaryLinesAvailablePreferredAnswerEndpointList], async (line, request) => ({
    endpoints: await forMe.answerEndpoints(line.orgId, myself(request), secondary(line, request)),
  }));
  route([my.getMyPreferredAnswerEndpoint, my.getMySecondaryLinesPreferredAnswerEndpoint], (line, request) => forMe.preferredAnswerEndpoint(line.orgId, myself(request), secondary(line, request)));
  route(
    [my.modifyMyPreferredAnswerEndpoint, my.modifyMySecondaryLinesPreferredAnswerEndpoint],
    async (line, request, reply) => {
      const id = (request.body as { preferredAnswerEndpointId?: unknown }).preferredAnswerEndpointId;
      if (id !== null && typeof id !== 'string') throw badRequest('preferredAnswerEndpointId is an endpoint ID, or null to clear the preference.');
      await forMe.setPreferredAnswerEndpoint(line.orgId, myself(request), id, secondary(line, request));
      done(reply);
    },
    { write: true },
  );

  // What the administrator set for the line's owner (domain/for-me/my-calling.ts): recording with
  // the vendor of the owner's location, the feature access codes, the calling services.
  const calling = deps.myCalling;
  route([my.getMyCallRecordingSettings, my.getMySecondaryLinesCallRecordingSettings], (line) =>
    line.kind === 'virtualLine' ? calling.lineCallRecording(line.orgId, { uuid: line.uuid, locationId: line.locationId! }) : calling.callRecording(line.orgId, personLine(line).uuid),
  );
  route([my.getMyFeatureAccessCodes, my.getMySecondaryLinesFeatureAccessCodes], async (line) =>
    line.kind === 'virtualLine' ? calling.lineFeatureAccessCodes() : calling.featureAccessCodes(line.orgId, personLine(line).uuid),
  );
  route([my.getMyCallingServicesList, my.getMySecondaryLinesCallingServicesList], (line) =>
    line.kind === 'virtualLine' ? calling.lineServices(line.orgId, line) : calling.services(line.orgId, personLine(line).uuid),
  );
}
