import type { Selectable } from 'kysely';
import type { AppType, Authorization, AuthorizationCode, AuthorizationView, OAuthApp, OAuthRepository, RefreshToken } from '../oauth-store.ts';
import type { OAuthAppsTable, OAuthAuthorizationsTable } from '../tables/oauth.ts';
import type { RepositoryContext } from './context.ts';

const words = (text: string): string[] => (text === '' ? [] : text.split(' '));

function toApp(row: Selectable<OAuthAppsTable>): OAuthApp {
  return {
    id: row.id,
    orgId: row.org_id,
    type: row.type as AppType,
    name: row.name,
    clientId: row.client_id,
    secretHash: row.secret_hash,
    redirectUris: JSON.parse(row.redirect_uris),
    scopes: words(row.scopes),
    createdBy: row.created_by,
    created: row.created,
  };
}

function toAuthorization(row: Selectable<OAuthAuthorizationsTable>): Authorization {
  return { id: row.id, appId: row.app_id, orgId: row.org_id, personId: row.person_id, scopes: words(row.scopes), created: row.created };
}

export class KyselyOAuthRepository implements OAuthRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insertApp(app: OAuthApp): Promise<void> {
    await this.ctx.db
      .insertInto('oauth_apps')
      .values({
        id: app.id,
        org_id: app.orgId,
        type: app.type,
        name: app.name,
        client_id: app.clientId,
        secret_hash: app.secretHash,
        redirect_uris: JSON.stringify(app.redirectUris),
        scopes: app.scopes.join(' '),
        created_by: app.createdBy,
        created: app.created,
      })
      .execute();
  }

  async getApp(id: string): Promise<OAuthApp | undefined> {
    const row = await this.ctx.db.selectFrom('oauth_apps').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toApp(row);
  }

  async findAppByClientId(clientId: string): Promise<OAuthApp | undefined> {
    const row = await this.ctx.db.selectFrom('oauth_apps').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    return row && toApp(row);
  }

  async listApps(orgId: string): Promise<OAuthApp[]> {
    const rows = await this.ctx.db.selectFrom('oauth_apps').selectAll().where('org_id', '=', orgId).orderBy('created').orderBy('id').execute();
    return rows.map(toApp);
  }

  async deleteApp(id: string): Promise<void> {
    // Authorizations, codes and refresh tokens follow by cascade; access tokens are deleted first.
    await this.ctx.db.deleteFrom('access_tokens').where('app_id', '=', id).execute();
    await this.ctx.db.deleteFrom('oauth_apps').where('id', '=', id).execute();
  }

  async insertCode(code: AuthorizationCode): Promise<void> {
    await this.ctx.db
      .insertInto('oauth_codes')
      .values({
        code_hash: code.codeHash,
        app_id: code.appId,
        org_id: code.orgId,
        person_id: code.personId,
        redirect_uri: code.redirectUri,
        scopes: code.scopes.join(' '),
        code_challenge: code.codeChallenge,
        expires_at: code.expiresAt,
        used_at: code.usedAt,
        authorization_id: code.authorizationId,
      })
      .execute();
  }

  async getCode(codeHash: string): Promise<AuthorizationCode | undefined> {
    const row = await this.ctx.db.selectFrom('oauth_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    if (!row) return undefined;
    return {
      codeHash: row.code_hash,
      appId: row.app_id,
      orgId: row.org_id,
      personId: row.person_id,
      redirectUri: row.redirect_uri,
      scopes: words(row.scopes),
      codeChallenge: row.code_challenge,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
      authorizationId: row.authorization_id,
    };
  }

  async deleteCodesExpiredBefore(time: string): Promise<void> {
    await this.ctx.db.deleteFrom('oauth_codes').where('expires_at', '<', time).execute();
  }

  async useCode(codeHash: string, usedAt: string, authorizationId: string): Promise<boolean> {
    const result = await this.ctx.db
      .updateTable('oauth_codes')
      .set({ used_at: usedAt, authorization_id: authorizationId })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertAuthorization(a: Authorization): Promise<void> {
    await this.ctx.db
      .insertInto('oauth_authorizations')
      .values({ id: a.id, app_id: a.appId, org_id: a.orgId, person_id: a.personId, scopes: a.scopes.join(' '), created: a.created })
      .execute();
  }

  private views() {
    return this.ctx.db
      .selectFrom('oauth_authorizations as a')
      .innerJoin('oauth_apps as app', 'app.id', 'a.app_id')
      .selectAll('a')
      .select(['app.name as app_name', 'app.client_id', 'app.type as app_type']);
  }

  private static toView(row: Selectable<OAuthAuthorizationsTable> & { app_name: string; client_id: string; app_type: string }): AuthorizationView {
    return { ...toAuthorization(row), appName: row.app_name, clientId: row.client_id, appType: row.app_type as AppType };
  }

  async getAuthorization(id: string): Promise<AuthorizationView | undefined> {
    const row = await this.views().where('a.id', '=', id).executeTakeFirst();
    return row && KyselyOAuthRepository.toView(row);
  }

  async findServiceAuthorization(appId: string, orgId: string): Promise<Authorization | undefined> {
    const row = await this.ctx.db
      .selectFrom('oauth_authorizations')
      .selectAll()
      .where('app_id', '=', appId)
      .where('org_id', '=', orgId)
      .orderBy('created', 'desc')
      .executeTakeFirst();
    return row && toAuthorization(row);
  }

  async listForPerson(personId: string): Promise<AuthorizationView[]> {
    const rows = await this.views().where('a.person_id', '=', personId).orderBy('a.created').orderBy('a.id').execute();
    return rows.map(KyselyOAuthRepository.toView);
  }

  async listForOrg(orgId: string): Promise<AuthorizationView[]> {
    const rows = await this.views().where('a.org_id', '=', orgId).orderBy('a.created').orderBy('a.id').execute();
    return rows.map(KyselyOAuthRepository.toView);
  }

  async deleteAuthorization(id: string): Promise<void> {
    // The foreign keys cascade too; deleting the tokens first says so where it is read.
    await this.ctx.db.deleteFrom('access_tokens').where('authorization_id', '=', id).execute();
    await this.ctx.db.deleteFrom('oauth_refresh_tokens').where('authorization_id', '=', id).execute();
    await this.ctx.db.deleteFrom('oauth_authorizations').where('id', '=', id).execute();
  }

  async deleteAuthorizationsOf(appId: string, orgId: string): Promise<number> {
    const ids = await this.ctx.db.selectFrom('oauth_authorizations').select('id').where('app_id', '=', appId).where('org_id', '=', orgId).execute();
    for (const { id } of ids) await this.deleteAuthorization(id);
    return ids.length;
  }

  async insertRefreshToken(t: RefreshToken): Promise<void> {
    await this.ctx.db
      .insertInto('oauth_refresh_tokens')
      .values({ token_hash: t.tokenHash, authorization_id: t.authorizationId, expires_at: t.expiresAt, created: t.created })
      .execute();
  }

  async getRefreshToken(tokenHash: string): Promise<RefreshToken | undefined> {
    const row = await this.ctx.db.selectFrom('oauth_refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && { tokenHash: row.token_hash, authorizationId: row.authorization_id, expiresAt: row.expires_at, created: row.created };
  }
}
