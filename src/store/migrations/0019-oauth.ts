import type { Kysely } from 'kysely';

// OAuth: registered apps (integrations and service apps), the authorizations people and
// administrators give them, single-use authorization codes and refresh tokens. Access tokens
// learn which app and authorization they came from; deleting an authorization deletes its tokens
// (the cascade), so they answer 401 at once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oauth_apps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oauth_apps_org').on('oauth_apps').columns(['org_id', 'created', 'id']).execute();

  await db.schema
    .createTable('oauth_authorizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('oauth_apps.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // The person who signed in, or the administrator who authorized a service app.
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oauth_authorizations_person').on('oauth_authorizations').columns(['person_id', 'created']).execute();
  await db.schema.createIndex('oauth_authorizations_app_org').on('oauth_authorizations').columns(['app_id', 'org_id']).execute();
  await db.schema.createIndex('oauth_authorizations_org').on('oauth_authorizations').columns(['org_id', 'created']).execute();

  await db.schema
    .createTable('oauth_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('oauth_apps.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('code_challenge', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    // Set when the code is exchanged; a second exchange then revokes what the first one made.
    .addColumn('used_at', 'text')
    .addColumn('authorization_id', 'text')
    .execute();

  await db.schema
    .createTable('oauth_refresh_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('authorization_id', 'text', (c) => c.notNull().references('oauth_authorizations.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oauth_refresh_tokens_authorization').on('oauth_refresh_tokens').column('authorization_id').execute();

  await db.schema.alterTable('access_tokens').addColumn('app_id', 'text').execute();
  await db.schema
    .alterTable('access_tokens')
    .addColumn('authorization_id', 'text', (c) => c.references('oauth_authorizations.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('access_tokens_authorization').on('access_tokens').column('authorization_id').execute();
}
