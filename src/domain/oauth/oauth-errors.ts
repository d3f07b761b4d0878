import { badRequest, forbidden, notFound, WebexError } from '../errors.ts';

// Two kinds of failure. At the token endpoint an OAuthError answers RFC 6749's body
// ({ error, error_description }) beside Webex's own fields. At /v1/authorize, an error about the
// client or its redirect URI is shown on the page (never redirected to an address nobody
// registered); the others go back to the client's redirect URI as ?error=…

export class OAuthError extends WebexError {
  readonly error: string;
  constructor(status: number, error: string, description: string) {
    super(status, description, status === 401 ? { headers: { 'WWW-Authenticate': 'Basic realm="Callplane"' } } : {});
    this.error = error;
  }
}

export const invalidClient = () => new OAuthError(401, 'invalid_client', 'Client authentication failed: unknown client_id or wrong client_secret.');
export const invalidGrant = (why: string) => new OAuthError(400, 'invalid_grant', why);
export const invalidRequest = (why: string) => new OAuthError(400, 'invalid_request', why);
export const invalidScope = (why: string) => new OAuthError(400, 'invalid_scope', why);
export const unsupportedGrantType = (grantType: string) =>
  new OAuthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported: use authorization_code or refresh_token.`);

/** A problem /v1/authorize shows on its page instead of redirecting. */
export class AuthorizePageError extends WebexError {}
export const unknownClient = () => new AuthorizePageError(400, 'Unknown client_id: no app is registered with it.');
export const unregisteredRedirectUri = () =>
  new AuthorizePageError(400, 'The redirect_uri is not one the app registered; Callplane redirects only to an exact registered URI.');
export const notAnIntegration = () => new AuthorizePageError(400, 'This client is a service app: an administrator authorizes it for the organization, nobody signs in to it.');

/** A problem to send back to the client's redirect URI: `location` is where, with error and state. */
export class RedirectableError extends Error {
  readonly error: string;
  readonly location: string;
  constructor(error: string, description: string, location: string) {
    super(description);
    this.error = error;
    this.location = location;
  }
}

export const appNotFound = () => notFound('Application not found.');
export const appScopesExceedToken = (scopes: string[]) => forbidden(`Your token cannot register an app with scopes it does not hold: ${scopes.join(' ')}`);
export const unknownScopes = (scopes: string[]) => badRequest(`Unknown scopes: ${scopes.join(' ')}`);
export const authorizationNotFound = () => notFound('Authorization not found.');
export const serviceAppNotAuthorized = () => forbidden('The service app is not authorized for this organization: a full administrator must authorize it first.');
export const wrongServiceAppCredentials = () => new WebexError(401, 'The clientId or clientSecret is wrong for this application.');
