// Scopes and roles as Webex names them. A token's scopes are limited by its person's roles at
// the moment of each request, so taking a role away also takes its scopes from existing tokens.

export const ROLE_FULL_ADMIN = 'id_full_admin';
export const ROLE_READONLY_ADMIN = 'id_readonly_admin';
export const ROLES = [ROLE_FULL_ADMIN, ROLE_READONLY_ADMIN] as const;
export type Role = (typeof ROLES)[number];

export const USER_SCOPES = ['spark:people_read', 'spark:calls_read', 'spark:calls_write', 'spark:kms', 'spark:recordings_read', 'spark:recordings_write'] as const;

export const ADMIN_READ_SCOPES = [
  'spark-admin:organizations_read',
  'spark-admin:licenses_read',
  'spark-admin:people_read',
  'spark-admin:locations_read',
  'spark-admin:device_read',
  'spark-admin:telephony_config_read',
  'spark-admin:calls_read',
  'spark-admin:workspaces_read',
  'spark-admin:devices_read',
  'spark-admin:calling_cdr_read',
  'spark-admin:reports_read',
  'analytics:read_all',
  'spark-admin:recordings_read',
  'spark-admin:telephony_pstn_read',
] as const;

export const ADMIN_WRITE_SCOPES = [
  'spark-admin:people_write',
  'spark-admin:locations_write',
  'spark-admin:telephony_config_write',
  'spark-admin:calls_write',
  'spark-admin:workspaces_write',
  'spark-admin:devices_write',
  'spark-admin:reports_write',
  'spark-admin:recordings_write',
  'spark-admin:telephony_pstn_write',
] as const;

export const ALL_SCOPES: readonly string[] = [...USER_SCOPES, ...ADMIN_READ_SCOPES, ...ADMIN_WRITE_SCOPES];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const isAdminRole = (roles: readonly string[]): boolean => roles.some(isRole);

/** Every scope a person with these roles may hold. */
export function scopesAllowed(roles: readonly string[]): readonly string[] {
  if (roles.includes(ROLE_FULL_ADMIN)) return ALL_SCOPES;
  if (roles.includes(ROLE_READONLY_ADMIN)) return [...USER_SCOPES, ...ADMIN_READ_SCOPES];
  return USER_SCOPES;
}

/** Who is calling: resolved from the bearer token on every request. */
export type Principal = {
  orgId: string;
  personId: string;
  roles: readonly string[];
  scopes: ReadonlySet<string>;
  /** The bearer token is the operator's (CALLPLANE_ADMIN_TOKEN): it may change the whole server (clock, sign-up). */
  operator?: boolean;
  /** The OAuth app the token was issued to (raw uuid); absent for tokens the sandbox issued. */
  appId?: string;
  /** The OAuth authorization behind the token, if any. */
  authorizationId?: string;
  /** When the token expires (ISO-8601); null for the configured admin token, which never does. */
  expiresAt?: string | null;
};

export const isAdmin = (principal: Principal): boolean => isAdminRole(principal.roles);

export const hasScope = (principal: Principal, scope: string): boolean => principal.scopes.has(scope);

/** A route's scope requirement: any one of the scopes, or all of them. */
export type ScopeRule = { anyOf: readonly string[] } | { allOf: readonly string[] };

export const anyOf = (...scopes: string[]): ScopeRule => ({ anyOf: scopes });
export const allOf = (...scopes: string[]): ScopeRule => ({ allOf: scopes });

export function satisfies(principal: Principal, rule: ScopeRule): boolean {
  return missingScopes(principal, rule).length === 0;
}

/** The scopes the rule wants that the principal lacks: for anyOf, all of them when it holds none. */
export function missingScopes(principal: Principal, rule: ScopeRule): readonly string[] {
  if ('anyOf' in rule) return rule.anyOf.some((s) => principal.scopes.has(s)) ? [] : rule.anyOf;
  return rule.allOf.filter((s) => !principal.scopes.has(s));
}

/**
 * The scopes a caller may put in a token it issues for a person: those the person's roles allow
 * (else `notAllowed`), and never one the caller's own token lacks (else `notHeld`). Without a
 * request, every scope both the person's roles and the caller's token allow.
 */
export function grantableScopes(
  caller: ReadonlySet<string>,
  personRoles: readonly string[],
  requested: readonly string[] | undefined,
): { granted: string[] } | { notAllowed: string[] } | { notHeld: string[] } {
  const allowed = scopesAllowed(personRoles);
  if (requested === undefined) return { granted: allowed.filter((s) => caller.has(s)) };
  const unique = [...new Set(requested)];
  const notAllowed = unique.filter((s) => !allowed.includes(s));
  if (notAllowed.length > 0) return { notAllowed };
  const notHeld = unique.filter((s) => !caller.has(s));
  return notHeld.length > 0 ? { notHeld } : { granted: unique };
}
