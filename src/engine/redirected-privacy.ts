import type { Party, Redirection } from './types.ts';

// Connected line identity privacy on redirected calls (a person's callPolicies setting): when a
// call to the person is redirected (forwarded, transferred by their Personal Assistant …) and
// rings someone else, the caller does not learn who that is — for external callers only, or for
// all callers. The answering party's leg then carries a withheld presentation, which every other
// party of the call sees as privacyEnabled (domain/calls/parties.ts); the answerer sees themself.

/** A person's connectedLineIdPrivacyOnRedirectedCalls, when it withholds anything. */
export type RedirectedPrivacy = 'EXTERNAL' | 'ALL';

export function withRedirectedPrivacy(
  to: Party,
  redirections: readonly Redirection[],
  caller: Party | undefined,
  privacyOf: (party: Party) => RedirectedPrivacy | undefined,
): Party {
  if (to.kind !== 'person' || redirections.length === 0) return to;
  const external = caller?.kind !== 'person';
  const hidden = redirections.some((r) => {
    const privacy = r.redirectingParty.kind === 'person' ? privacyOf(r.redirectingParty) : undefined;
    return privacy === 'ALL' || (privacy === 'EXTERNAL' && external);
  });
  if (!hidden) return to;
  return { ...to, presentation: { name: to.presentation?.name ?? to.name, number: to.presentation?.number ?? to.number, blocked: true } };
}
