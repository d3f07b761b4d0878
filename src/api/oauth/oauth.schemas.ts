import { Type } from 'typebox';
import { ErrorBody, IdParam, NoContent, responses } from '../../http/schemas.ts';

// Webex's OAuth endpoints (/v1/authorize, /v1/access_token), service-app tokens and the
// Authorizations API as Cisco's admin document defines them, and Callplane's own /sandbox/v1/apps.

const S = (description: string, max = 4096) => Type.Optional(Type.String({ maxLength: max, description }));

const AuthorizeFields = {
  client_id: S('The integration\'s client ID.', 256),
  response_type: S('code.', 32),
  redirect_uri: S('One of the redirect URIs the integration registered, exactly.', 2048),
  scope: S('Space-separated scopes, each registered by the integration.'),
  state: S('Returned unchanged with the code or error.', 2048),
  code_challenge: S('PKCE: base64url SHA-256 of the code verifier.', 256),
  code_challenge_method: S('S256 (plain is not supported).', 16),
};

export const Authorize = {
  summary: 'Sign in and consent (OAuth 2 authorization endpoint)',
  description:
    'An HTML page: choose who signs in among the organization\'s people, see the requested scopes, accept or deny. Then a 302 to the registered redirect URI with code and state, or with error. An unknown client or an unregistered redirect URI is shown on the page (400), never redirected to. See docs/oauth.md.',
  tags: ['Authorization'],
  produces: ['text/html'],
  querystring: Type.Object(AuthorizeFields),
};

export const SubmitConsent = {
  summary: 'Answer the consent page',
  description: 'The consent page\'s form (application/x-www-form-urlencoded): the fields of the authorization request, personId and decision (accept or deny). Answers 302 to the redirect URI.',
  tags: ['Authorization'],
  produces: ['text/html'],
  consumes: ['application/x-www-form-urlencoded'],
  body: Type.Object({ ...AuthorizeFields, personId: S('The person who signs in.', 512), decision: S('accept or deny.', 16) }),
};

/** RFC 6749's error body beside Webex's. */
export const OAuthErrorBody = Type.Object({
  error: Type.Optional(Type.String({ description: 'invalid_request, invalid_client, invalid_grant, invalid_scope or unsupported_grant_type.' })),
  error_description: Type.Optional(Type.String()),
  message: Type.String(),
  errors: Type.Array(Type.Object({ description: Type.String() })),
  trackingId: Type.String(),
});

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  expires_in: Type.Integer({ description: 'Seconds: 1209600 (14 days).' }),
  refresh_token: Type.String(),
  refresh_token_expires_in: Type.Integer({ description: 'Seconds left: 7776000 (90 days) when new.' }),
  token_type: Type.Literal('Bearer'),
  scope: Type.String({ description: 'Granted scopes, space-separated.' }),
});

export const AccessToken = {
  summary: 'Get or refresh an access token (OAuth 2 token endpoint)',
  description:
    'Form-encoded (JSON is accepted too). grant_type authorization_code (code, redirect_uri, code_verifier) or refresh_token (refresh_token, optional scope). Client credentials as client_id and client_secret fields or HTTP Basic.',
  tags: ['Authorization'],
  consumes: ['application/x-www-form-urlencoded', 'application/json'],
  body: Type.Object({
    grant_type: S('authorization_code or refresh_token.', 64),
    client_id: S('', 256),
    client_secret: S('', 256),
    code: S('', 512),
    redirect_uri: S('', 2048),
    code_verifier: S('', 256),
    refresh_token: S('', 512),
    scope: S(''),
  }),
  response: { 200: TokenResponse, 400: OAuthErrorBody, 401: OAuthErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody },
};

export const ServiceAppToken = {
  summary: 'Create Service App Access Token',
  description: 'Token pair for a service app a full administrator of targetOrgId authorized. Needs a token with spark:applications_token.',
  tags: ['Service Apps'],
  params: IdParam('applicationId', 'The unique identifier of the Service App.'),
  body: Type.Object({
    clientId: Type.String({ maxLength: 256 }),
    clientSecret: Type.String({ maxLength: 256 }),
    targetOrgId: Type.String({ maxLength: 512 }),
  }),
  response: responses({ 200: Type.Omit(TokenResponse, ['scope']) }),
};

export const AuthorizationObject = Type.Object({
  id: Type.String({ description: 'The unique authorization identifier.' }),
  applicationId: Type.String(),
  applicationName: Type.String(),
  personId: Type.String(),
  clientId: Type.String(),
  created: Type.String(),
  type: Type.String({ description: 'refresh: the authorization that makes access tokens.' }),
});

export const ListAuthorizations = {
  summary: 'List authorizations for a user',
  description: 'Either personId or personEmail must be provided. No pagination.',
  tags: ['Authorizations'],
  querystring: Type.Object({ personId: S('', 512), personEmail: S('', 320) }),
  response: responses({ 200: Type.Object({ items: Type.Array(AuthorizationObject) }) }),
};

export const DeleteAuthorizationsOfClient = {
  summary: 'Delete authorization of org and client ID',
  tags: ['Authorizations'],
  querystring: Type.Object({
    clientId: Type.String({ maxLength: 256, description: 'The unique oAuth client id.' }),
    orgId: S('Defaults to the token\'s organization.', 512),
  }),
  response: responses({ 204: NoContent }),
};

export const DeleteAuthorization = {
  summary: 'Delete authorization',
  tags: ['Authorizations'],
  params: IdParam('authorizationId', 'The unique identifier of the authorization.'),
  response: responses({ 204: NoContent }),
};

export const TokenExpiry = {
  summary: 'Get expiration status for a token',
  description: 'Epoch time in milliseconds at which the calling token expires.',
  tags: ['Authorizations'],
  response: responses({ 200: Type.Object({ exp: Type.Number() }) }),
};
