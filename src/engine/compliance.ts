import { addTimer, peerOf, type EngineContext } from './legs.ts';
import type { EngineEvent, Leg, Session } from './types.ts';

// The compliance announcement: when a person's location plays one, the PSTN party of the
// person's answered call hears it (on an inbound call at once; on an outbound call after the
// location's delay, when set). The call's recording waits for it: a recording due while it plays
// is `pending`, and starts (`pending -[complianceAnnounced]-> started`) once it has played.
// Webex inhibits the person's start/stop recording announcement then; Callplane plays none.

/** A location's compliance announcement, as the policy of its people gives it. */
export type CompliancePolicy = { inbound: boolean; outbound: boolean; outboundDelayMs: number; playMs: number };

/** Whether the compliance announcement of the session is still to finish. */
export const complianceUnderway = (s: Session, ctx: EngineContext) => s.compliance !== undefined && Date.parse(s.compliance.until) > Date.parse(ctx.now);

/**
 * Starts the announcement for a person's leg just answered, when its policy plays one to this
 * call's PSTN party; answers whether recording must wait for it.
 */
export function startCompliance(s: Session, ctx: EngineContext, leg: Leg): boolean {
  const policy = leg.party.kind === 'person' ? ctx.policy(leg.party).compliance : undefined;
  const peer = peerOf(s, leg);
  if (!policy || peer?.party.kind !== 'pstn' || s.compliance) return false;
  const inbound = leg.personality === 'terminator';
  if (inbound ? !policy.inbound : !policy.outbound) return false;
  const afterMs = (inbound ? 0 : policy.outboundDelayMs) + policy.playMs;
  s.compliance = { legId: leg.id, pstnLegId: peer.id, until: new Date(Date.parse(ctx.now) + afterMs).toISOString() };
  addTimer(s, ctx, 'complianceAnnounced', leg.id, afterMs);
  return true;
}

/** The announcement has played: a pending recording starts. */
export function complianceAnnounced(s: Session, leg: Leg, events: EngineEvent[]): void {
  s.compliance = undefined;
  if (leg.recordingState !== 'pending') return;
  leg.recordingState = 'started';
  events.push({ type: 'recording', legId: leg.id });
}
