import { addBarger } from '../../engine/barge-in.ts';
import { isActive } from '../../engine/legs.ts';
import type { Store } from '../../store/store.ts';
import { badRequest, conflict, forbidden } from '../errors.ts';
import { BARGE_IN, PRIVACY } from '../settings/permission-settings.ts';
import { storedDocument } from '../settings/settings-service.ts';
import { decodeId } from '../webex-ids.ts';
import type { Actor, NewCall } from './call-control-service.ts';
import { encodeCallId, encodeSessionId } from './call-ids.ts';
import type { CallRuntime } from './call-runtime.ts';
import { resolveDestination } from './destinations.ts';

// The bargeIn call control: the acting person joins the answered call of a colleague (the target),
// as Webex's barge-in does. The person needs barge-in enabled in their own settings; a target
// with pickup and barge-in privacy on lets only their monitoring agents in.

export const bargeInNotEnabled = () => forbidden('Barge-in is not enabled for this person (their bargeIn settings).');
export const bargeInPrivate = () => forbidden("The target's privacy settings allow only their monitoring agents to barge in.");
export const bargeInTargetNotFound = (target: string) => badRequest(`The target "${target}" is not a person of the organization to barge in on.`);
export const nothingToBargeIn = () => conflict('The target has no answered call to barge in on.');

export class BargeInService {
  private readonly store: Store;
  private readonly runtime: CallRuntime;

  constructor(store: Store, runtime: CallRuntime) {
    this.store = store;
    this.runtime = runtime;
  }

  async bargeIn(actor: Actor, target: string): Promise<NewCall> {
    const { orgId } = actor.person;
    if ((await storedDocument(this.store, orgId, actor.person.id, BARGE_IN)).enabled !== true) throw bargeInNotEnabled();
    const party = await resolveDestination(this.store, { orgId, locationId: actor.person.locationId! }, target);
    if (!party || party.kind !== 'person' || party.personId === actor.person.id) throw bargeInTargetNotFound(target);
    const privacy = await storedDocument(this.store, orgId, party.personId, PRIVACY);
    if (privacy.enablePhoneStatusPickupBargeInPrivacy === true) {
      const agents = ((privacy.monitoringAgents as string[] | undefined) ?? []).map((a) => decodeId(a, 'PEOPLE'));
      if (!agents.includes(actor.person.id)) throw bargeInPrivate();
    }
    return this.runtime.transact(async (w) => {
      for (const { legId } of await w.tx.calls.activeLegsOf(party.personId)) {
        const session = await w.sessionOfLeg(legId);
        const leg = session?.legs.find((l) => l.id === legId);
        if (!session || !leg || !isActive(leg) || (leg.state !== 'connected' && leg.state !== 'remoteHeld')) continue;
        if (session.legs.some((l) => isActive(l) && l.party.kind === 'person' && l.party.personId === actor.person.id)) continue;
        const { step, legId: bargerLegId } = addBarger(session, await w.context(actor.party), actor.party);
        return { step, value: { callId: encodeCallId(bargerLegId), callSessionId: encodeSessionId(session.id) } };
      }
      throw nothingToBargeIn();
    });
  }
}
