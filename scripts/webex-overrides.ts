// Corrections to Cisco's documents where the rebuilt calling document is known wrong or
// incomplete (a schema cut by the rendering, a type it lost, a schema that contradicts Cisco's
// own example). Each entry names its operation, where it applies (a JSON pointer inside the
// operation object) and why. scripts/generate-webex.ts applies them before generating, and
// docs/webex-api.md lists them.

export type Override = {
  /** Which document: calling, admin, device or messaging. */
  document: string;
  method: 'get' | 'put' | 'post' | 'delete' | 'patch';
  /** The path as the document writes it (without /v1). */
  path: string;
  /** JSON pointer inside the operation, e.g. /responses/200/content/application~1json/schema/properties/x. */
  at: string;
  /** Replaces the value at the pointer (created if absent). */
  set?: unknown;
  /** Merged into the object at the pointer. */
  merge?: Record<string, unknown>;
  reason: string;
};

export const overrides: Override[] = [];

function walkTo(root: any, pointer: string, create: boolean): [any, string] {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === undefined) {
      if (!create) throw new Error(`override pointer ${pointer}: no ${part}`);
      node[part] = {};
    }
    node = node[part];
  }
  return [node, parts.at(-1)!];
}

/** Applies the document's overrides in place; an override that no longer applies fails loudly. */
export function applyOverrides(doc: any, document: string, list: Override[]): void {
  for (const entry of list.filter((o) => o.document === document)) {
    const operation = doc.paths?.[entry.path]?.[entry.method];
    if (!operation) throw new Error(`override for ${entry.method.toUpperCase()} ${entry.path}: no such operation in ${document}`);
    const [parent, last] = walkTo(operation, entry.at, entry.set !== undefined);
    if (entry.set !== undefined) parent[last] = entry.set;
    if (entry.merge) {
      if (typeof parent[last] !== 'object' || parent[last] === null) throw new Error(`override ${entry.at}: nothing to merge into`);
      Object.assign(parent[last], entry.merge);
    }
  }
}
