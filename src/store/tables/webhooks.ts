// Tables of the webhooks area (see store/migrations/0008-webhooks.ts).
export type WebhookTables = {};
