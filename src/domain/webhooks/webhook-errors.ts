import { badRequest, forbidden, notFound } from '../errors.ts';

export const webhookNotFound = () => notFound('The requested webhook could not be found.');
export const nameRequired = () => badRequest('name must not be empty.');
export const invalidTargetUrl = (value: string) =>
  badRequest(`targetUrl must be an absolute http or https URL (for example https://example.com/webhooks), got "${value}".`);
export const invalidResource = (value: string, allowed: readonly string[]) =>
  badRequest(`"${value}" is not a webhook resource; use one of ${allowed.join(', ')}.`);
export const invalidEvent = (value: string, allowed: readonly string[]) => badRequest(`"${value}" is not a webhook event; use one of ${allowed.join(', ')}.`);
export const eventNotForResource = (event: string, resource: string, allowed: readonly string[]) =>
  badRequest(`The ${resource} resource has no "${event}" event; use one of ${allowed.join(', ')}.`);
export const invalidOwnedBy = (value: string) => badRequest(`ownedBy must be "org" or "creator", got "${value}".`);
export const invalidFilter = (reason: string) => badRequest(`Invalid filter: ${reason}`);
export const resourceScopeRequired = (resource: string, scope: string) =>
  forbidden(`Creating a webhook for ${resource} requires the ${scope} scope.`);
export const orgWebhookNeedsAdmin = () => forbidden('Only an administrator of the organization can create or change a webhook with ownedBy "org".');
export const cannotDeactivate = () =>
  badRequest('A webhook cannot be deactivated with PUT: status only takes "active", to re-activate a webhook that was deactivated. Delete the webhook to stop its deliveries.');
export const targetHasCredentials = () =>
  badRequest('targetUrl must not contain a user name or password (user:password@host); sign deliveries with a secret instead.');
export const targetNotAllowed = (host: string, kind: string) =>
  badRequest(
    `targetUrl host ${host} is ${kind === 'loopback' ? 'a loopback address' : kind === 'private' ? 'a private or link-local address' : 'an address no webhook may target'}, which this server does not deliver to (see CALLPLANE_WEBHOOK_ALLOW_PRIVATE).`,
  );
export const tooManyWebhooks = (max: number) =>
  badRequest(`An organization can have at most ${max} webhooks; delete one before creating another.`);
