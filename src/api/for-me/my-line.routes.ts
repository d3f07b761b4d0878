import type { FastifyReply, FastifyRequest } from 'fastify';
import { vendorId, type CallRecordingConfigService } from '../../domain/call-recording/call-recording-config.ts';
import { FEATURE_NAMES } from '../../domain/call-routing/test-call-routing.ts';
import type { CallRecordingService } from '../../domain/calls/call-recording-service.ts';
import { badRequest } from '../../domain/errors.ts';
import type { ForMeService } from '../../domain/for-me/for-me-service.ts';
import type { MyLine, SecondaryLineService } from '../../domain/for-me/secondary-lines.ts';
import { enabledServices } from '../../domain/settings/calling-services.ts';
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

type Deps = { store: Store; forMe: ForMeService; secondaryLines: SecondaryLineService; callRecording: CallRecordingService; callRecordingConfig: CallRecordingConfigService };
type Work = (line: MyLine, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Lines Callplane keeps these documents for: people's (a workspace's line has none of them). */
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

  route([my.getMyCallCenterSettings, my.getMySecondaryLinesCallCenterSettings], (line) => forMe.queues(line.orgId, personLine(line).uuid));
  route(
    [my.modifyMyCallCenterSettings, my.modifyMySecondaryLinesCallCenterSettings],
    async (line, request, reply) => {
      await forMe.updateQueues(line.orgId, personLine(line).uuid, request.body as Parameters<ForMeService['updateQueues']>[2]);
      done(reply);
    },
    { write: true },
  );

  // The groups the line's owner belongs to, read-only here.
  route([my.getMyCallParkSettings, my.getMySecondaryLinesCallParkSettings], (line) => forMe.callPark(line.orgId, personLine(line).uuid));
  route([my.getMyCallPickupGroupSettings, my.getMySecondaryLinesCallPickupGroupSettings], (line) => forMe.callPickupGroup(line.orgId, personLine(line).uuid));

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

  // The line's recording as its owner sees it: the administrator's settings and the organization's vendor.
  route([my.getMyCallRecordingSettings, my.getMySecondaryLinesCallRecordingSettings], async (line) => {
    const settings = await deps.callRecording.get(line.orgId, personLine(line).id);
    const { vendor } = await deps.callRecordingConfig.organization(line.orgId);
    return {
      enabled: settings.enabled,
      vendor: { id: vendorId(vendor, line.orgId), name: vendor.name, loginUrl: vendor.loginUrl },
      recordingMode: settings.record,
      ...(settings.notification.enabled && settings.notification.type !== 'None' ? { pauseResumeNotifyMethod: settings.notification.type } : {}),
      announcementEnabled: settings.startStopAnnouncementEnabled,
      warningToneEnabled: settings.repeat.enabled,
      warningToneDuration: settings.repeat.interval,
    };
  });

  // The feature access codes the line may dial (the organization's, the same for every line).
  route([my.getMyFeatureAccessCodes, my.getMySecondaryLinesFeatureAccessCodes], async () => ({
    featureAccessCodeList: Object.entries(FEATURE_NAMES).map(([code, name]) => ({ name, code })),
  }));

  route([my.getMyCallingServicesList, my.getMySecondaryLinesCallingServicesList], async (line) => ({ services: await enabledServices(deps.store, line.orgId, personLine(line).id) }));
}
