import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ChangeMark, Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { badRequest, forbidden, notFound, unauthorized } from '../errors.ts';
import { oauthScopesAllowed } from '../oauth/oauth-scopes.ts';
import { grantableScopes, scopesAllowed, type Principal } from './scopes.ts';

/** Webex access tokens live 14 days. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 14 * 24 * 3600;
export const MAX_TOKEN_LIFETIME_SECONDS = 365 * 24 * 3600;

export type IssuedToken = { accessToken: string; expiresIn: number | null; scopes: string[] };

// Tokens are stored as SHA-256 hashes: a copy of the database does not hand out access.
const digestToken = (token: string): Buffer => createHash('sha256').update(token).digest();
const hashToken = (token: string): string => digestToken(token).toString('hex');

export const newTokenValue = (): string => randomBytes(48).toString('base64url');

type TokenRecord = NonNullable<Awaited<ReturnType<Store['tokens']['get']>>>;

/** Tokens remembered at most (a bound on memory: past it the cache starts over). */
const CACHED_TOKENS = 10_000;

export class TokenService {
  private readonly store: Store;
  private readonly clock: Clock;
  private operatorHash: Buffer | undefined;
  // Every request resolves its token: a fifth of a person read was that query (issue 17). Token
  // records are remembered only while the store's change mark is unchanged since they were read
  // (Store.changeMark): revoking a token, deleting a person or changing roles is a change, so the
  // very next request reads the store again and a revoked token answers 401 at once.
  private readonly cached = new Map<string, TokenRecord>();
  private cachedAtMark: ChangeMark | undefined;
  private readonly scopesOf = new WeakMap<TokenRecord, ReadonlySet<string>>();

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The operator's token (CALLPLANE_ADMIN_TOKEN, else the generated demo administrator's): it
   * alone may change the whole server (the clock, sign-up when closed). Undefined: no operator.
   */
  recognizeOperator(token: string | undefined): void {
    this.operatorHash = token === undefined ? undefined : createHash('sha256').update(token).digest();
  }

  /** Whether a token's digest is the operator's; compared in constant time (digests of equal length). */
  private isOperator(digest: Buffer): boolean {
    return this.operatorHash !== undefined && timingSafeEqual(digest, this.operatorHash);
  }

  /**
   * The principal behind a bearer token; 401 for unknown, expired or orphaned tokens. `mark` is
   * the store's change mark as the request read it (one reading serves the request's caches);
   * without one, the token is read from the store.
   */
  async resolve(token: string, mark?: ChangeMark): Promise<Principal> {
    // One digest serves the look-up and the operator's check.
    const digest = digestToken(token);
    // Unknown, expired, or its person deleted: all the same 401.
    const record = await this.tokenRecord(digest.toString('hex'), mark);
    if (!record) throw unauthorized();
    if (record.expiresAt !== null && record.expiresAt <= this.clock.now().toISOString()) throw unauthorized();
    return {
      orgId: record.orgId,
      personId: record.personId,
      roles: record.holderRoles,
      scopes: this.effectiveScopes(record),
      ...(record.appId ? { appId: record.appId } : {}),
      ...(record.authorizationId ? { authorizationId: record.authorizationId } : {}),
      expiresAt: record.expiresAt,
      operator: this.isOperator(digest),
    };
  }

  /** The scopes a token may use: its own that its person's roles allow. Worked out once per record read. */
  private effectiveScopes(record: TokenRecord): ReadonlySet<string> {
    let scopes = this.scopesOf.get(record);
    if (!scopes) {
      // A token issued to an OAuth app may also hold the OAuth-only scopes its person's roles allow.
      const allowed = new Set(record.appId ? oauthScopesAllowed(record.holderRoles) : scopesAllowed(record.holderRoles));
      scopes = new Set(record.scopes.filter((s) => allowed.has(s)));
      this.scopesOf.set(record, scopes);
    }
    return scopes;
  }

  private async tokenRecord(hash: string, mark: ChangeMark | undefined): Promise<TokenRecord | undefined> {
    if (mark === undefined) return this.store.tokens.get(hash);
    if (mark !== this.cachedAtMark || this.cached.size >= CACHED_TOKENS) {
      this.cached.clear();
      this.cachedAtMark = mark;
    }
    const known = this.cached.get(hash);
    if (known) return known;
    const record = await this.store.tokens.get(hash);
    // A change ran while the token was read: what was read may already be out of date.
    if (record && (await this.store.changeMark()) === mark && this.cachedAtMark === mark) this.cached.set(hash, record);
    return record;
  }

  /**
   * Issues a token for a person of the caller's organization. Without scopes the token gets every
   * scope the person's roles allow; asking for more is a 400.
   */
  async issue(
    orgId: string,
    personId: string,
    scopes: readonly string[] | undefined,
    expiresIn: number | undefined,
    store: Store = this.store,
  ): Promise<IssuedToken> {
    const person = await store.people.get(orgId, personId);
    if (!person) throw notFound('Person not found.');
    const allowed = scopesAllowed(person.roles);
    const granted = scopes === undefined ? [...allowed] : [...new Set(scopes)];
    const refused = granted.filter((s) => !allowed.includes(s));
    if (refused.length > 0) throw badRequest(`The person's roles do not allow these scopes: ${refused.join(' ')}`);
    const lifetime = expiresIn ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
    if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
      throw badRequest(`expiresIn must be a whole number of seconds from 1 to ${MAX_TOKEN_LIFETIME_SECONDS}`);
    }
    const accessToken = newTokenValue();
    const now = this.clock.now();
    await store.tokens.insert({
      tokenHash: hashToken(accessToken),
      orgId,
      personId,
      scopes: granted,
      expiresAt: new Date(now.getTime() + lifetime * 1000).toISOString(),
      created: now.toISOString(),
    });
    return { accessToken, expiresIn: lifetime, scopes: granted };
  }

  /**
   * Issues a token on a caller's behalf: never with a scope the caller's own token lacks (403).
   * Without scopes: every scope both the person's roles and the caller's token allow.
   */
  async issueFor(caller: Principal, personId: string, scopes: readonly string[] | undefined, expiresIn: number | undefined): Promise<IssuedToken> {
    const person = await this.store.people.get(caller.orgId, personId);
    if (!person) throw notFound('Person not found.');
    const grant = grantableScopes(caller.scopes, person.roles, scopes);
    if ('notAllowed' in grant) throw badRequest(`The person's roles do not allow these scopes: ${grant.notAllowed.join(' ')}`);
    if ('notHeld' in grant) throw forbidden(`A token cannot grant scopes it does not hold itself: ${grant.notHeld.join(' ')}`);
    if (grant.granted.length === 0) throw forbidden("The caller's token holds none of the scopes the person's roles allow.");
    return this.issue(caller.orgId, personId, grant.granted, expiresIn);
  }

  /**
   * Issues an access token to an OAuth app under an authorization. The caller has already limited
   * the scopes (requested, granted and allowed by the person's roles).
   */
  async issueForAuthorization(
    store: Store,
    grant: { orgId: string; personId: string; appId: string; authorizationId: string; scopes: readonly string[]; lifetimeSeconds: number },
  ): Promise<IssuedToken> {
    const accessToken = newTokenValue();
    const now = this.clock.now();
    await store.tokens.insert({
      tokenHash: hashToken(accessToken),
      orgId: grant.orgId,
      personId: grant.personId,
      scopes: [...grant.scopes],
      expiresAt: new Date(now.getTime() + grant.lifetimeSeconds * 1000).toISOString(),
      created: now.toISOString(),
      appId: grant.appId,
      authorizationId: grant.authorizationId,
    });
    return { accessToken, expiresIn: grant.lifetimeSeconds, scopes: [...grant.scopes] };
  }

  /** Registers a known token value that never expires (the configured admin token). */
  async register(store: Store, orgId: string, personId: string, token: string, scopes: readonly string[]): Promise<void> {
    await store.tokens.insert({
      tokenHash: hashToken(token),
      orgId,
      personId,
      scopes: [...scopes],
      expiresAt: null,
      created: this.clock.now().toISOString(),
    });
  }
}
