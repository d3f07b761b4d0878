// What the domain and the delivery worker may ask of persistence for webhooks.
export interface WebhookRepository {}
