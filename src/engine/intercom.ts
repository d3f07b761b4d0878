import type { EngineContext } from './legs.ts';
import type { Leg, Party, PersonParty, Session } from './types.ts';

// Push to Talk (intercom): a person dials *50 and a colleague's extension; the colleague's
// Push-to-Talk settings (person-routing.ts PushToTalk) decide. A caller they do not allow is
// refused; with auto-answer, the colleague's phone answers at once — ONE_WAY: muted, only the
// caller talks; TWO_WAY: both talk — unless the phone cannot (offline, busy, Do Not Disturb, or
// the colleague on another call), when the call routes as any other; without auto-answer it
// rings like any other call.

export type Intercom = { kind: 'refused' } | { kind: 'answer'; connection: NonNullable<Leg['intercom']> } | { kind: 'route' };

export function intercomOf(s: Session, ctx: EngineContext, caller: Party, to: PersonParty): Intercom {
  const routing = ctx.policy(to).routing;
  const ptt = routing?.pushToTalk;
  if (!routing || !ptt) return { kind: 'route' };
  const listed = caller.kind === 'person' && ptt.members.includes(caller.personId);
  const allowed = caller.kind === 'person' && (ptt.access === 'ALLOW_MEMBERS' ? listed : !listed);
  if (!allowed) return { kind: 'refused' };
  if (!ptt.autoAnswer) return { kind: 'route' };
  const policy = ctx.policy(to);
  const onAnotherCall = routing.activeLegIds.some((id) => !s.legs.some((l) => l.id === id));
  if (policy.offline || policy.busy || routing.doNotDisturb || onAnotherCall) return { kind: 'route' };
  return { kind: 'answer', connection: ptt.connection };
}
