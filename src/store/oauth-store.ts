// What the OAuth area asks of persistence: apps, authorizations, codes and refresh tokens.

export type AppType = 'integration' | 'service';

export type OAuthApp = {
  id: string;
  /** The organization that registered it. */
  orgId: string;
  type: AppType;
  name: string;
  clientId: string;
  secretHash: string;
  /** Exact URIs; a service app has none. */
  redirectUris: string[];
  scopes: string[];
  createdBy: string;
  created: string;
};

/** A person's consent to an integration, or an administrator's authorization of a service app for an organization. */
export type Authorization = {
  id: string;
  appId: string;
  orgId: string;
  personId: string;
  scopes: string[];
  created: string;
};

/** An authorization with what lists show of its app. */
export type AuthorizationView = Authorization & { appName: string; clientId: string; appType: AppType };

export type AuthorizationCode = {
  codeHash: string;
  appId: string;
  orgId: string;
  personId: string;
  redirectUri: string;
  scopes: string[];
  /** The PKCE S256 challenge, or null when the client sent none. */
  codeChallenge: string | null;
  expiresAt: string;
  usedAt: string | null;
  authorizationId: string | null;
};

export type RefreshToken = { tokenHash: string; authorizationId: string; expiresAt: string; created: string };

export interface OAuthRepository {
  insertApp(app: OAuthApp): Promise<void>;
  getApp(id: string): Promise<OAuthApp | undefined>;
  findAppByClientId(clientId: string): Promise<OAuthApp | undefined>;
  listApps(orgId: string): Promise<OAuthApp[]>;
  /** Deletes the app with its authorizations, codes and tokens. */
  deleteApp(id: string): Promise<void>;

  insertCode(code: AuthorizationCode): Promise<void>;
  getCode(codeHash: string): Promise<AuthorizationCode | undefined>;
  /** Deletes codes that expired before the given time (a used one's tokens stay). */
  deleteCodesExpiredBefore(time: string): Promise<void>;
  /** Marks an unused code used; false when it was used already (atomic: one exchange wins). */
  useCode(codeHash: string, usedAt: string, authorizationId: string): Promise<boolean>;

  insertAuthorization(authorization: Authorization): Promise<void>;
  getAuthorization(id: string): Promise<AuthorizationView | undefined>;
  /** The authorization of a service app for an organization, if an administrator gave one. */
  findServiceAuthorization(appId: string, orgId: string): Promise<Authorization | undefined>;
  listForPerson(personId: string): Promise<AuthorizationView[]>;
  listForOrg(orgId: string): Promise<AuthorizationView[]>;
  /** Deletes it with its refresh and access tokens. */
  deleteAuthorization(id: string): Promise<void>;
  /** Deletes every authorization of the app in the organization; how many there were. */
  deleteAuthorizationsOf(appId: string, orgId: string): Promise<number>;

  insertRefreshToken(token: RefreshToken): Promise<void>;
  getRefreshToken(tokenHash: string): Promise<RefreshToken | undefined>;
}
