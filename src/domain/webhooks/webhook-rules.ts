import { createHash } from 'node:crypto';
import { parseCallFilter, parseFilterPairs } from './webhook-filter.ts';
import { allows, hostKind, withoutCredentials, type EgressPolicy } from './egress-policy.ts';
import { eventNotForResource, invalidEvent, invalidResource, invalidTargetUrl, nameRequired, targetHasCredentials, targetNotAllowed } from './webhook-errors.ts';

// The rules of the /v1/webhooks resource that hold without the store: Webex's resource and event
// names, which of them Callplane can deliver, and what a target URL and filter must look like.

/** Webex's resources (the OpenAPI enum) and the firehose, `all`. Only call events are ever delivered here. */
export const RESOURCES = [
  'attachmentActions',
  'dataSources',
  'memberships',
  'messages',
  'rooms',
  'meetings',
  'recordings',
  'convergedRecordings',
  'meetingParticipants',
  'meetingTranscripts',
  'telephony_calls',
  'telephony_conference',
  'telephony_mwi',
  'uc_counters',
  'serviceApp',
  'adminBatchJobs',
  'all',
] as const;

export const EVENTS = [
  'created',
  'updated',
  'deleted',
  'started',
  'ended',
  'joined',
  'left',
  'migrated',
  'authorized',
  'deauthorized',
  'statusChanged',
  'all',
] as const;

/** A call leg is created, changes, and ends: the only events a telephony_calls webhook can name. */
export const CALL_EVENTS = ['created', 'updated', 'deleted', 'all'] as const;

/** Resources whose webhooks receive call events. */
export const CALL_RESOURCES: readonly string[] = ['telephony_calls', 'all'];

/** Creating a webhook needs the read scope of what it watches. */
export const CALLS_READ_SCOPE = 'spark:calls_read';

export function checkResource(value: string): string {
  if (!(RESOURCES as readonly string[]).includes(value)) throw invalidResource(value, RESOURCES);
  return value;
}

export function checkEvent(value: string, resource: string): string {
  if (!(EVENTS as readonly string[]).includes(value)) throw invalidEvent(value, EVENTS);
  if (resource === 'telephony_calls' && !(CALL_EVENTS as readonly string[]).includes(value)) throw eventNotForResource(value, resource, CALL_EVENTS);
  return value;
}

export function checkName(value: string): string {
  const name = value.trim();
  if (name === '') throw nameRequired();
  return name;
}

/** Webhooks one organization may have (docs/webhooks.md#security): each costs a lane of deliveries. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 100;

/**
 * An absolute http or https URL with a host, without credentials, whose host (if a literal
 * address, in any spelling the URL parser reads, or a loopback name) the egress policy allows.
 * Other host names are checked on every address they resolve to, at each delivery.
 */
export function checkTargetUrl(value: string, egress: EgressPolicy): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidTargetUrl(withoutCredentials(value));
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') throw invalidTargetUrl(withoutCredentials(value));
  if (url.username !== '' || url.password !== '') throw targetHasCredentials();
  const kind = hostKind(url.hostname);
  if (kind !== undefined && !allows(egress, kind)) throw targetNotAllowed(url.hostname, kind);
  return value;
}

/** The filter as stored (null for none); call resources get every key and value checked. */
export function checkFilter(value: string | undefined, resource: string): string | null {
  if (value === undefined || value === '') return null;
  if (CALL_RESOURCES.includes(resource)) parseCallFilter(value);
  else parseFilterPairs(value);
  return value;
}

/**
 * The application a webhook belongs to. Webex records the integration or bot whose token
 * created it; Callplane's tokens all come from one application per organization (as personal
 * access tokens all come from the Developer Portal's), so its uuid is derived from the
 * organization's: stable across restarts and processes, different per organization.
 */
export function applicationIdOf(orgId: string): string {
  const hash = createHash('sha1').update(`callplane-application:${orgId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
