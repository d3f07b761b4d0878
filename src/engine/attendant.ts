import { activeLegs, addTimer, cancelTimers, endLeg, isActive, newLeg, type EngineContext } from './legs.ts';
import { callerMatches } from './hunt.ts';
import { answerLeg, placeTo } from './session.ts';
import type { Attendant, AttendantPlan, AutoAttendantParty, EngineEvent, Leg, Party, Redirection, Session } from './types.ts';

// Auto attendants in the engine. A call to an attendant is answered at once by the attendant's
// own leg; the caller hears the menu of the plan (business hours or after hours, decided by the
// domain when the call arrived) and navigates it with DTMF: a key's action transfers the caller
// (to a number, the operator or a mailbox), starts extension or name dialing (digits ended by #,
// * returns to the menu), repeats the menu, or ends the call. Pressing nothing for the no-input
// time plays the menu again up to the plan's retries, then the no-input action applies.
// Forwarding "always", or a selective rule in force whose callers match, skips the menu.

const liveAttendant = (s: Session): Attendant | undefined => (s.attendant && !s.attendant.over ? s.attendant : undefined);
const legOf = (s: Session, id: string) => s.legs.find((l) => l.id === id);

/** Touch-tone letters: what a caller presses to spell a name. */
const KEYPAD: Record<string, string> = { a: '2', b: '2', c: '2', d: '3', e: '3', f: '3', g: '4', h: '4', i: '4', j: '5', k: '5', l: '5', m: '6', n: '6', o: '6', p: '7', q: '7', r: '7', s: '7', t: '8', u: '8', v: '8', w: '9', x: '9', y: '9', z: '9' };
export const keypadDigits = (name: string): string => [...name.toLowerCase()].map((c) => KEYPAD[c] ?? (/\d/.test(c) ? c : '')).join('');

/**
 * The caller reaches an attendant: forwarded at once by its forwarding, or answered by its leg
 * with the menu playing. Returns the leg the caller now talks to (or rings), or undefined when
 * the call ended.
 */
export function startAttendant(s: Session, ctx: EngineContext, originator: Leg, party: AutoAttendantParty, events: EngineEvent[], redirections: Redirection[]): Leg | undefined {
  const plan = ctx.attendantPlan?.(party.autoAttendantId);
  if (!plan) {
    // Disabled or gone since the number was dialled: nobody answers.
    endLeg(s, ctx, originator, 'noAnswer', events);
    return undefined;
  }
  const rule = plan.alwaysForward ? undefined : plan.selective?.find((r) => callerMatches(r, originator.party));
  const forward = plan.alwaysForward ?? rule?.forward;
  if (forward) {
    const target = placeTo(s, ctx, originator, forward, events, [{ reason: plan.alwaysForward ? 'unconditional' : rule!.reason, redirectingParty: party }, ...redirections]);
    if (target && isActive(target) && isActive(originator)) events.push({ type: 'forwarded', legId: originator.id });
    return target;
  }
  const leg = newLeg(ctx, party, 'terminator', 'alerting', { redirections });
  s.legs.push(leg);
  answerLeg(s, ctx, leg, events);
  s.attendant = { party, plan, originatorLegId: originator.id, legId: leg.id, awaiting: 'key', digits: '', replays: 0, over: false };
  addTimer(s, ctx, 'attendantNoInput', leg.id, plan.noInputMs);
  return leg;
}

/** Is this leg a caller an attendant listens to? */
export const isAttendantCaller = (s: Session, leg: Leg): boolean => liveAttendant(s)?.originatorLegId === leg.id;

/** The caller pressed keys: each digit moves the menu on, until the caller leaves it. */
export function attendantDigits(s: Session, ctx: EngineContext, digits: string, events: EngineEvent[]): void {
  const a = liveAttendant(s);
  if (!a) return;
  for (const digit of digits.toUpperCase()) {
    if (a.over) break;
    if (digit === ',') continue;
    pressed(s, ctx, a, digit, events);
  }
  if (!a.over) {
    // Input restarts the wait for more.
    cancelTimers(s, a.legId, ['attendantNoInput']);
    addTimer(s, ctx, 'attendantNoInput', a.legId, a.plan.noInputMs);
    a.replays = 0;
    events.push({ type: 'updated', legId: a.originatorLegId });
  }
}

function pressed(s: Session, ctx: EngineContext, a: Attendant, digit: string, events: EngineEvent[]): void {
  if (a.awaiting !== 'key') {
    if (digit === '*') return back(a);
    if (digit === '#') return dialled(s, ctx, a, events);
    if (/\d/.test(digit)) a.digits += digit;
    return;
  }
  const key = a.plan.keys.find((k) => k.key === digit);
  if (!key) {
    // Not a key of the menu: the start of an extension when the menu takes them; else the menu plays again.
    if (a.plan.extensionEnabled && /\d/.test(digit)) {
      a.awaiting = 'extension';
      a.digits = digit;
    }
    return;
  }
  switch (key.action) {
    case 'TRANSFER_WITH_PROMPT':
    case 'TRANSFER_WITHOUT_PROMPT':
    case 'TRANSFER_TO_OPERATOR':
      if (key.to) transfer(s, ctx, a, key.to, events);
      return;
    case 'TRANSFER_TO_MAILBOX':
      if (key.to) transfer(s, ctx, a, key.to, events);
      else collect(a, 'mailbox');
      return;
    case 'EXTENSION_DIALING':
      return collect(a, 'extension');
    case 'NAME_DIALING':
      return collect(a, 'name');
    case 'EXIT':
      return exit(s, ctx, a, events);
    case 'REPEAT_MENU':
    case 'PLAY_ANNOUNCEMENT':
      // The menu (or the key's announcement, then the menu) plays again.
      return;
  }
}

function collect(a: Attendant, what: Attendant['awaiting']): void {
  a.awaiting = what;
  a.digits = '';
}

/** Return to the previous menu: the key menu the dialling started from. */
function back(a: Attendant): void {
  collect(a, 'key');
}

/** The digits before # name an extension, a name (keypad letters) or a mailbox's extension. */
function dialled(s: Session, ctx: EngineContext, a: Attendant, events: EngineEvent[]): void {
  const digits = a.digits;
  const directory = a.plan.directory;
  if (a.awaiting === 'name') {
    const found = digits.length > 0 ? directory.find((e) => e.names.some((n) => n.startsWith(digits))) : undefined;
    if (found) return transfer(s, ctx, a, found.party, events);
  } else {
    const found = directory.find((e) => e.extension === digits);
    const to = a.awaiting === 'mailbox' ? found?.mailbox : found?.party;
    if (to) return transfer(s, ctx, a, to, events);
  }
  // Nobody by that extension or name: back to the menu.
  back(a);
}

/** The attendant hands the caller on; its own leg leaves the call. */
function transfer(s: Session, ctx: EngineContext, a: Attendant, to: Party, events: EngineEvent[]): void {
  a.over = true;
  const originator = legOf(s, a.originatorLegId)!;
  endLeg(s, ctx, legOf(s, a.legId)!, 'transferred', events, true);
  const target = placeTo(s, ctx, originator, to, events, [{ reason: 'unknown', redirectingParty: a.party }]);
  if (target && isActive(target) && isActive(originator)) events.push({ type: 'forwarded', legId: originator.id });
}

/** The attendant hangs up on the caller. */
function exit(s: Session, ctx: EngineContext, a: Attendant, events: EngineEvent[]): void {
  a.over = true;
  endLeg(s, ctx, legOf(s, a.legId)!, 'hangup', events);
  for (const leg of activeLegs(s)) endLeg(s, ctx, leg, 'remoteHangup', events);
}

/** The caller pressed nothing for the no-input time: the menu again, or the no-input action. */
export function attendantNoInput(s: Session, ctx: EngineContext, events: EngineEvent[]): void {
  const a = liveAttendant(s);
  if (!a) return;
  a.awaiting = 'key';
  a.digits = '';
  if (a.replays < a.plan.retries) {
    a.replays++;
    addTimer(s, ctx, 'attendantNoInput', a.legId, a.plan.noInputMs);
    events.push({ type: 'updated', legId: a.originatorLegId });
    return;
  }
  if (a.plan.noInputTo) transfer(s, ctx, a, a.plan.noInputTo, events);
  else exit(s, ctx, a, events);
}

/** Where a plan may send a caller: the engine context needs their policies and plans. */
export const attendantTargets = (plan: AttendantPlan): Party[] => [
  ...plan.keys.flatMap((k) => (k.to ? [k.to] : [])),
  ...plan.directory.flatMap((e) => (e.mailbox ? [e.party, e.mailbox] : [e.party])),
  ...(plan.noInputTo ? [plan.noInputTo] : []),
  ...(plan.alwaysForward ? [plan.alwaysForward] : []),
  ...(plan.selective ?? []).flatMap((r) => (r.forward ? [r.forward] : [])),
];
