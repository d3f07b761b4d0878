import type { EngineContext } from './legs.ts';
import type { Party, Redirection } from './types.ts';

// Which calls a person accepts before their phone is offered anything (the person's or their
// location's settings, loaded by domain/calls/call-permissions.ts): call intercept first (the call
// hears an announcement and goes to voicemail or the new number, or ends), then incoming
// permissions (external calls, only transferred or forwarded external calls, internal calls),
// then anonymous call rejection (a caller withholding their identity). Before all of them, the
// organization's caller reputation provider blocks callers it scores as spam.

export type IncomingScreen = {
  external: 'all' | 'transferred' | 'none';
  internal: boolean;
  rejectAnonymous: boolean;
  /** The organization's caller reputation provider blocks external callers scored at or above this. */
  blockReputationFrom?: number;
  /** Intercepted: where calls go instead (voicemail, the new number), or null: they end. */
  intercept?: { to: Party | null };
};

const MAX_REDIRECTIONS = 5;

export type Screened =
  /** Offer the call as usual. */
  | { kind: 'pass' }
  /** The call is refused: the caller hears an announcement and the call ends. */
  | { kind: 'refused' }
  /** The call goes elsewhere (an intercepted person's voicemail or new number). */
  | { kind: 'redirect'; to: Party; redirection: Redirection };

/** Is the caller outside the organization of the person called? */
const isExternal = (from: Party, to: Extract<Party, { kind: 'person' }>) => from.kind === 'pstn' || (from.kind === 'person' && from.orgId !== to.orgId);

export const isAnonymous = (from: Party) => (from.kind === 'pstn' && from.privacy === true) || (from.kind === 'person' && from.presentation?.blocked === true);

export function screenIncoming(ctx: EngineContext, from: Party, to: Party, redirections: readonly Redirection[]): Screened {
  // A chain of redirections this long is a loop of intercepts: offer the call where it is.
  if (to.kind !== 'person' || redirections.length >= MAX_REDIRECTIONS) return { kind: 'pass' };
  const screen = ctx.policy(to).routing?.screen;
  if (!screen) return { kind: 'pass' };
  // A caller the reputation provider scores as spam is blocked before anything else.
  if (screen.blockReputationFrom !== undefined && from.kind === 'pstn' && (from.reputationScore ?? 0) >= screen.blockReputationFrom) return { kind: 'refused' };
  if (screen.intercept) {
    return screen.intercept.to ? { kind: 'redirect', to: screen.intercept.to, redirection: { reason: 'unknown', redirectingParty: to } } : { kind: 'refused' };
  }
  if (isExternal(from, to)) {
    if (screen.external === 'none' || (screen.external === 'transferred' && redirections.length === 0)) return { kind: 'refused' };
  } else if (!screen.internal && from.kind === 'person') {
    return { kind: 'refused' };
  }
  if (screen.rejectAnonymous && isAnonymous(from)) return { kind: 'refused' };
  return { kind: 'pass' };
}
