import type { OwnerKind } from '../../store/owner-settings-store.ts';
import type { Store } from '../../store/store.ts';
import { VOICEMAIL } from '../voicemail/voicemail-settings.ts';
import { ANONYMOUS_CALL_REJECT, INTERCEPT } from './permission-settings.ts';
import { CALL_FORWARDING, CALL_WAITING, DO_NOT_DISTURB } from './person-settings.ts';
import { SELECTIVE_ACCEPT, SELECTIVE_FORWARD, SELECTIVE_REJECT, SEQUENTIAL_RING, SIMULTANEOUS_RING } from './ring-settings.ts';
import type { SettingDefinition, SettingDocument } from './setting-documents.ts';
import { personOf, storedDocument } from './settings-service.ts';

// A person's enabled calling services (GET …/people/{personId}/services), read from their settings
// documents: a service is listed, by the name Webex gives it, while the document turns it on.

const on = (doc: SettingDocument) => doc.enabled === true;
const forwarding = (kind: 'always' | 'busy' | 'noAnswer') => (doc: SettingDocument) => (doc.callForwarding as Record<string, { enabled?: boolean }>)[kind]?.enabled === true;

const SERVICES: [string, SettingDefinition, (doc: SettingDocument) => boolean][] = [
  ['Anonymous Call Rejection', ANONYMOUS_CALL_REJECT, on],
  ['Call Forwarding Always', CALL_FORWARDING, forwarding('always')],
  ['Call Forwarding Busy', CALL_FORWARDING, forwarding('busy')],
  ['Call Forwarding No Answer', CALL_FORWARDING, forwarding('noAnswer')],
  ['Call Waiting', CALL_WAITING, on],
  ['Do Not Disturb', DO_NOT_DISTURB, on],
  ['Intercept User', INTERCEPT, on],
  ['Selective Call Acceptance', SELECTIVE_ACCEPT, on],
  ['Selective Call Forwarding', SELECTIVE_FORWARD, on],
  ['Selective Call Rejection', SELECTIVE_REJECT, on],
  ['Sequential Ring', SEQUENTIAL_RING, on],
  ['Simultaneous Ring Personal', SIMULTANEOUS_RING, on],
  ['Voice Messaging User', VOICEMAIL, on],
];

export async function enabledServices(store: Store, orgId: string, personPublicId: string): Promise<string[]> {
  const person = await personOf(store, orgId, personPublicId);
  return enabledServicesOf(store, orgId, person.id, 'person');
}

/** The services a line owner's documents turn on (a person's, or a virtual line's: the same document keys). */
export async function enabledServicesOf(store: Store, orgId: string, ownerId: string, kind: OwnerKind): Promise<string[]> {
  const out: string[] = [];
  for (const [name, definition, enabled] of SERVICES) if (enabled(await storedDocument(store, orgId, ownerId, definition, kind))) out.push(name);
  return out;
}
