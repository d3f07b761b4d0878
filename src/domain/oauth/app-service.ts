import { randomUUID } from 'node:crypto';
import type { OAuthApp, AppType } from '../../store/oauth-store.ts';
import type { Store } from '../../store/store.ts';
import { ROLE_FULL_ADMIN, type Principal } from '../auth/scopes.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, forbidden } from '../errors.ts';
import { hashSecret, newClientId, newClientSecret } from './credentials.ts';
import { appNotFound, appScopesExceedToken, unknownScopes } from './oauth-errors.ts';
import { OAUTH_SCOPES, oauthOnlyScopes, scopeList } from './oauth-scopes.ts';

export type RegisterAppInput = {
  name: string;
  type?: string;
  redirectUris?: readonly string[];
  scopes: string | readonly string[];
};

const MAX_REDIRECT_URIS = 20;

/**
 * An exact redirect URI: absolute, no fragment (RFC 6749 3.1.2). http is allowed everywhere, as
 * a sandbox's apps run on developers' machines; custom schemes serve native apps.
 */
function checkRedirectUri(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw badRequest(`redirectUris: "${uri}" is not an absolute URI.`);
  }
  if (url.hash !== '' || uri.includes('#')) throw badRequest(`redirectUris: "${uri}" must not have a fragment.`);
  if (['javascript:', 'data:', 'file:'].includes(url.protocol)) throw badRequest(`redirectUris: the ${url.protocol} scheme is not allowed.`);
  return uri;
}

export class AppService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Registers an app of the caller's organization. Only full administrators do; a token never
   * registers an app with a scope it does not hold itself, besides the OAuth-only scopes its
   * roles allow (spark:applications_token, identity:tokens_*). The secret is returned here only.
   */
  async register(principal: Principal, input: RegisterAppInput): Promise<{ app: OAuthApp; clientSecret: string }> {
    if (!principal.roles.includes(ROLE_FULL_ADMIN)) throw forbidden('Registering apps needs a full administrator of the organization.');
    const name = input.name.trim();
    if (name === '') throw badRequest('name must not be blank.');
    const type: AppType = input.type === undefined || input.type === 'integration' ? 'integration' : input.type === 'service' ? 'service' : badType(input.type);
    const scopes = scopeList(input.scopes);
    if (scopes.length === 0) throw badRequest('scopes must name at least one scope.');
    const unknown = scopes.filter((s) => !OAUTH_SCOPES.includes(s));
    if (unknown.length > 0) throw unknownScopes(unknown);
    const oauthOnly = oauthOnlyScopes(principal.roles);
    const beyond = scopes.filter((s) => !principal.scopes.has(s) && !oauthOnly.includes(s));
    if (beyond.length > 0) throw appScopesExceedToken(beyond);
    const redirectUris = [...new Set((input.redirectUris ?? []).map(checkRedirectUri))];
    if (type === 'integration' && redirectUris.length === 0) throw badRequest('An integration needs at least one redirect URI (redirectUris).');
    if (type === 'service' && redirectUris.length > 0) throw badRequest('A service app has no redirect URIs: nobody signs in to it.');
    if (redirectUris.length > MAX_REDIRECT_URIS) throw badRequest(`At most ${MAX_REDIRECT_URIS} redirect URIs.`);
    const clientSecret = newClientSecret();
    const app: OAuthApp = {
      id: randomUUID(),
      orgId: principal.orgId,
      type,
      name,
      clientId: newClientId(),
      secretHash: await hashSecret(clientSecret),
      redirectUris,
      scopes,
      createdBy: principal.personId,
      created: timestamp(this.clock),
    };
    await this.store.oauth.insertApp(app);
    return { app, clientSecret };
  }

  list(principal: Principal): Promise<OAuthApp[]> {
    return this.store.oauth.listApps(principal.orgId);
  }

  /** An app of the caller's organization. */
  async get(principal: Principal, appId: string | undefined): Promise<OAuthApp> {
    const app = appId ? await this.store.oauth.getApp(appId) : undefined;
    if (!app || app.orgId !== principal.orgId) throw appNotFound();
    return app;
  }

  /** Deletes the app with every authorization and token it has, in every organization. */
  async delete(principal: Principal, appId: string | undefined): Promise<void> {
    if (!principal.roles.includes(ROLE_FULL_ADMIN)) throw forbidden('Deleting apps needs a full administrator of the organization.');
    const app = await this.get(principal, appId);
    await this.store.transaction((tx) => tx.oauth.deleteApp(app.id));
  }
}

function badType(type: string): never {
  throw badRequest(`type must be integration or service, not "${type}".`);
}
