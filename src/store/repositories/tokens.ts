import type { AccessToken, SettingRepository, TokenRepository } from '../store.ts';
import { fixedStatement, type RepositoryContext } from './context.ts';

// Every request's authentication (when not cached): built and compiled once.
const tokenWithRoles = fixedStatement((db, tokenHash: string) =>
  db
    .selectFrom('access_tokens as t')
    .innerJoin('people as p', (join) => join.onRef('p.id', '=', 't.person_id').onRef('p.org_id', '=', 't.org_id'))
    .selectAll('t')
    .select('p.roles')
    .where('t.token_hash', '=', tokenHash),
);

export class KyselyTokenRepository implements TokenRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(t: AccessToken): Promise<void> {
    await this.ctx.db
      .insertInto('access_tokens')
      .values({
        token_hash: t.tokenHash,
        org_id: t.orgId,
        person_id: t.personId,
        scopes: t.scopes.join(' '),
        expires_at: t.expiresAt,
        created: t.created,
        app_id: t.appId ?? null,
        authorization_id: t.authorizationId ?? null,
      })
      .onConflict((oc) => oc.column('token_hash').doNothing())
      .execute();
  }

  async get(tokenHash: string): Promise<(AccessToken & { holderRoles: string[] }) | undefined> {
    const row = (await tokenWithRoles(this.ctx, tokenHash)).rows[0];
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      orgId: row.org_id,
      personId: row.person_id,
      scopes: row.scopes === '' ? [] : row.scopes.split(' '),
      expiresAt: row.expires_at,
      created: row.created,
      appId: row.app_id,
      authorizationId: row.authorization_id,
      holderRoles: JSON.parse(row.roles),
    };
  }
}

export class KyselySettingRepository implements SettingRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async get(key: string): Promise<string | undefined> {
    const row = await this.ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.ctx.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
