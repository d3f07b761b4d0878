import { anyOf } from '../../domain/auth/scopes.ts';
import type { CallRecordingService } from '../../domain/calls/call-recording-service.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { presentCallRecording } from './call-recording.presenters.ts';
import { GetCallRecording, UpdateCallRecording } from './call-recording.schemas.ts';

export function callRecordingRoutes(server: Server, deps: { callRecording: CallRecordingService }): void {
  const path = '/v1/people/:personId/features/callRecording';

  server.get(path, { schema: GetCallRecording, config: { auth: anyOf('spark-admin:people_read') } }, async (request) => {
    const settings = await deps.callRecording.get(request.orgId, request.params.personId);
    // get() has found the person, so the ID decodes.
    return presentCallRecording(settings, request.orgId, decodeId(request.params.personId, 'PEOPLE')!);
  });

  server.put(path, { schema: UpdateCallRecording, config: { auth: anyOf('spark-admin:people_write') } }, async (request, reply) => {
    await deps.callRecording.update(request.orgId, request.params.personId, request.body);
    sendEmpty(reply, 204);
  });
}
