import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeIdValue, encodeId } from '../webex-ids.ts';
import type { Store } from '../../store/store.ts';
import type { SettingContext, SettingDocument } from './setting-documents.ts';
import { storedDocument, type SettingsService } from './settings-service.ts';

// Sub-items of a settings document that Webex serves on paths of their own: the criteria of
// simultaneous ring, selective accept and the like, single number reach numbers, blocked numbers.
// They live in their setting's document (one field holding a list), so deleting the owner's
// settings deletes them too; POST adds one with a new ID, GET/PUT/DELETE act on one by ID, and the
// setting's own GET shows them (as a summary) through its `present`.

export type ItemCollection = {
  /** The registry key of the document that holds the items. */
  setting: string;
  /** The document's field holding the list. */
  field: string;
  /** How the IDs read (Webex's criteria IDs, phone number IDs). */
  idType: 'CRITERIA' | 'PHONE_NUMBER';
  /** Webex's limit on the list. */
  max: number;
  /** What Webex says when an ID is not in the list. */
  notFound: string;
  /** Checks and normalises an item about to be stored (a 400 WebexError when invalid). */
  check: (item: SettingDocument, ctx: SettingContext, others: readonly SettingDocument[]) => void | Promise<void>;
  /** The ID of a new item: a new uuid unless the item's value is its identity (a blocked number). */
  idOf?: (item: SettingDocument) => string;
};

export type Item = SettingDocument & { id: string };

export class SettingItemsService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly settings: SettingsService;

  constructor(store: Store, clock: Clock, settings: SettingsService) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
  }

  /** Adds an item; answers its public ID. */
  async create(orgId: string, ownerPublicId: string, collection: ItemCollection, body: SettingDocument): Promise<string> {
    return this.change(orgId, ownerPublicId, collection, async (items, ctx) => {
      if (items.length >= collection.max) throw badRequest(`At most ${collection.max} entries are allowed.`);
      const item: SettingDocument = structuredClone(body);
      await collection.check(item, ctx, items);
      const id = collection.idOf?.(item) ?? randomUUID();
      if (items.some((i) => i.id === id)) throw badRequest('The entry exists already.');
      return { items: [...items, { ...item, id }], id };
    });
  }

  /** One item, with its public ID. */
  async get(orgId: string, ownerPublicId: string, collection: ItemCollection, publicId: string): Promise<Item> {
    const { owner } = await this.settings.context(this.store, orgId, ownerPublicId);
    const doc = await storedDocument(this.store, orgId, owner.id, this.settings.definition(collection.setting), owner.kind);
    const items = (doc[collection.field] as Item[] | undefined) ?? [];
    const item = items.find((i) => i.id === decodeIdValue(publicId, collection.idType));
    if (!item) throw notFound(collection.notFound);
    return { ...item, id: publicId };
  }

  /** Changes the fields a PUT gives of one item; answers the item's public ID. */
  async update(orgId: string, ownerPublicId: string, collection: ItemCollection, publicId: string, body: SettingDocument): Promise<string> {
    return this.change(orgId, ownerPublicId, collection, async (items, ctx) => {
      const at = items.findIndex((i) => i.id === decodeIdValue(publicId, collection.idType));
      if (at < 0) throw notFound(collection.notFound);
      const { id, ...current } = items[at]!;
      const item: SettingDocument = { ...current, ...structuredClone(body) };
      await collection.check(item, ctx, items.filter((_, i) => i !== at));
      const next = [...items];
      next[at] = { ...item, id };
      return { items: next, id };
    });
  }

  async delete(orgId: string, ownerPublicId: string, collection: ItemCollection, publicId: string): Promise<void> {
    await this.change(orgId, ownerPublicId, collection, async (items) => {
      const id = decodeIdValue(publicId, collection.idType);
      if (!items.some((i) => i.id === id)) throw notFound(collection.notFound);
      return { items: items.filter((i) => i.id !== id), id: id! };
    });
  }

  private async change(
    orgId: string,
    ownerPublicId: string,
    collection: ItemCollection,
    apply: (items: Item[], ctx: SettingContext) => Promise<{ items: Item[]; id: string }>,
  ): Promise<string> {
    const definition = this.settings.definition(collection.setting);
    return this.store.transaction(async (tx) => {
      const ctx = await this.settings.context(tx, orgId, ownerPublicId);
      ctx.now = timestamp(this.clock);
      const owner = { orgId, kind: ctx.owner.kind, id: ctx.owner.id };
      const doc = await storedDocument(tx, orgId, owner.id, definition, owner.kind);
      const { items, id } = await apply((doc[collection.field] as Item[] | undefined) ?? [], ctx);
      const stored = await tx.ownerSettings.get(owner, definition.key);
      const next = { ...(stored === undefined ? {} : (JSON.parse(stored) as SettingDocument)), [collection.field]: items };
      await tx.ownerSettings.put(owner, definition.key, JSON.stringify(next), ctx.now);
      return encodeId(collection.idType, id);
    });
  }
}
