import { randomUUID } from 'node:crypto';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { checkForward, checkForwardingRule, type ForwardInput, type RuleInput } from '../hunt-groups/hunt-group-forwarding.ts';
import { ruleNotFound } from '../hunt-groups/hunt-group-rules.ts';
import type { ForwardingRule, HuntGroupForwarding } from '../hunt-groups/hunt-group-types.ts';
import { decodeId } from '../webex-ids.ts';
import type { AutoAttendantService } from './auto-attendant-service.ts';
import { activeSwitch, checkFeatureModes, currentMode, modesOf, type FeatureModesInput } from '../operating-modes/feature-modes.ts';
import type { FeatureModes, OperatingMode } from '../operating-modes/operating-mode-types.ts';
import type { AutoAttendantSettings } from './auto-attendant-types.ts';

// An auto attendant's call forwarding: always, selective and the selective rules, checked by the
// same rules as a hunt group's (hunt-group-forwarding.ts) and stored with the attendant's
// settings. Webex names the voicemail flag sendToVoicemailEnabled here.

type AttendantForwardInput = Omit<ForwardInput, 'destinationVoicemailEnabled'> & { sendToVoicemailEnabled?: boolean };
export type AttendantForwardingInput = {
  callForwarding?: { always?: AttendantForwardInput; selective?: AttendantForwardInput; rules?: { id: string; enabled?: boolean }[]; operatingModes?: FeatureModesInput };
};

const asForward = (f: AttendantForwardInput | undefined): ForwardInput | undefined => {
  if (f === undefined) return undefined;
  const { sendToVoicemailEnabled, ...rest } = f;
  return { ...rest, ...(sendToVoicemailEnabled !== undefined ? { destinationVoicemailEnabled: sendToVoicemailEnabled } : {}) };
};

export class AutoAttendantForwardingService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly attendants: AutoAttendantService;

  constructor(store: Store, clock: Clock, attendants: AutoAttendantService) {
    this.store = store;
    this.clock = clock;
    this.attendants = attendants;
  }

  async get(orgId: string, locationId: string, attendantId: string): Promise<AutoAttendantSettings['callForwarding']> {
    return (await this.attendants.find(this.store, orgId, locationId, attendantId)).attendant.settings.callForwarding;
  }

  /** The attendant's modes with the one in force now (undefined without modes). */
  async modes(orgId: string, locationId: string, attendantId: string): Promise<{ fm: FeatureModes; modes: Map<string, OperatingMode>; current: ReturnType<typeof currentMode> } | undefined> {
    const { attendant } = await this.attendants.find(this.store, orgId, locationId, attendantId);
    const fm = attendant.settings.callForwarding.operatingModes;
    if (!fm) return undefined;
    const modes = await modesOf(this.store, orgId, fm);
    return { fm, modes, current: currentMode(fm, modes, this.clock.now(), attendant.settings.timeZone) };
  }

  async update(orgId: string, locationId: string, attendantId: string, input: AttendantForwardingInput): Promise<void> {
    await this.change(orgId, locationId, attendantId, async (f, tx, location) => {
      const c = input.callForwarding ?? {};
      const operatingModes = c.operatingModes !== undefined ? await checkFeatureModes(tx, location, c.operatingModes, f.operatingModes) : f.operatingModes;
      const rules = f.rules.map((r) => ({ ...r }));
      for (const r of c.rules ?? []) {
        const rule = rules.find((x) => x.id === decodeId(r.id, 'CALL_FORWARDING_SELECTIVE_RULE'));
        if (!rule) throw badRequest(`rules: ${r.id} is not a rule of this auto attendant.`);
        if (r.enabled !== undefined) rule.enabled = r.enabled;
      }
      return {
        always: checkForward(asForward(c.always), f.always, 'always'),
        selective: checkForward(asForward(c.selective), f.selective, 'selective'),
        rules,
        ...(operatingModes ? { operatingModes } : {}),
      };
    });
  }

  /** Back to normal operation: a manager's switch to an operating mode ends (nothing to do without one). */
  async switchMode(orgId: string, locationId: string, attendantId: string): Promise<void> {
    await this.change(orgId, locationId, attendantId, async (f) => {
      if (!f.operatingModes || !activeSwitch(f.operatingModes, this.clock.now())) return f;
      const { manual: _, ...modes } = f.operatingModes;
      return { ...f, operatingModes: modes };
    });
  }

  async rule(orgId: string, locationId: string, attendantId: string, ruleId: string): Promise<ForwardingRule> {
    const f = await this.get(orgId, locationId, attendantId);
    return f.rules[indexOf(f, ruleId)]!;
  }

  async createRule(orgId: string, locationId: string, attendantId: string, input: RuleInput): Promise<ForwardingRule> {
    let created: ForwardingRule | undefined;
    await this.change(orgId, locationId, attendantId, async (f, tx, location) => {
      created = await checkForwardingRule(tx, location, f.rules, { id: randomUUID() }, input, 'auto attendant');
      return { ...f, rules: [...f.rules, created] };
    });
    return created!;
  }

  async updateRule(orgId: string, locationId: string, attendantId: string, ruleId: string, input: RuleInput): Promise<ForwardingRule> {
    let updated: ForwardingRule | undefined;
    await this.change(orgId, locationId, attendantId, async (f, tx, location) => {
      const at = indexOf(f, ruleId);
      updated = await checkForwardingRule(tx, location, f.rules, f.rules[at]!, input, 'auto attendant');
      return { ...f, rules: f.rules.map((r, i) => (i === at ? updated! : r)) };
    });
    return updated!;
  }

  async deleteRule(orgId: string, locationId: string, attendantId: string, ruleId: string): Promise<void> {
    await this.change(orgId, locationId, attendantId, async (f) => {
      const at = indexOf(f, ruleId);
      return { ...f, rules: f.rules.filter((_, i) => i !== at) };
    });
  }

  private async change(
    orgId: string,
    locationId: string,
    attendantId: string,
    fn: (f: AutoAttendantSettings['callForwarding'], tx: Store, location: Location) => Promise<AutoAttendantSettings['callForwarding']>,
  ): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { attendant, location } = await this.attendants.find(tx, orgId, locationId, attendantId);
      const callForwarding = await fn(attendant.settings.callForwarding, tx, location);
      await tx.autoAttendants.update({ ...attendant, settings: { ...attendant.settings, callForwarding }, lastModified: timestamp(this.clock) });
    });
  }
}

function indexOf(f: HuntGroupForwarding, ruleId: string): number {
  const id = decodeId(ruleId, 'CALL_FORWARDING_SELECTIVE_RULE');
  const at = id === undefined ? -1 : f.rules.findIndex((r) => r.id === id);
  if (at < 0) throw ruleNotFound();
  return at;
}
