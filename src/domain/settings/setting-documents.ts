import type { Store } from '../../store/store.ts';
import type { Person } from '../../store/store.ts';
import type { OwnerKind } from '../../store/owner-settings-store.ts';

// The one mechanism for settings documents (docs/person-settings.md): each setting is a key with
// Webex's default document, the rules its descriptions state beyond the request schema, and the
// fields Webex computes on read. A PUT is merged field by field over the current document, checked,
// and the whole document stored; a GET merges what is stored over the defaults.

export type SettingDocument = Record<string, unknown>;

/**
 * Whose document it is: a person, a workspace or a virtual line, with the calling location its
 * line is in (forwarding destinations are dialled from there).
 */
export type SettingLine = { kind: OwnerKind; id: string; orgId: string; locationId: string };

/**
 * What a setting's rules may look at: the owner and the store (to check numbers and extensions),
 * and the server clock's time of a PUT. `person` is there for people only: a definition that
 * reads it is a person's setting, and reading it for a workspace or virtual line is a
 * programming error (it throws).
 */
export type SettingContext = { store: Store; orgId: string; person: Person; owner: SettingLine; now?: string };

export type SettingDefinition = {
  /** Registry key, stored with the document (the last word of Webex's path, e.g. 'callWaiting'). */
  key: string;
  /** The document as Webex shows it for a person who never changed it. */
  defaults: SettingDocument;
  /** Defaults that come from elsewhere (the person's location), laid over `defaults`. */
  inherited?: (ctx: SettingContext) => Promise<SettingDocument>;
  /** Rules from the descriptions that the schema cannot state; throws a 400 WebexError. */
  check?: (next: SettingDocument, ctx: SettingContext) => void | Promise<void>;
  /** Fields Webex computes on every read from the document (never stored, ignored in a PUT). */
  computed?: (doc: SettingDocument, ctx: SettingContext) => SettingDocument;
  /** Turns the stored document into what a GET shows (IDs into objects, say); the stored one otherwise. */
  present?: (doc: SettingDocument, ctx: SettingContext) => Promise<SettingDocument>;
  /**
   * A setting that is a view of part of another one (Webex serves some fields on two paths): reads
   * and writes go to that setting's document.
   */
  viewOf?: { key: string; read: (doc: SettingDocument) => SettingDocument; write: (update: SettingDocument) => SettingDocument };
  /** Read by the call engine through a typed policy (domain/calls/person-routing.ts). */
  changesCalls: boolean;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Lays `update` over `base`: objects merge field by field, anything else (values, arrays, null)
 * replaces. Webex's PUTs change only the fields they carry.
 */
export function mergeDocument(base: SettingDocument, update: SettingDocument): SettingDocument {
  const out: SettingDocument = { ...base };
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue;
    out[key] = isObject(value) && isObject(base[key]) ? mergeDocument(base[key] as SettingDocument, value) : structuredClone(value);
  }
  return out;
}

/** Removes the computed fields from a document about to be stored. */
export function withoutComputed(doc: SettingDocument, computed: SettingDocument): SettingDocument {
  const out: SettingDocument = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!(key in computed)) out[key] = value;
    else if (isObject(value) && isObject(computed[key])) out[key] = withoutComputed(value, computed[key] as SettingDocument);
  }
  return out;
}
