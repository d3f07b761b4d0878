import { badRequest, conflict, notFound } from '../errors.ts';
import { POLICIES, MAX_RINGS, type CallPolicies, type Redirect } from './hunt-group-types.ts';

// Webex's rules for a hunt group's own fields, without storage.

export const huntGroupNotFound = () => notFound('Hunt group not found.');
export const huntGroupNameInUse = (name: string) => conflict(`A hunt group named "${name}" already exists in this location.`);
export const numberOrExtensionRequired = () => badRequest('A hunt group needs a phoneNumber or an extension.');
export const invalidAgent = (id: string) => badRequest(`agents: ${id} is not a person of this organization with Webex Calling.`);
export const ruleNotFound = () => notFound('Selective call forwarding rule not found.');

export function checkHuntGroupName(value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > 30) throw badRequest('name must hold 1 to 30 characters.');
  return name;
}

function checkRings(value: number, field: string, min: number): number {
  if (!Number.isInteger(value) || value < min || value > MAX_RINGS) throw badRequest(`${field} must be a whole number from ${min} to ${MAX_RINGS}.`);
  return value;
}

function checkDestination(value: string | undefined, field: string): string {
  const destination = value?.trim();
  if (!destination || !/^\+?[\d*#]{2,30}$/.test(destination)) throw badRequest(`${field} must be a phone number or extension when forwarding is enabled.`);
  return destination;
}

type RedirectInput = { enabled?: boolean; destination?: string; destinationVoicemailEnabled?: boolean } | undefined;

function checkRedirect(input: RedirectInput, current: Redirect, field: string): Redirect {
  const merged = { ...current, ...input };
  const out: Redirect = { enabled: merged.enabled === true, destinationVoicemailEnabled: merged.destinationVoicemailEnabled === true };
  if (merged.destination !== undefined && merged.destination !== '') out.destination = merged.destination;
  if (out.enabled) out.destination = checkDestination(out.destination, `${field}.destination`);
  return out;
}

export type CallPoliciesInput = {
  policy?: string;
  waitingEnabled?: boolean;
  groupBusyEnabled?: boolean;
  allowMembersToControlGroupBusyEnabled?: boolean;
  noAnswer?: Partial<CallPolicies['noAnswer']>;
  busyRedirect?: RedirectInput;
  businessContinuityRedirect?: RedirectInput;
};

export const DEFAULT_CALL_POLICIES: CallPolicies = {
  policy: 'REGULAR',
  waitingEnabled: false,
  groupBusyEnabled: false,
  allowMembersToControlGroupBusyEnabled: false,
  noAnswer: { nextAgentEnabled: false, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false },
  busyRedirect: { enabled: false, destinationVoicemailEnabled: false },
  businessContinuityRedirect: { enabled: false, destinationVoicemailEnabled: false },
};

/** The policies after applying the input to the current ones (the defaults on create). */
export function checkCallPolicies(input: CallPoliciesInput | undefined, current: CallPolicies = DEFAULT_CALL_POLICIES): CallPolicies {
  if (input === undefined) return current;
  const policy = (input.policy ?? current.policy) as CallPolicies['policy'];
  if (!POLICIES.includes(policy)) throw badRequest(`policy "${policy}" is not one of ${POLICIES.join(', ')}.`);
  const n = { ...current.noAnswer, ...input.noAnswer };
  const noAnswer: CallPolicies['noAnswer'] = {
    nextAgentEnabled: n.nextAgentEnabled === true,
    nextAgentRings: checkRings(n.nextAgentRings, 'noAnswer.nextAgentRings', 1),
    forwardEnabled: n.forwardEnabled === true,
    numberOfRings: checkRings(n.numberOfRings, 'noAnswer.numberOfRings', 2),
    destinationVoicemailEnabled: n.destinationVoicemailEnabled === true,
  };
  if (n.destination !== undefined && n.destination !== '') noAnswer.destination = n.destination;
  if (noAnswer.forwardEnabled) noAnswer.destination = checkDestination(noAnswer.destination, 'noAnswer.destination');
  return {
    policy,
    waitingEnabled: input.waitingEnabled ?? current.waitingEnabled,
    groupBusyEnabled: input.groupBusyEnabled ?? current.groupBusyEnabled,
    allowMembersToControlGroupBusyEnabled: input.allowMembersToControlGroupBusyEnabled ?? current.allowMembersToControlGroupBusyEnabled,
    noAnswer,
    busyRedirect: checkRedirect(input.busyRedirect, current.busyRedirect, 'busyRedirect'),
    businessContinuityRedirect: checkRedirect(input.businessContinuityRedirect, current.businessContinuityRedirect, 'businessContinuityRedirect'),
  };
}

/**
 * Agents' weights: only WEIGHTED groups keep them; there every agent has one (0-100, given as a
 * string as Webex does) and they add up to 100.
 */
export function checkWeights(policy: CallPolicies['policy'], weights: readonly (string | undefined)[]): (number | null)[] {
  if (policy !== 'WEIGHTED') return weights.map(() => null);
  const numbers = weights.map((w) => {
    const n = w === undefined ? NaN : Number(w);
    if (!Number.isInteger(n) || n < 0 || n > 100) throw badRequest('agents: a WEIGHTED hunt group needs each agent\'s weight, a whole number from 0 to 100.');
    return n;
  });
  if (numbers.length > 0 && numbers.reduce((a, b) => a + b, 0) !== 100) throw badRequest('agents: the weights of a WEIGHTED hunt group must add up to 100.');
  return numbers;
}
