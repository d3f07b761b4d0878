import { randomUUID } from 'node:crypto';
import type { Authorization, AuthorizationView } from '../../store/oauth-store.ts';
import type { Store } from '../../store/store.ts';
import { ROLE_FULL_ADMIN, type Principal } from '../auth/scopes.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, forbidden } from '../errors.ts';
import { personNotFound } from '../people/people-errors.ts';
import { verifySecret } from './credentials.ts';
import { appNotFound, authorizationNotFound, serviceAppNotAuthorized, wrongServiceAppCredentials } from './oauth-errors.ts';
import { oauthScopesAllowed } from './oauth-scopes.ts';
import type { OAuthService, TokenResponse } from './oauth-service.ts';

/** The configured admin token never expires; its tokenExpiry is the last millisecond of 9999. */
export const NEVER_EXPIRES_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// The Authorizations API and service apps: what administrators see and revoke, and the
// organization-wide authorization a service app needs before it can fetch tokens.
export class AuthorizationService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly oauth: OAuthService;

  constructor(store: Store, clock: Clock, oauth: OAuthService) {
    this.store = store;
    this.clock = clock;
    this.oauth = oauth;
  }

  /** A person's authorizations; the person must belong to the caller's organization. */
  async listForPerson(principal: Principal, person: { id?: string; email?: string }): Promise<AuthorizationView[]> {
    if (person.id === undefined && person.email === undefined) throw badRequest('Either personId or personEmail must be provided.');
    const found =
      person.id !== undefined
        ? await this.store.people.get(principal.orgId, person.id)
        : await this.store.people.findByEmail(person.email!.toLowerCase());
    if (!found || found.orgId !== principal.orgId) throw personNotFound();
    return this.store.oauth.listForPerson(found.id);
  }

  /** Every authorization given in the caller's organization (the console's list). */
  listForOrg(principal: Principal): Promise<AuthorizationView[]> {
    return this.store.oauth.listForOrg(principal.orgId);
  }

  /** Deletes an authorization of the caller's organization: its tokens answer 401 at once. */
  async delete(principal: Principal, authorizationId: string | undefined): Promise<void> {
    const found = authorizationId ? await this.store.oauth.getAuthorization(authorizationId) : undefined;
    if (!found || found.orgId !== principal.orgId) throw authorizationNotFound();
    await this.store.transaction((tx) => tx.oauth.deleteAuthorization(found.id));
  }

  /** Deletes every authorization of a client in the organization. */
  async deleteForClient(orgId: string, clientId: string): Promise<void> {
    const app = await this.store.oauth.findAppByClientId(clientId);
    if (!app) throw appNotFound();
    const deleted = await this.store.transaction((tx) => tx.oauth.deleteAuthorizationsOf(app.id, orgId));
    if (deleted === 0) throw authorizationNotFound();
  }

  /** Epoch milliseconds at which the caller's token expires. */
  tokenExpiry(principal: Principal): number {
    return principal.expiresAt ? Date.parse(principal.expiresAt) : NEVER_EXPIRES_MS;
  }

  /**
   * A full administrator authorizes a service app (of any organization, named by its client ID) for their own: the app may
   * then fetch tokens acting in it. Callplane has no machine accounts, so the tokens act as the
   * administrator who authorized, within the app's scopes. Authorizing again returns the same one.
   */
  async authorizeServiceApp(principal: Principal, clientId: string): Promise<{ authorization: AuthorizationView; created: boolean }> {
    if (!principal.roles.includes(ROLE_FULL_ADMIN)) throw forbidden('Authorizing a service app needs a full administrator of the organization.');
    const app = await this.store.oauth.findAppByClientId(clientId);
    if (!app || app.type !== 'service') throw appNotFound();
    const existing = await this.store.oauth.findServiceAuthorization(app.id, principal.orgId);
    if (existing) return { authorization: { ...existing, appName: app.name, clientId: app.clientId, appType: app.type }, created: false };
    const authorization: Authorization = {
      id: randomUUID(),
      appId: app.id,
      orgId: principal.orgId,
      personId: principal.personId,
      scopes: app.scopes,
      created: timestamp(this.clock),
    };
    await this.store.oauth.insertAuthorization(authorization);
    return { authorization: { ...authorization, appName: app.name, clientId: app.clientId, appType: app.type }, created: true };
  }

  /** POST /v1/applications/{applicationId}/token. */
  async serviceAppToken(appId: string | undefined, input: { clientId: string; clientSecret: string; targetOrgId: string | undefined }): Promise<TokenResponse> {
    const app = appId ? await this.store.oauth.getApp(appId) : undefined;
    if (!app || app.type !== 'service') throw appNotFound();
    if (input.clientId !== app.clientId || !(await verifySecret(input.clientSecret, app.secretHash))) throw wrongServiceAppCredentials();
    if (!input.targetOrgId) throw badRequest('targetOrgId is not an organization ID.');
    const authorization = await this.store.oauth.findServiceAuthorization(app.id, input.targetOrgId);
    if (!authorization) throw serviceAppNotAuthorized();
    return this.store.transaction(async (tx) => {
      const admin = await tx.people.get(authorization.orgId, authorization.personId);
      if (!admin) throw serviceAppNotAuthorized();
      const allowed = oauthScopesAllowed(admin.roles);
      return this.oauth.issuePair(tx, app, authorization, authorization.scopes.filter((s) => allowed.includes(s)));
    });
  }
}
