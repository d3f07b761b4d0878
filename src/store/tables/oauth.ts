// Tables of the OAuth area (see store/migrations/0019-oauth.ts).

export type OAuthAppsTable = {
  id: string;
  org_id: string;
  /** integration or service. */
  type: string;
  name: string;
  client_id: string;
  /** scrypt of the client secret (see domain/oauth/client-secret.ts). */
  secret_hash: string;
  /** JSON array of exact URIs. */
  redirect_uris: string;
  /** Space-separated. */
  scopes: string;
  created_by: string;
  created: string;
};

export type OAuthAuthorizationsTable = {
  id: string;
  app_id: string;
  org_id: string;
  person_id: string;
  scopes: string;
  created: string;
};

export type OAuthCodesTable = {
  code_hash: string;
  app_id: string;
  org_id: string;
  person_id: string;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  expires_at: string;
  used_at: string | null;
  authorization_id: string | null;
};

export type OAuthRefreshTokensTable = {
  token_hash: string;
  authorization_id: string;
  expires_at: string;
  created: string;
};

export type OAuthTables = {
  oauth_apps: OAuthAppsTable;
  oauth_authorizations: OAuthAuthorizationsTable;
  oauth_codes: OAuthCodesTable;
  oauth_refresh_tokens: OAuthRefreshTokensTable;
};
