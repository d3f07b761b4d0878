import { ROLE_FULL_ADMIN, ROLE_READONLY_ADMIN, scopesAllowed } from '../auth/scopes.ts';

// Scopes only an OAuth app's token can hold, besides those of src/domain/auth/scopes.ts:
// spark:applications_token lets an integration fetch service-app tokens, identity:tokens_* are
// the Authorizations API's. Sandbox-issued tokens never carry them.

export const APPLICATIONS_TOKEN_SCOPE = 'spark:applications_token';
export const TOKENS_READ_SCOPE = 'identity:tokens_read';
export const TOKENS_WRITE_SCOPE = 'identity:tokens_write';

/** Every scope a person with these roles may grant an OAuth app. */
export function oauthScopesAllowed(roles: readonly string[]): readonly string[] {
  const extra = [APPLICATIONS_TOKEN_SCOPE];
  if (roles.includes(ROLE_FULL_ADMIN)) extra.push(TOKENS_READ_SCOPE, TOKENS_WRITE_SCOPE);
  else if (roles.includes(ROLE_READONLY_ADMIN)) extra.push(TOKENS_READ_SCOPE);
  return [...scopesAllowed(roles), ...extra];
}

/** Every scope an app may declare. */
export const OAUTH_SCOPES: readonly string[] = oauthScopesAllowed([ROLE_FULL_ADMIN]);

/** Space- or array-given scopes as a list without repeats. */
export function scopeList(scopes: string | readonly string[] | undefined): string[] {
  const list = typeof scopes === 'string' ? scopes.split(/\s+/) : (scopes ?? []);
  return [...new Set(list.filter((s) => s !== ''))];
}

/** The OAuth-only scopes these roles allow (those no sandbox token holds). */
export function oauthOnlyScopes(roles: readonly string[]): readonly string[] {
  const plain = scopesAllowed(roles);
  return oauthScopesAllowed(roles).filter((s) => !plain.includes(s));
}
