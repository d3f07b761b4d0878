import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { callingLocationNotFound } from '../location-calling/location-calling-errors.ts';
import { decodeId } from '../webex-ids.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import type { Location, Store } from '../../store/store.ts';
import { LOCATION_SETTINGS, type LocationSettingContext, type LocationSettingDefinition } from './location-call-handling.ts';

// A location's settings documents, the same way as a person's (domain/settings/settings-service.ts):
// stored fields over Webex's defaults, a PUT merged field by field and checked by the setting's rules.

const ownerOf = (orgId: string, locationId: string) => ({ orgId, kind: 'location' as const, id: locationId });

export class LocationSettingsService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly registry = new Map(LOCATION_SETTINGS.map((s) => [s.key, s]));

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async get(orgId: string, locationPublicId: string, key: string): Promise<SettingDocument> {
    const definition = this.definition(key);
    const location = await callingLocationOf(this.store, orgId, locationPublicId);
    const ctx = { store: this.store, orgId, location };
    const doc = await storedLocationDocument(this.store, orgId, location.id, definition);
    return definition.present ? definition.present(doc, ctx) : doc;
  }

  /** The stored document without presentation (for list operations that rewrite it whole). */
  async raw(orgId: string, locationPublicId: string, key: string): Promise<SettingDocument> {
    const location = await callingLocationOf(this.store, orgId, locationPublicId);
    return storedLocationDocument(this.store, orgId, location.id, this.definition(key));
  }

  /**
   * Applies a change: `change` gets the current document and returns the fields to lay over it
   * (a PUT body, or a list rewritten by a list operation).
   */
  async update(orgId: string, locationPublicId: string, key: string, change: (current: SettingDocument) => SettingDocument): Promise<void> {
    const definition = this.definition(key);
    await this.store.transaction(async (tx) => {
      const location = await callingLocationOf(tx, orgId, locationPublicId);
      const ctx: LocationSettingContext = { store: tx, orgId, location };
      const current = await storedLocationDocument(tx, orgId, location.id, definition);
      const next = mergeDocument(current, change(current));
      await definition.check?.(next, ctx);
      await tx.ownerSettings.put(ownerOf(orgId, location.id), key, JSON.stringify(next), timestamp(this.clock));
    });
  }

  private definition(key: string): LocationSettingDefinition {
    const definition = this.registry.get(key);
    if (!definition) throw new Error(`no location setting ${key}`);
    return definition;
  }
}

/** A location of the organization enabled for Webex Calling; anything else is a 404. */
async function callingLocationOf(store: Store, orgId: string, publicId: string): Promise<Location> {
  const id = decodeId(publicId, 'LOCATION');
  const location = id ? await store.locations.get(orgId, id) : undefined;
  if (!location || !location.callingEnabled) throw callingLocationNotFound();
  return location;
}

/** A location's stored document over the defaults (also read by the call engine's policies). */
export async function storedLocationDocument(store: Store, orgId: string, locationId: string, definition: LocationSettingDefinition): Promise<SettingDocument> {
  const stored = await store.ownerSettings.get(ownerOf(orgId, locationId), definition.key);
  return stored === undefined ? structuredClone(definition.defaults) : mergeDocument(definition.defaults, JSON.parse(stored) as SettingDocument);
}
