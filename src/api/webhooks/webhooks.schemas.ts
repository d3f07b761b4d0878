import { Type, type Static } from 'typebox';
import { IdParam, NoContent, responses } from '../../http/schemas.ts';
import { CALL_FILTER_KEYS } from '../../domain/webhooks/webhook-filter.ts';
import { EVENTS, RESOURCES } from '../../domain/webhooks/webhook-rules.ts';

// Resource, event and ownedBy are checked by the service, whose errors name the allowed values.

export const WebhookObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  targetUrl: Type.String(),
  resource: Type.String({ description: `One of ${RESOURCES.join(', ')}.` }),
  event: Type.String({ description: `One of ${EVENTS.join(', ')}.` }),
  filter: Type.Optional(Type.String({ description: 'Absent when the webhook has no filter.' })),
  secret: Type.Optional(Type.String({ description: 'Absent when the webhook has no secret.' })),
  status: Type.String({ description: 'active, or inactive after repeated failed deliveries.' }),
  created: Type.String(),
  orgId: Type.String(),
  createdBy: Type.String(),
  appId: Type.String({ description: 'The application of the token that created it (one per organization in Callplane).' }),
  ownedBy: Type.String({ description: 'creator, or org for an organization-wide webhook.' }),
});
export type WebhookObject = Static<typeof WebhookObject>;

const WebhookParams = IdParam('webhookId', 'The unique identifier for the webhook.');

const fields = {
  name: Type.String({ maxLength: 256, description: 'A user-friendly name for the webhook.' }),
  targetUrl: Type.String({ maxLength: 2048, description: 'Absolute http or https URL that receives a POST for each event.' }),
  secret: Type.Optional(Type.String({ maxLength: 256, description: 'Signs every delivery: X-Spark-Signature is the hex HMAC-SHA1 of the body with it.' })),
};

export const ListWebhooks = {
  summary: 'List Webhooks',
  description: 'Your webhooks; an administrator also sees the organization-wide ones.',
  tags: ['Webhooks'],
  querystring: Type.Object({
    max: Type.Optional(Type.Number({ description: 'Webhooks per page (default and limit 100).' })),
    ownedBy: Type.Optional(Type.String({ maxLength: 16, description: 'org: only organization-wide webhooks; creator: only your own.' })),
    after: Type.Optional(Type.String({ maxLength: 512, description: 'Paging cursor, from the Link header.' })),
  }),
  response: responses({ 200: Type.Object({ items: Type.Array(WebhookObject) }) }),
};

export const CreateWebhook = {
  summary: 'Create a Webhook',
  description: `Creating a telephony_calls (or all) webhook needs spark:calls_read; ownedBy org needs an administrator. telephony_calls filter keys: ${CALL_FILTER_KEYS.join(', ')}.`,
  tags: ['Webhooks'],
  body: Type.Object({
    ...fields,
    resource: Type.String({ maxLength: 64, description: `One of ${RESOURCES.join(', ')}.` }),
    event: Type.String({ maxLength: 64, description: `One of ${EVENTS.join(', ')}.` }),
    filter: Type.Optional(Type.String({ maxLength: 2048, description: 'key=value conditions joined by &.' })),
    ownedBy: Type.Optional(Type.String({ maxLength: 16, description: 'org for an organization-wide webhook (administrators).' })),
  }),
  response: responses({ 200: WebhookObject }),
};
export type CreateWebhookBody = Static<typeof CreateWebhook.body>;

export const GetWebhook = {
  summary: 'Get Webhook Details',
  tags: ['Webhooks'],
  params: WebhookParams,
  response: responses({ 200: WebhookObject }),
};

export const UpdateWebhook = {
  summary: 'Update a Webhook',
  description:
    'Changes name, targetUrl and secret (absent: kept; empty: removed); status active re-activates a webhook deactivated after failed deliveries. Other fields are ignored.',
  tags: ['Webhooks'],
  params: WebhookParams,
  body: Type.Object({
    ...fields,
    status: Type.Optional(Type.String({ maxLength: 16, description: 'Only active.' })),
    ownedBy: Type.Optional(Type.String({ description: 'Ignored.' })),
  }),
  response: responses({ 200: WebhookObject }),
};

export const DeleteWebhook = {
  summary: 'Delete a Webhook',
  tags: ['Webhooks'],
  params: WebhookParams,
  response: responses({ 204: NoContent }),
};
