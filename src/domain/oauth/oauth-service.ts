import { randomUUID } from 'node:crypto';
import type { OAuthApp } from '../../store/oauth-store.ts';
import type { Person, Store } from '../../store/store.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { Clock } from '../clock.ts';
import { personNotFound } from '../people/people-errors.ts';
import { isCodeVerifier, isS256Challenge, newOpaqueValue, s256, sha256, verifySecret } from './credentials.ts';
import {
  invalidClient,
  invalidGrant,
  invalidRequest,
  invalidScope,
  notAnIntegration,
  RedirectableError,
  unknownClient,
  unregisteredRedirectUri,
  unsupportedGrantType,
} from './oauth-errors.ts';
import { oauthScopesAllowed, scopeList } from './oauth-scopes.ts';

// Webex's lifetimes: access tokens 14 days, refresh tokens 90 days. A code lives 10 minutes
// (RFC 6749 4.1.2's recommended maximum) and is used once.
export const ACCESS_TOKEN_LIFETIME_SECONDS = 14 * 24 * 3600;
export const REFRESH_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;
export const CODE_LIFETIME_SECONDS = 600;

/** The query of GET /v1/authorize, as sent. */
export type AuthorizeParams = {
  client_id?: string;
  response_type?: string;
  redirect_uri?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
};

/** An authorization request that passed every check: what the consent page shows. */
export type AuthorizeRequest = {
  app: OAuthApp;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string | null;
};

/** The form of POST /v1/access_token, as sent; client credentials may come from Basic auth instead. */
export type TokenParams = Record<string, string | undefined>;

export type TokenResponse = {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  token_type: 'Bearer';
  scope: string;
};

const seconds = (untilIso: string, now: Date): number => Math.max(0, Math.floor((Date.parse(untilIso) - now.getTime()) / 1000));

/** The redirect URI with the given parameters added to its query. */
export function redirectTo(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

export class OAuthService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly tokens: TokenService;

  constructor(store: Store, clock: Clock, tokens: TokenService) {
    this.store = store;
    this.clock = clock;
    this.tokens = tokens;
  }

  /**
   * Checks an authorization request. The client and its redirect URI are checked first: a problem
   * with either throws an AuthorizePageError (shown, never redirected to). Any later problem
   * throws a RedirectableError for the client's redirect URI.
   */
  async checkAuthorize(params: AuthorizeParams): Promise<AuthorizeRequest> {
    const app = params.client_id ? await this.store.oauth.findAppByClientId(params.client_id) : undefined;
    if (!app) throw unknownClient();
    if (app.type !== 'integration') throw notAnIntegration();
    // Exact match only; with one registered URI the parameter may be left out (RFC 6749 3.1.2.3).
    const redirectUri = params.redirect_uri ?? (app.redirectUris.length === 1 ? app.redirectUris[0] : undefined);
    if (!redirectUri || !app.redirectUris.includes(redirectUri)) throw unregisteredRedirectUri();
    const fail = (error: string, description: string) =>
      new RedirectableError(error, description, redirectTo(redirectUri, { error, error_description: description, state: params.state }));
    if (params.response_type !== 'code') {
      throw fail('unsupported_response_type', 'response_type must be code.');
    }
    const scopes = scopeList(params.scope);
    if (scopes.length === 0) throw fail('invalid_scope', 'scope must name at least one scope, separated by spaces.');
    const unregistered = scopes.filter((s) => !app.scopes.includes(s));
    if (unregistered.length > 0) throw fail('invalid_scope', `The app did not register these scopes: ${unregistered.join(' ')}`);
    let codeChallenge: string | null = null;
    if (params.code_challenge !== undefined) {
      if ((params.code_challenge_method ?? 'plain') !== 'S256') {
        throw fail('invalid_request', 'code_challenge_method must be S256 (plain is not supported).');
      }
      if (!isS256Challenge(params.code_challenge)) throw fail('invalid_request', 'code_challenge is not an S256 challenge.');
      codeChallenge = params.code_challenge;
    } else if (params.code_challenge_method !== undefined) {
      throw fail('invalid_request', 'code_challenge_method was given without code_challenge.');
    }
    return { app, redirectUri, scopes, state: params.state, codeChallenge };
  }

  /** Whom the consent page offers to sign in as: the first people of the app's organization. */
  async signInChoices(request: AuthorizeRequest, limit = 200): Promise<Person[]> {
    return (await this.store.people.list(request.app.orgId, {}, undefined, limit)).items;
  }

  /**
   * The person's answer to a checked request: where to send the browser. Accepting makes a
   * single-use code; denying answers error=access_denied. The person must belong to the
   * organization (orgId) of whoever signs in.
   */
  async consent(request: AuthorizeRequest, orgId: string, personId: string | undefined, accept: boolean): Promise<string> {
    if (!accept) return redirectTo(request.redirectUri, { error: 'access_denied', error_description: 'The person denied the request.', state: request.state });
    const person = personId ? await this.store.people.get(orgId, personId) : undefined;
    if (!person) throw personNotFound();
    const code = newOpaqueValue();
    const now = this.clock.now();
    // Codes a day past their life can only ever answer invalid_grant: they go as new ones come.
    await this.store.oauth.deleteCodesExpiredBefore(new Date(now.getTime() - 24 * 3600 * 1000).toISOString());
    await this.store.oauth.insertCode({
      codeHash: sha256(code),
      appId: request.app.id,
      orgId,
      personId: person.id,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      codeChallenge: request.codeChallenge,
      expiresAt: new Date(now.getTime() + CODE_LIFETIME_SECONDS * 1000).toISOString(),
      usedAt: null,
      authorizationId: null,
    });
    return redirectTo(request.redirectUri, { code, state: request.state });
  }

  /** POST /v1/access_token. */
  async token(params: TokenParams, basic: { clientId: string; clientSecret: string } | undefined): Promise<TokenResponse> {
    const grantType = params.grant_type;
    if (!grantType) throw invalidRequest('grant_type is required.');
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') throw unsupportedGrantType(grantType);
    const app = await this.authenticateClient(params, basic);
    return grantType === 'authorization_code' ? this.exchangeCode(app, params) : this.refresh(app, params);
  }

  private async authenticateClient(params: TokenParams, basic: { clientId: string; clientSecret: string } | undefined): Promise<OAuthApp> {
    const clientId = basic?.clientId ?? params.client_id;
    const clientSecret = basic?.clientSecret ?? params.client_secret;
    if (!clientId || clientSecret === undefined) throw invalidClient();
    const app = await this.store.oauth.findAppByClientId(clientId);
    if (!app || !(await verifySecret(clientSecret, app.secretHash))) throw invalidClient();
    return app;
  }

  private async exchangeCode(app: OAuthApp, params: TokenParams): Promise<TokenResponse> {
    if (!params.code) throw invalidRequest('code is required.');
    const codeHash = sha256(params.code);
    const code = await this.store.oauth.getCode(codeHash);
    if (!code || code.appId !== app.id) throw invalidGrant('The code is unknown or was issued to another client.');
    if (code.usedAt !== null) {
      // A code used twice may have been stolen: what the first exchange made is revoked (RFC 6749 4.1.2).
      if (code.authorizationId) await this.store.transaction((tx) => tx.oauth.deleteAuthorization(code.authorizationId!));
      throw invalidGrant('The code was used already; the tokens it gave are revoked.');
    }
    const now = this.clock.now();
    if (code.expiresAt <= now.toISOString()) throw invalidGrant(`The code expired (codes live ${CODE_LIFETIME_SECONDS} seconds).`);
    if (params.redirect_uri !== code.redirectUri) throw invalidGrant('redirect_uri does not match the one of the authorization request.');
    if (code.codeChallenge !== null) {
      const verifier = params.code_verifier;
      if (!verifier) throw invalidGrant('code_verifier is required: the authorization request had a code_challenge.');
      if (!isCodeVerifier(verifier) || s256(verifier) !== code.codeChallenge) throw invalidGrant('code_verifier does not match the code_challenge.');
    } else if (params.code_verifier !== undefined) {
      throw invalidGrant('code_verifier was sent but the authorization request had no code_challenge.');
    }
    return this.store.transaction(async (tx) => {
      const person = await tx.people.get(code.orgId, code.personId);
      if (!person) throw invalidGrant('The person who signed in no longer exists.');
      const authorizationId = randomUUID();
      // Requested (and so registered) scopes, limited to those the person's roles allow.
      const allowed = oauthScopesAllowed(person.roles);
      const scopes = code.scopes.filter((s) => allowed.includes(s));
      await tx.oauth.insertAuthorization({ id: authorizationId, appId: app.id, orgId: code.orgId, personId: person.id, scopes, created: now.toISOString() });
      if (!(await tx.oauth.useCode(codeHash, now.toISOString(), authorizationId))) throw invalidGrant('The code was used already.');
      return this.issuePair(tx, app, { id: authorizationId, orgId: code.orgId, personId: person.id }, scopes);
    });
  }

  private async refresh(app: OAuthApp, params: TokenParams): Promise<TokenResponse> {
    if (!params.refresh_token) throw invalidRequest('refresh_token is required.');
    const refreshToken = params.refresh_token;
    const stored = await this.store.oauth.getRefreshToken(sha256(refreshToken));
    const now = this.clock.now();
    const authorization = stored && (await this.store.oauth.getAuthorization(stored.authorizationId));
    if (!stored || !authorization || authorization.appId !== app.id) throw invalidGrant('The refresh token is unknown, revoked or was issued to another client.');
    if (stored.expiresAt <= now.toISOString()) throw invalidGrant('The refresh token expired (refresh tokens live 90 days).');
    const person = await this.store.people.get(authorization.orgId, authorization.personId);
    if (!person) throw invalidGrant('The person who signed in no longer exists.');
    // A refresh may ask for fewer scopes than the authorization holds, never more.
    const asked = params.scope === undefined ? authorization.scopes : scopeList(params.scope);
    const beyond = asked.filter((s) => !authorization.scopes.includes(s));
    if (beyond.length > 0) throw invalidScope(`The authorization does not hold these scopes: ${beyond.join(' ')}`);
    const allowed = oauthScopesAllowed(person.roles);
    const scopes = asked.filter((s) => allowed.includes(s));
    const issued = await this.tokens.issueForAuthorization(this.store, {
      orgId: authorization.orgId,
      personId: person.id,
      appId: app.id,
      authorizationId: authorization.id,
      scopes,
      lifetimeSeconds: ACCESS_TOKEN_LIFETIME_SECONDS,
    });
    // Webex keeps the refresh token: the same value comes back with the time it has left.
    return {
      access_token: issued.accessToken,
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      refresh_token: refreshToken,
      refresh_token_expires_in: seconds(stored.expiresAt, now),
      token_type: 'Bearer',
      scope: scopes.join(' '),
    };
  }

  /** A new refresh token and access token under an authorization. */
  async issuePair(store: Store, app: OAuthApp, authorization: { id: string; orgId: string; personId: string }, scopes: string[]): Promise<TokenResponse> {
    const refreshToken = newOpaqueValue();
    const now = this.clock.now();
    await store.oauth.insertRefreshToken({
      tokenHash: sha256(refreshToken),
      authorizationId: authorization.id,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
      created: now.toISOString(),
    });
    const issued = await this.tokens.issueForAuthorization(store, {
      orgId: authorization.orgId,
      personId: authorization.personId,
      appId: app.id,
      authorizationId: authorization.id,
      scopes,
      lifetimeSeconds: ACCESS_TOKEN_LIFETIME_SECONDS,
    });
    return {
      access_token: issued.accessToken,
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_SECONDS,
      token_type: 'Bearer',
      scope: scopes.join(' '),
    };
  }
}
