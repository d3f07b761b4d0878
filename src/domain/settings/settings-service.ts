import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { personNotFound } from '../people/people-errors.ts';
import { decodeId } from '../webex-ids.ts';
import type { Person, Store } from '../../store/store.ts';
import { mergeDocument, withoutComputed, type SettingContext, type SettingDefinition, type SettingDocument } from './setting-documents.ts';

/** Reads and writes settings documents of the people of an organization (one registry of settings). */
export class SettingsService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly registry: ReadonlyMap<string, SettingDefinition>;

  constructor(store: Store, clock: Clock, settings: readonly SettingDefinition[]) {
    this.store = store;
    this.clock = clock;
    this.registry = new Map(settings.map((s) => [s.key, s]));
  }

  definition(key: string): SettingDefinition {
    const definition = this.registry.get(key);
    if (!definition) throw new Error(`no setting ${key} in the registry`);
    return definition;
  }

  /** The person's document: stored fields over Webex's defaults, with the computed ones. */
  async get(orgId: string, personPublicId: string, key: string): Promise<SettingDocument> {
    const definition = this.definition(key);
    if (definition.viewOf) return definition.viewOf.read(await this.get(orgId, personPublicId, definition.viewOf.key));
    const person = await personOf(this.store, orgId, personPublicId);
    const ctx: SettingContext = { store: this.store, orgId, person };
    const doc = await read(this.store, definition, ctx);
    return definition.present ? definition.present(doc, ctx) : doc;
  }

  /** Applies a PUT: the given fields over the current document, checked by the setting's rules. */
  async update(orgId: string, personPublicId: string, key: string, update: SettingDocument): Promise<void> {
    const definition = this.definition(key);
    if (definition.viewOf) return this.update(orgId, personPublicId, definition.viewOf.key, definition.viewOf.write(update));
    await this.store.transaction(async (tx) => {
      const person = await personOf(tx, orgId, personPublicId);
      const ctx: SettingContext = { store: tx, orgId, person, now: timestamp(this.clock) };
      const current = await read(tx, definition, ctx);
      const computed = definition.computed?.(current, ctx) ?? {};
      const next = mergeDocument(current, withoutComputed(update, computed));
      await definition.check?.(next, ctx);
      await tx.ownerSettings.put(ownerOf(orgId, person.id), key, JSON.stringify(withoutComputed(next, computed)), timestamp(this.clock));
    });
  }
}

const ownerOf = (orgId: string, personId: string) => ({ orgId, kind: 'person' as const, id: personId });

async function read(store: Store, definition: SettingDefinition, ctx: SettingContext): Promise<SettingDocument> {
  const stored = await store.ownerSettings.get(ownerOf(ctx.orgId, ctx.person.id), definition.key);
  const defaults = definition.inherited ? mergeDocument(definition.defaults, await definition.inherited(ctx)) : definition.defaults;
  const doc = stored === undefined ? structuredClone(defaults) : mergeDocument(defaults, JSON.parse(stored) as SettingDocument);
  return definition.computed ? mergeDocument(doc, definition.computed(doc, ctx)) : doc;
}

/** A person of the organization with Webex Calling; anyone else is a 404, as in Webex. */
export async function personOf(store: Store, orgId: string, publicId: string): Promise<Person> {
  const id = decodeId(publicId, 'PEOPLE');
  const person = id ? await store.people.get(orgId, id) : undefined;
  if (!person || person.locationId === null) throw personNotFound();
  return person;
}

/** A stored document of a person merged over the defaults, for policies (no person lookup). */
export async function storedDocument(store: Store, orgId: string, personId: string, definition: SettingDefinition): Promise<SettingDocument> {
  const stored = await store.ownerSettings.get(ownerOf(orgId, personId), definition.key);
  return stored === undefined ? structuredClone(definition.defaults) : mergeDocument(definition.defaults, JSON.parse(stored) as SettingDocument);
}
