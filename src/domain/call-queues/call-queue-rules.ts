import { badRequest, conflict, notFound } from '../errors.ts';
import { POLICIES } from '../hunt-groups/hunt-group-types.ts';
import type { CallBounce, Overflow, QueueCallPolicies, QueueSettings } from './call-queue-types.ts';

// Webex's rules for a call queue's own fields, without storage. Defaults are Webex's (what a
// queue created in Control Hub shows).

export const callQueueNotFound = () => notFound('Call queue not found.');
export const callQueueNameInUse = (name: string) => conflict(`A call queue named "${name}" already exists in this location.`);
export const numberOrExtensionRequired = () => badRequest('A call queue needs a phoneNumber or an extension.');

export const MAX_QUEUE_SIZE = 250;

export function checkQueueName(value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > 80) throw badRequest('name must hold 1 to 80 characters.');
  return name;
}

function whole(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw badRequest(`${field} must be a whole number from ${min} to ${max}.`);
  return value;
}

function destination(value: string | undefined, field: string): string {
  const d = value?.trim();
  if (!d || !/^\+?[\d*#]{2,30}$/.test(d)) throw badRequest(`${field} must be a phone number or extension.`);
  return d;
}

export const DEFAULT_CALL_BOUNCE: CallBounce = {
  callBounceEnabled: true,
  callBounceMaxRings: 5,
  agentUnavailableEnabled: false,
  alertAgentEnabled: false,
  alertAgentMaxSeconds: 30,
  callBounceOnHoldEnabled: false,
  callBounceOnHoldMaxSeconds: 60,
};

export const DEFAULT_CALL_POLICIES: QueueCallPolicies = { routingType: 'PRIORITY_BASED', policy: 'CIRCULAR', callBounce: DEFAULT_CALL_BOUNCE, distinctiveRing: { enabled: false } };

export type CallPoliciesInput = { routingType?: string; policy?: string; callBounce?: Partial<CallBounce>; distinctiveRing?: { enabled?: boolean; ringPattern?: string } };

export function checkCallPolicies(input: CallPoliciesInput | undefined, current: QueueCallPolicies = DEFAULT_CALL_POLICIES): QueueCallPolicies {
  if (input === undefined) return current;
  const policy = (input.policy ?? current.policy) as QueueCallPolicies['policy'];
  if (!POLICIES.includes(policy)) throw badRequest(`policy "${policy}" is not one of ${POLICIES.join(', ')}.`);
  const routingType = (input.routingType ?? current.routingType) as QueueCallPolicies['routingType'];
  if (routingType !== 'PRIORITY_BASED' && routingType !== 'SKILL_BASED') throw badRequest(`routingType "${routingType}" is not PRIORITY_BASED or SKILL_BASED.`);
  const b = { ...current.callBounce, ...input.callBounce };
  const callBounce: CallBounce = {
    callBounceEnabled: b.callBounceEnabled === true,
    callBounceMaxRings: whole(b.callBounceMaxRings, 'callBounce.callBounceMaxRings', 1, 20),
    agentUnavailableEnabled: b.agentUnavailableEnabled === true,
    alertAgentEnabled: b.alertAgentEnabled === true,
    alertAgentMaxSeconds: whole(b.alertAgentMaxSeconds, 'callBounce.alertAgentMaxSeconds', 1, 3600),
    callBounceOnHoldEnabled: b.callBounceOnHoldEnabled === true,
    callBounceOnHoldMaxSeconds: whole(b.callBounceOnHoldMaxSeconds, 'callBounce.callBounceOnHoldMaxSeconds', 1, 3600),
  };
  const distinctiveRing = { ...current.distinctiveRing, ...input.distinctiveRing };
  return { routingType, policy, callBounce, distinctiveRing: { enabled: distinctiveRing.enabled === true, ...(distinctiveRing.ringPattern ? { ringPattern: distinctiveRing.ringPattern } : {}) } };
}

export const DEFAULT_OVERFLOW: Overflow = {
  action: 'PERFORM_BUSY_TREATMENT',
  sendToVoicemail: false,
  overflowAfterWaitEnabled: false,
  overflowAfterWaitTime: 60,
  playOverflowGreetingEnabled: false,
  greeting: 'DEFAULT',
};

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  queueSize: 10,
  callOfferToneEnabled: true,
  resetCallStatisticsEnabled: false,
  overflow: DEFAULT_OVERFLOW,
  welcomeMessage: { enabled: true, alwaysEnabled: false, greeting: 'DEFAULT' },
  waitMessage: { enabled: false, waitMode: 'POSITION', handlingTime: 100, defaultHandlingTime: 100 },
  comfortMessage: { enabled: false, timeBetweenMessages: 10, greeting: 'DEFAULT' },
};

const OVERFLOW_ACTIONS = ['PERFORM_BUSY_TREATMENT', 'PLAY_RINGING_UNTIL_CALLER_HANGS_UP', 'TRANSFER_TO_PHONE_NUMBER'];

export type QueueSettingsInput = { queueSize?: number; overflow?: Partial<Overflow>; welcomeMessage?: object; waitMessage?: object; comfortMessage?: unknown; [k: string]: unknown };

/** The queue settings after the input (Webex requires queueSize and overflow in every write). */
export function checkQueueSettings(input: QueueSettingsInput | undefined, current: QueueSettings = DEFAULT_QUEUE_SETTINGS): QueueSettings {
  if (input === undefined) return current;
  const o = { ...current.overflow, ...input.overflow };
  if (!OVERFLOW_ACTIONS.includes(o.action)) throw badRequest(`overflow.action "${o.action}" is not one of ${OVERFLOW_ACTIONS.join(', ')}.`);
  if (o.greeting !== 'CUSTOM' && o.greeting !== 'DEFAULT') throw badRequest('overflow.greeting must be CUSTOM or DEFAULT.');
  const overflow: Overflow = {
    action: o.action,
    sendToVoicemail: o.sendToVoicemail === true,
    overflowAfterWaitEnabled: o.overflowAfterWaitEnabled === true,
    overflowAfterWaitTime: whole(o.overflowAfterWaitTime, 'overflow.overflowAfterWaitTime', 1, 7200),
    playOverflowGreetingEnabled: o.playOverflowGreetingEnabled === true,
    greeting: o.greeting,
    ...(o.audioAnnouncementFiles !== undefined ? { audioAnnouncementFiles: o.audioAnnouncementFiles } : {}),
  };
  if (o.transferNumber !== undefined && o.transferNumber !== '') overflow.transferNumber = destination(o.transferNumber, 'overflow.transferNumber');
  if (overflow.action === 'TRANSFER_TO_PHONE_NUMBER' && overflow.transferNumber === undefined) throw badRequest('overflow.transferNumber is required with TRANSFER_TO_PHONE_NUMBER.');
  const { queueSize, overflow: _o, welcomeMessage, waitMessage, comfortMessage, ...rest } = input;
  for (const [field, value] of Object.entries({ welcomeMessage, waitMessage, comfortMessage })) {
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) throw badRequest(`queueSettings.${field} must be an object.`);
  }
  const out: QueueSettings = {
    ...current,
    ...rest,
    queueSize: whole(queueSize ?? current.queueSize, 'queueSettings.queueSize', 1, MAX_QUEUE_SIZE),
    overflow,
    welcomeMessage: { ...current.welcomeMessage, ...welcomeMessage },
    waitMessage: { ...current.waitMessage, ...waitMessage },
    comfortMessage: { ...current.comfortMessage, ...(comfortMessage as object | undefined) },
  };
  if (out.waitMessage.waitMode !== 'TIME' && out.waitMessage.waitMode !== 'POSITION') throw badRequest('waitMessage.waitMode must be TIME or POSITION.');
  return out;
}

/** An agent's skill level: 1 (highest) to 20; SKILL_BASED queues offer the highest first. */
export function checkSkill(value: unknown): number {
  if (value === undefined) return 1;
  return whole(typeof value === 'string' ? Number(value) : value, 'agents.skillLevel', 1, 20);
}

export function checkTransferNumber(value: unknown, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${field} must be a phone number or extension.`);
  return destination(value, field);
}
