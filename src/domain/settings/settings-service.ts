import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { personNotFound } from '../people/people-errors.ts';
import { decodeId } from '../webex-ids.ts';
import type { OwnerKind } from '../../store/owner-settings-store.ts';
import type { Person, Store } from '../../store/store.ts';
import { mergeDocument, withoutComputed, type SettingContext, type SettingDefinition, type SettingDocument, type SettingLine } from './setting-documents.ts';

/**
 * Who owns the documents a SettingsService serves: finds the owner named by a public ID (a 404 of
 * the owner's kind otherwise). People by default; workspaces and virtual lines bring their own.
 */
export type SettingOwners = {
  kind: OwnerKind;
  find(store: Store, orgId: string, publicId: string): Promise<{ owner: SettingLine; person?: Person }>;
};

/** People of the organization with Webex Calling. */
export const PEOPLE: SettingOwners = {
  kind: 'person',
  async find(store, orgId, publicId) {
    const person = await personOf(store, orgId, publicId);
    return { owner: { kind: 'person', id: person.id, orgId, locationId: person.locationId ?? '' }, person };
  },
};

/** Reads and writes settings documents of the owners of one kind in an organization (one registry of settings). */
export class SettingsService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly registry: ReadonlyMap<string, SettingDefinition>;
  private readonly owners: SettingOwners;

  constructor(store: Store, clock: Clock, settings: readonly SettingDefinition[], owners: SettingOwners = PEOPLE) {
    this.store = store;
    this.clock = clock;
    this.registry = new Map(settings.map((s) => [s.key, s]));
    this.owners = owners;
  }

  /** Whether this kind of owner has the setting. */
  has(key: string): boolean {
    return this.registry.has(key);
  }

  definition(key: string): SettingDefinition {
    const definition = this.registry.get(key);
    if (!definition) throw new Error(`no setting ${key} in the registry`);
    return definition;
  }

  /** The owner's document: stored fields over Webex's defaults, with the computed ones. */
  async get(orgId: string, ownerPublicId: string, key: string): Promise<SettingDocument> {
    const definition = this.definition(key);
    if (definition.viewOf) return definition.viewOf.read(await this.get(orgId, ownerPublicId, definition.viewOf.key));
    const ctx = await this.context(this.store, orgId, ownerPublicId);
    const doc = await read(this.store, definition, ctx);
    return definition.present ? definition.present(doc, ctx) : doc;
  }

  /** Applies a PUT: the given fields over the current document, checked by the setting's rules. */
  async update(orgId: string, ownerPublicId: string, key: string, update: SettingDocument): Promise<void> {
    const definition = this.definition(key);
    if (definition.viewOf) return this.update(orgId, ownerPublicId, definition.viewOf.key, definition.viewOf.write(update));
    await this.store.transaction(async (tx) => {
      const ctx = await this.context(tx, orgId, ownerPublicId);
      ctx.now = timestamp(this.clock);
      const current = await read(tx, definition, ctx);
      const computed = definition.computed?.(current, ctx) ?? {};
      const next = mergeDocument(current, withoutComputed(update, computed));
      await definition.check?.(next, ctx);
      await tx.ownerSettings.put(ctx.owner, key, JSON.stringify(withoutComputed(next, computed)), timestamp(this.clock));
    });
  }

  /** The owner a public ID names (a 404 of the owner's kind otherwise). */
  async owner(orgId: string, publicId: string, store: Store = this.store): Promise<SettingLine> {
    return (await this.owners.find(store, orgId, publicId)).owner;
  }

  /** An owner's document as stored over the defaults (no inherited, computed or presented fields), for services that change lists in it. */
  async raw(orgId: string, publicId: string, key: string): Promise<SettingDocument> {
    const owner = await this.owner(orgId, publicId);
    return storedDocument(this.store, orgId, owner.id, this.definition(key), owner.kind);
  }

  /** The owner a public ID names, as the settings' rules see it. */
  async context(store: Store, orgId: string, publicId: string): Promise<SettingContext> {
    const { owner, person } = await this.owners.find(store, orgId, publicId);
    const ctx = { store, orgId, owner } as SettingContext;
    Object.defineProperty(ctx, 'person', {
      get() {
        if (!person) throw new Error(`a person's setting was read for a ${owner.kind}`);
        return person;
      },
    });
    return ctx;
  }
}

const ownerOf = (orgId: string, personId: string, kind: OwnerKind = 'person') => ({ orgId, kind, id: personId });

async function read(store: Store, definition: SettingDefinition, ctx: SettingContext): Promise<SettingDocument> {
  const stored = await store.ownerSettings.get(ctx.owner, definition.key);
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

/** A stored document of an owner (a person unless told) merged over the defaults, for policies (no owner lookup). */
export async function storedDocument(store: Store, orgId: string, ownerId: string, definition: SettingDefinition, kind: OwnerKind = 'person'): Promise<SettingDocument> {
  const stored = await store.ownerSettings.get(ownerOf(orgId, ownerId, kind), definition.key);
  return stored === undefined ? structuredClone(definition.defaults) : mergeDocument(definition.defaults, JSON.parse(stored) as SettingDocument);
}
