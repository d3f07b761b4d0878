import { isActive, peerOf } from '../../engine/legs.ts';
import type { Leg, PersonParty, Session } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { MUSIC_ON_HOLD } from '../settings/person-config-settings.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';

// Music on hold: what a party hears while the person they talk to holds the call. Music plays when
// the holder's location plays it for held calls (location musicOnHold callHoldEnabled, on by
// default) and the holder's own musicOnHold setting leaves it on (mohEnabled, on by default);
// otherwise the held party hears silence. A held party of someone who is not a person of the
// organization (a PSTN caller holding) hears silence too: nothing plays for them.

export type Hearing = 'musicOnHold' | 'silence';

/** Does music play to the other party when this person (or workspace, virtual line) holds a call? */
export async function playsMusicOnHold(store: Store, holder: PersonParty): Promise<boolean> {
  const location = await store.announcements.getMusicOnHold(holder.orgId, holder.locationId);
  if (location && !location.callHoldEnabled) return false;
  const stored = await store.ownerSettings.get({ orgId: holder.orgId, kind: holder.line ?? 'person', id: holder.personId }, MUSIC_ON_HOLD.key);
  const doc = stored === undefined ? MUSIC_ON_HOLD.defaults : mergeDocument(MUSIC_ON_HOLD.defaults, JSON.parse(stored) as SettingDocument);
  return doc.mohEnabled !== false;
}

/** What each leg whose peer holds the call hears, by leg ID (legs not on hold are absent). */
export async function hearingOnHold(store: Store, session: Session): Promise<Map<string, Hearing>> {
  const hearing = new Map<string, Hearing>();
  for (const leg of session.legs) {
    if (!isActive(leg) || leg.state === 'held') continue;
    const holder: Leg | undefined = peerOf(session, leg);
    if (holder?.state !== 'held') continue;
    hearing.set(leg.id, holder.party.kind === 'person' && (await playsMusicOnHold(store, holder.party)) ? 'musicOnHold' : 'silence');
  }
  return hearing;
}
