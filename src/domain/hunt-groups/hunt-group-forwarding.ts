import { randomUUID } from 'node:crypto';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { ruleNotFound } from './hunt-group-rules.ts';
import type { HuntGroupService } from './hunt-group-service.ts';
import type { Forward, ForwardingRule, HuntGroupForwarding } from './hunt-group-types.ts';

// A hunt group's (or call queue's) call forwarding: always, selective, and the selective rules,
// which name the location's business-hours and holiday schedules. Stored with the feature's settings.

export type ForwardInput = { enabled?: boolean; destination?: string; ringReminderEnabled?: boolean; destinationVoicemailEnabled?: boolean };
export type ForwardingInput = { callForwarding?: { always?: ForwardInput; selective?: ForwardInput; rules?: { id: string; enabled?: boolean }[]; operatingModes?: unknown } };

export type RuleInput = {
  name?: string;
  enabled?: boolean;
  holidaySchedule?: string;
  businessSchedule?: string;
  forwardTo?: { selection?: string; phoneNumber?: string };
  callsFrom?: { selection?: string; customNumbers?: { privateNumberEnabled?: boolean; unavailableNumberEnabled?: boolean; numbers?: string[] } };
  callsTo?: { numbers?: { phoneNumber?: string; extension?: string; type?: string }[] };
};

export function checkForward(input: ForwardInput | undefined, current: Forward, field: string): Forward {
  const m = { ...current, ...input };
  const out: Forward = { enabled: m.enabled === true, ringReminderEnabled: m.ringReminderEnabled === true, destinationVoicemailEnabled: m.destinationVoicemailEnabled === true };
  if (m.destination !== undefined && m.destination !== '') out.destination = m.destination.trim();
  if (out.destination !== undefined && !/^\+?[\d*#]{2,30}$/.test(out.destination)) throw badRequest(`${field}.destination "${out.destination}" is not a phone number or extension.`);
  if (out.enabled && out.destination === undefined) throw badRequest(`${field}.destination is required when ${field} forwarding is enabled.`);
  return out;
}

const FORWARD_SELECTIONS = ['FORWARD_TO_DEFAULT_NUMBER', 'FORWARD_TO_SPECIFIED_NUMBER', 'DO_NOT_FORWARD'];

/**
 * Where a feature keeps its forwarding: hunt groups and call queues share the rules of call
 * forwarding and its selective rules (the same document shapes on their own paths).
 */
export type ForwardingHolder = {
  /** "hunt group", "call queue": for messages. */
  label: string;
  load(tx: Store, orgId: string, locationId: string, featureId: string): Promise<{ forwarding: HuntGroupForwarding; location: Location; save(forwarding: HuntGroupForwarding): Promise<void> }>;
};

export class FeatureForwardingService {
  private readonly store: Store;
  private readonly holder: ForwardingHolder;

  constructor(store: Store, holder: ForwardingHolder) {
    this.store = store;
    this.holder = holder;
  }

  async get(orgId: string, locationId: string, huntGroupId: string): Promise<HuntGroupForwarding> {
    return (await this.holder.load(this.store, orgId, locationId, huntGroupId)).forwarding;
  }

  /**
   * Switching back from an operating mode needs operating-mode based forwarding, which this
   * feature's forwarding does not take (update refuses operatingModes): a 400 once the feature is found.
   */
  async switchMode(orgId: string, locationId: string, featureId: string): Promise<never> {
    await this.holder.load(this.store, orgId, locationId, featureId);
    throw badRequest(`The ${this.holder.label} has no operating modes to switch between.`);
  }

  async update(orgId: string, locationId: string, huntGroupId: string, input: ForwardingInput): Promise<void> {
    await this.change(orgId, locationId, huntGroupId, async (f) => {
      const c = input.callForwarding ?? {};
      if (c.operatingModes !== undefined) throw badRequest('operatingModes: Callplane has no operating modes yet; leave them out.');
      const rules = f.rules.map((r) => ({ ...r }));
      for (const r of c.rules ?? []) {
        const rule = rules.find((x) => x.id === decodeId(r.id, 'CALL_FORWARDING_SELECTIVE_RULE'));
        if (!rule) throw badRequest(`rules: ${r.id} is not a rule of this ${this.holder.label}.`);
        if (r.enabled !== undefined) rule.enabled = r.enabled;
      }
      return { always: checkForward(c.always, f.always, 'always'), selective: checkForward(c.selective, f.selective, 'selective'), rules };
    });
  }

  async rule(orgId: string, locationId: string, huntGroupId: string, ruleId: string): Promise<ForwardingRule> {
    const f = await this.get(orgId, locationId, huntGroupId);
    return f.rules[indexOf(f, ruleId)]!;
  }

  async createRule(orgId: string, locationId: string, huntGroupId: string, input: RuleInput): Promise<ForwardingRule> {
    let created: ForwardingRule | undefined;
    await this.change(orgId, locationId, huntGroupId, async (f, tx, location) => {
      created = await checkForwardingRule(tx, location, f.rules, { id: randomUUID() }, input, this.holder.label);
      return { ...f, rules: [...f.rules, created] };
    });
    return created!;
  }

  async updateRule(orgId: string, locationId: string, huntGroupId: string, ruleId: string, input: RuleInput): Promise<ForwardingRule> {
    let updated: ForwardingRule | undefined;
    await this.change(orgId, locationId, huntGroupId, async (f, tx, location) => {
      const at = indexOf(f, ruleId);
      updated = await checkForwardingRule(tx, location, f.rules, f.rules[at]!, input, this.holder.label);
      return { ...f, rules: f.rules.map((r, i) => (i === at ? updated! : r)) };
    });
    return updated!;
  }

  async deleteRule(orgId: string, locationId: string, huntGroupId: string, ruleId: string): Promise<void> {
    await this.change(orgId, locationId, huntGroupId, async (f) => {
      const at = indexOf(f, ruleId);
      return { ...f, rules: f.rules.filter((_, i) => i !== at) };
    });
  }

  private async change(
    orgId: string,
    locationId: string,
    huntGroupId: string,
    fn: (f: HuntGroupForwarding, tx: Store, location: { id: string; orgId: string }) => Promise<HuntGroupForwarding>,
  ): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { forwarding, location, save } = await this.holder.load(tx, orgId, locationId, huntGroupId);
      await save(await fn(forwarding, tx, location));
    });
  }
}

function indexOf(f: HuntGroupForwarding, ruleId: string): number {
  const id = decodeId(ruleId, 'CALL_FORWARDING_SELECTIVE_RULE');
  const at = id === undefined ? -1 : f.rules.findIndex((r) => r.id === id);
  if (at < 0) throw ruleNotFound();
  return at;
}

/** A hunt group's forwarding, stored with the group's settings. */
export class HuntGroupForwardingService extends FeatureForwardingService {
  constructor(store: Store, clock: Clock, groups: HuntGroupService) {
    super(store, {
      label: 'hunt group',
      async load(tx, orgId, locationId, huntGroupId) {
        const { group, location } = await groups.find(tx, orgId, locationId, huntGroupId);
        const save = (callForwarding: HuntGroupForwarding) =>
          tx.huntGroups.update({ ...group, settings: { ...group.settings, callForwarding }, lastModified: timestamp(clock) });
        return { forwarding: group.settings.callForwarding, location, save };
      },
    });
  }
}

/** The rule with the input applied over `current` (a new rule has only its id); `rules` are the feature's others. */
export async function checkForwardingRule(
  tx: Store,
  location: { id: string; orgId: string },
  rules: readonly ForwardingRule[],
  current: Partial<ForwardingRule> & { id: string },
  input: RuleInput,
  feature: string,
): Promise<ForwardingRule> {
  const name = (input.name ?? current.name ?? '').trim();
  if (name.length < 1 || name.length > 80) throw badRequest('name must hold 1 to 80 characters.');
  if (rules.some((r) => r.id !== current.id && r.name.toLowerCase() === name.toLowerCase())) throw conflict(`The ${feature} already has a rule named "${name}".`);
  const rule: ForwardingRule = {
    id: current.id,
    name,
    enabled: input.enabled ?? current.enabled ?? true,
    forwardTo: { selection: 'FORWARD_TO_DEFAULT_NUMBER', ...current.forwardTo, ...input.forwardTo } as ForwardingRule['forwardTo'],
    callsFrom: { selection: 'ANY', ...current.callsFrom, ...input.callsFrom } as ForwardingRule['callsFrom'],
    callsTo: { numbers: (input.callsTo?.numbers ?? current.callsTo?.numbers ?? []).map((n) => ({ ...n, type: (n as { type?: string }).type ?? 'PRIMARY' })) },
  };
  if (!FORWARD_SELECTIONS.includes(rule.forwardTo.selection)) throw badRequest(`forwardTo.selection "${rule.forwardTo.selection}" is not one of ${FORWARD_SELECTIONS.join(', ')}.`);
  if (rule.forwardTo.selection === 'FORWARD_TO_SPECIFIED_NUMBER' && !/^\+?[\d*#]{2,30}$/.test(rule.forwardTo.phoneNumber ?? '')) {
    throw badRequest('forwardTo.phoneNumber is required with FORWARD_TO_SPECIFIED_NUMBER.');
  }
  for (const n of rule.callsTo.numbers) {
    if (n.type !== 'PRIMARY' && n.type !== 'ALTERNATE') throw badRequest(`callsTo: type "${n.type}" is not PRIMARY or ALTERNATE.`);
    if (n.phoneNumber === undefined && n.extension === undefined) throw badRequest('callsTo: each number needs a phoneNumber or an extension.');
  }
  const from = rule.callsFrom;
  if (from.selection !== 'ANY' && from.selection !== 'CUSTOM') throw badRequest(`callsFrom.selection "${from.selection}" is not ANY or CUSTOM.`);
  const custom = { privateNumberEnabled: false, unavailableNumberEnabled: false, numbers: [] as string[], ...from.customNumbers };
  rule.callsFrom = { selection: from.selection, customNumbers: custom };
  if (from.selection === 'CUSTOM' && !custom.privateNumberEnabled && !custom.unavailableNumberEnabled && custom.numbers.length === 0) {
    throw badRequest('callsFrom CUSTOM needs numbers, privateNumberEnabled or unavailableNumberEnabled.');
  }
  // The schedules are the location's, named (as Webex does) by name.
  for (const [field, type] of [['businessSchedule', 'businessHours'], ['holidaySchedule', 'holidays']] as const) {
    const value = input[field] ?? current[field];
    if (value === undefined || value === '') continue;
    if (!(await tx.schedules.findByName(location.orgId, location.id, type, value))) throw badRequest(`${field}: the location has no ${type} schedule named "${value}".`);
    rule[field] = value;
  }
  return rule;
}
