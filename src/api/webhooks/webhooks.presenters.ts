import { encodeId } from '../../domain/webex-ids.ts';
import { withoutCredentials } from '../../domain/webhooks/egress-policy.ts';
import type { Webhook } from '../../store/webhooks-store.ts';
import type { WebhookObject } from './webhooks.schemas.ts';

export function presentWebhook(w: Webhook): WebhookObject {
  return {
    id: encodeId('WEBHOOK', w.id),
    name: w.name,
    // Refused on create since the egress policy; a URL stored before keeps its credentials unseen.
    targetUrl: withoutCredentials(w.targetUrl),
    resource: w.resource,
    event: w.event,
    ...(w.filter !== null ? { filter: w.filter } : {}),
    ...(w.secret !== null ? { secret: w.secret } : {}),
    status: w.status,
    created: w.created,
    orgId: encodeId('ORGANIZATION', w.orgId),
    createdBy: encodeId('PEOPLE', w.createdBy),
    appId: encodeId('APPLICATION', w.appId),
    ownedBy: w.ownedBy,
  };
}
