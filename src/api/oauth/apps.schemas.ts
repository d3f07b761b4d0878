import { Type } from 'typebox';
import { IdParam, NoContent, responses } from '../../http/schemas.ts';
import { OAUTH_SCOPES } from '../../domain/oauth/oauth-scopes.ts';
import { AuthorizationObject } from './oauth.schemas.ts';

// Callplane's own API for what the Developer Portal and Control Hub do: register apps, consent
// without the page (for automated tests) and authorize service apps.

export const AppObject = Type.Object({
  id: Type.String({ description: 'The application ID: tokens and webhooks (appId) carry it.' }),
  type: Type.String({ description: 'integration or service.' }),
  name: Type.String(),
  clientId: Type.String(),
  redirectUris: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  orgId: Type.String(),
  createdBy: Type.String(),
  created: Type.String(),
});

const Scopes = Type.Union([Type.Array(Type.String({ maxLength: 128 }), { maxItems: 64 }), Type.String({ maxLength: 4096 })], {
  description: `Scopes as an array or a space-separated string; any of ${OAUTH_SCOPES.join(', ')}.`,
});

export const RegisterApp = {
  summary: 'Register an app',
  description:
    'An integration (name, redirectUris, scopes) or a service app (type service, scopes). Full administrators only; an app never gets a scope the registering token lacks, besides the OAuth-only ones (spark:applications_token, identity:tokens_*) its roles allow. The client secret is in this answer only.',
  tags: ['Sandbox'],
  body: Type.Object({
    name: Type.String({ minLength: 1, maxLength: 256 }),
    type: Type.Optional(Type.String({ maxLength: 16, description: 'integration (default) or service.' })),
    redirectUris: Type.Optional(Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 20 })),
    scopes: Scopes,
  }),
  response: responses({ 201: Type.Object({ ...AppObject.properties, clientSecret: Type.String({ description: 'Shown once; stored hashed.' }) }) }),
};

const AppParams = IdParam('appId', 'The application ID.');

export const ListApps = { summary: "List the organization's apps", tags: ['Sandbox'], response: responses({ 200: Type.Object({ items: Type.Array(AppObject) }) }) };
export const GetApp = { summary: 'Get an app', tags: ['Sandbox'], params: AppParams, response: responses({ 200: AppObject }) };
export const DeleteApp = {
  summary: 'Delete an app',
  description: 'With every authorization and token it has.',
  tags: ['Sandbox'],
  params: AppParams,
  response: responses({ 204: NoContent }),
};

export const AuthorizeServiceApp = {
  summary: 'Authorize a service app for your organization',
  description:
    "What a full administrator does in Control Hub, by the client ID the app's developer hands out: the app (of any organization) may then fetch tokens for this one. Its tokens act as this administrator. 201 when new, 200 when it was authorized already.",
  tags: ['Sandbox'],
  body: Type.Object({ clientId: Type.String({ maxLength: 256, description: "The service app's client ID." }) }),
  response: responses({ 200: AuthorizationObject, 201: AuthorizationObject }),
};

export const ListOrgAuthorizations = {
  summary: "List the organization's authorizations",
  description: 'Every authorization given in the organization, for the console.',
  tags: ['Sandbox'],
  response: responses({ 200: Type.Object({ items: Type.Array(AuthorizationObject) }) }),
};

export const Consent = {
  summary: 'Consent without the page',
  description:
    'For automated tests: does what accepting (or denying) the consent page does and answers where the browser would go. Without personId the token\'s own person consents; consenting for another person of the organization needs a full administrator.',
  tags: ['Sandbox'],
  body: Type.Object({
    clientId: Type.String({ maxLength: 256 }),
    redirectUri: Type.Optional(Type.String({ maxLength: 2048 })),
    scope: Type.String({ maxLength: 4096, description: 'Space-separated.' }),
    state: Type.Optional(Type.String({ maxLength: 2048 })),
    codeChallenge: Type.Optional(Type.String({ maxLength: 256 })),
    codeChallengeMethod: Type.Optional(Type.String({ maxLength: 16 })),
    responseType: Type.Optional(Type.String({ maxLength: 32, description: 'Default code.' })),
    personId: Type.Optional(Type.String({ maxLength: 512 })),
    decision: Type.Optional(Type.Union([Type.Literal('accept'), Type.Literal('deny')], { description: 'Default accept.' })),
  }),
  response: responses({
    200: Type.Object({
      location: Type.String({ description: 'The redirect URI with code and state, or with error.' }),
      code: Type.Optional(Type.String()),
      state: Type.Optional(Type.String()),
      error: Type.Optional(Type.String()),
    }),
  }),
};
