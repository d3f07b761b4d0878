import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { applyOverrides, type Override } from './webex-overrides.ts';

// Turns Cisco's OpenAPI documents (vendor/webex-openapi) into the modules of src/generated/webex:
// the catalogue of every operation, and per Cisco tag the TypeBox schemas of each operation's
// request and success response. Structure only: names, types, required, enums, formats. No
// descriptions, summaries or examples are carried over. Pure: documents in, file texts out, so a
// test can regenerate in memory and compare with what is checked in.

export type SourceDocument = { file: string; key: string; product: string };

/** Read in this order: an operation in two documents is taken from the first (the calling one). */
export const DOCUMENTS: SourceDocument[] = [
  { file: 'webex-cloud-calling.json', key: 'calling', product: 'Webex Calling' },
  { file: 'webex-admin.json', key: 'admin', product: 'Webex Admin' },
  { file: 'webex-device.json', key: 'device', product: 'Webex Device' },
  { file: 'webex-messaging.json', key: 'messaging', product: 'Webex Messaging' },
];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Formats Ajv knows (ajv-formats); Cisco's others (int64, ARF, MP3…) are descriptive only. */
const FORMATS = new Set(['date-time', 'date', 'time', 'email', 'uri', 'uuid', 'ipv4', 'ipv6', 'hostname']);

type Json = any;

export type CatalogueEntry = {
  method: string;
  path: string;
  operationId: string;
  tag: string;
  document: string;
  scopes: string[];
  statuses: number[];
  deprecated: boolean;
};

/** Structure-only schema node: what is carried into TypeBox. */
type Node =
  | { kind: 'unknown' }
  | { kind: 'free' }
  | { kind: 'string'; format?: string }
  | { kind: 'number' | 'integer' | 'boolean' | 'null' }
  | { kind: 'enum'; values: unknown[] }
  | { kind: 'array'; items: Node }
  | { kind: 'object'; props: [string, Node, boolean][]; open: boolean }
  | { kind: 'union'; of: Node[] };

export function tagSlug(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'untagged';
}

/** Cisco splits big tags into "(1/2)", "(2/2)": one API for coverage and messages. */
export function tagOf(operation: Json): string {
  const tag: string | undefined = operation.tags?.[0];
  return tag ? tag.replace(/\s*\(\d+\/\d+\)$/, '').trim() : 'Untagged';
}

const SCOPE = /\b((?:spark|spark-admin|spark-compliance|identity|Identity|audit|analytics)[-a-zA-Z]*:[a-zA-Z_]+)/g;

function scopesOf(operation: Json): string[] {
  return [...new Set<string>([...String(operation.description ?? '').matchAll(SCOPE)].map((m) => m[1]!))].sort();
}

function resolver(doc: Json) {
  return (schema: Json, seen: Set<string>): [Json, Set<string>] => {
    let current = schema;
    let chain = seen;
    while (current && typeof current.$ref === 'string') {
      const ref: string = current.$ref;
      if (chain.has(ref)) return [{ 'x-type-unknown': true }, chain];
      chain = new Set([...chain, ref]);
      current = ref.split('/').slice(1).reduce((node: Json, part: string) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    }
    return [current ?? { 'x-type-unknown': true }, chain];
  };
}

function toNode(doc: Json, input: Json, seen: Set<string> = new Set()): Node {
  const [schema, chain] = resolver(doc)(input, seen);
  if (!schema || typeof schema !== 'object' || schema['x-type-unknown']) return { kind: 'unknown' };
  if (Array.isArray(schema.allOf)) {
    const merged = schema.allOf.map((part: Json) => toNode(doc, part, chain));
    const objects = merged.filter((n: Node) => n.kind === 'object') as Extract<Node, { kind: 'object' }>[];
    if (objects.length !== merged.length) return { kind: 'unknown' };
    return { kind: 'object', props: objects.flatMap((o) => o.props), open: objects.some((o) => o.open) };
  }
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(schema[key])) return { kind: 'union', of: schema[key].map((part: Json) => toNode(doc, part, chain)) };
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && !schema['x-enum-partial']) return { kind: 'enum', values: [...schema.enum] };
  const type = schema.type;
  if (type === 'string') return FORMATS.has(schema.format) ? { kind: 'string', format: schema.format } : { kind: 'string' };
  if (type === 'number' || type === 'integer' || type === 'boolean') return { kind: type };
  if (type === 'array') return { kind: 'array', items: schema.items ? toNode(doc, schema.items, chain) : { kind: 'unknown' } };
  if (type === 'object' || (type === undefined && schema.properties)) {
    const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
    const props = Object.entries<Json>(schema.properties ?? {}).map(([name, value]): [string, Node, boolean] => [name, toNode(doc, value, chain), required.has(name)]);
    if (props.length === 0) return { kind: 'free' };
    // Fields past a rendering cut may exist: the object stays open so they are kept and accepted.
    const open = Boolean(schema['x-truncated'] || schema['x-depth-cut'] || schema.additionalProperties);
    return { kind: 'object', props, open };
  }
  return { kind: 'unknown' };
}

// --- TypeBox source -------------------------------------------------------------------------

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function inline(node: Node, ref: (n: Node) => string | undefined): string {
  const named = ref(node);
  if (named) return named;
  switch (node.kind) {
    case 'unknown':
      return 'T.Unknown()';
    case 'free':
      return 'Free';
    case 'string':
      return node.format ? `T.String({ format: '${node.format}' })` : 'T.String()';
    case 'number':
      return 'T.Number()';
    case 'integer':
      return 'T.Integer()';
    case 'boolean':
      return 'T.Boolean()';
    case 'null':
      return 'T.Null()';
    case 'enum':
      return `T.Enum(${JSON.stringify(node.values)})`;
    case 'array':
      return `T.Array(${inline(node.items, ref)})`;
    case 'union':
      return `T.Union([${node.of.map((n) => inline(n, ref)).join(', ')}])`;
    case 'object': {
      const props = node.props.map(([name, value, required]) => {
        const text = inline(value, ref);
        return `${key(name)}: ${required ? text : `T.Optional(${text})`}`;
      });
      return `T.Object({ ${props.join(', ')} }${node.open ? ', Open' : ''})`;
    }
  }
}

const fingerprint = (node: Node) => createHash('sha1').update(JSON.stringify(node)).digest('hex');

function children(node: Node): Node[] {
  if (node.kind === 'array') return [node.items];
  if (node.kind === 'union') return node.of;
  if (node.kind === 'object') return node.props.map(([, value]) => value);
  return [];
}

type OperationOut = {
  entry: CatalogueEntry;
  params?: Node;
  querystring?: Node;
  body?: Node;
  bodyRequired: boolean;
  responses: [number, Node | undefined][];
};

function parametersOf(doc: Json, pathItem: Json, operation: Json, where: 'path' | 'query'): Node | undefined {
  const resolve = resolver(doc);
  const all = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) => resolve(p, new Set())[0]);
  const props = all
    .filter((p: Json) => p?.in === where)
    .map((p: Json): [string, Node, boolean] => [p.name, p.schema ? toNode(doc, p.schema) : { kind: 'string' }, where === 'path' || Boolean(p.required)]);
  if (props.length === 0) return undefined;
  return { kind: 'object', props, open: false };
}

function bodyOf(doc: Json, operation: Json): Node | undefined {
  const content = resolver(doc)(operation.requestBody, new Set())[0]?.content;
  const json = content?.['application/json'];
  if (!json?.schema) return undefined;
  return toNode(doc, json.schema);
}

function readOperations(root: string, overrides: Override[]): OperationOut[] {
  const byKey = new Map<string, OperationOut>();
  const ids = new Set<string>();
  for (const source of DOCUMENTS) {
    const doc = JSON.parse(readFileSync(`${root}/${source.file}`, 'utf8'));
    applyOverrides(doc, source.key, overrides);
    for (const [rawPath, pathItem] of Object.entries<Json>(doc.paths)) {
      for (const method of METHODS) {
        const operation = pathItem[method];
        if (!operation) continue;
        const path = `/v1${rawPath}`;
        const routeKey = `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;
        if (byKey.has(routeKey)) continue;
        let operationId = identifier(operation.operationId);
        // The official documents reuse a few operationIds; the first document keeps the name.
        if (ids.has(operationId)) operationId = `${operationId}${source.key[0]!.toUpperCase()}${source.key.slice(1)}`;
        ids.add(operationId);
        const success = Object.keys(operation.responses ?? {}).filter((s) => /^2\d\d$/.test(s)).map(Number).sort();
        const responses = success.map((status): [number, Node | undefined] => {
          const response = resolver(doc)(operation.responses[String(status)], new Set())[0];
          const schema = response?.content?.['application/json']?.schema;
          return [status, status === 204 || !schema ? undefined : toNode(doc, schema)];
        });
        const bodyContent = resolver(doc)(operation.requestBody, new Set())[0];
        byKey.set(routeKey, {
          entry: {
            method: method.toUpperCase(),
            path,
            operationId,
            tag: tagOf(operation),
            document: source.key,
            scopes: scopesOf(operation),
            statuses: success,
            deprecated: Boolean(operation.deprecated),
          },
          params: parametersOf(doc, pathItem, operation, 'path'),
          querystring: parametersOf(doc, pathItem, operation, 'query'),
          body: bodyOf(doc, operation),
          bodyRequired: Boolean(bodyContent?.required),
          responses,
        });
      }
    }
  }
  return [...byKey.values()];
}

// --- output files ---------------------------------------------------------------------------

const HEADER = `// Generated by scripts/generate-webex.ts from Cisco's OpenAPI documents (vendor/webex-openapi,
// © Cisco Systems, Inc., CC BY 4.0; structure only). Do not edit: change scripts/webex-overrides.ts
// and run \`npm run generate\`.
`;

/** A few official operationIds are titles ("Execute Command"): camelCase them. */
function identifier(id: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(id)) return id;
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
}

const pascal = (text: string) => text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase()).replace(/^(\d)/, '_$1');

/** Every generated file, keyed by its path under src/generated/webex. */
export function generate(root: string, overrides: Override[]): Map<string, string> {
  const operations = readOperations(root, overrides).sort((a, b) => (a.entry.path + a.entry.method).localeCompare(b.entry.path + b.entry.method));
  const files = new Map<string, string>();

  // Objects used more than once are named once; the ones used by several tags go to shared.ts.
  const uses = new Map<string, { node: Node; modules: Set<string>; count: number; hint: string }>();
  const count = (node: Node, module: string, hint: string) => {
    if (node.kind === 'object' || (node.kind === 'enum' && node.values.length > 3)) {
      const id = fingerprint(node);
      const use = uses.get(id) ?? { node, modules: new Set(), count: 0, hint };
      use.count += 1;
      use.modules.add(module);
      uses.set(id, use);
      if (use.count > 1) return;
    }
    if (node.kind === 'object') for (const [name, value] of node.props) count(value, module, name);
    else for (const child of children(node)) count(child, module, hint);
  };
  const parts = (op: OperationOut): [string, Node][] => {
    const list: [string, Node | undefined][] = [
      ['Params', op.params],
      ['Query', op.querystring],
      ['Body', op.body],
      ...op.responses.map(([status, node]): [string, Node | undefined] => [`Response${status}`, node]),
    ];
    return list.filter((p): p is [string, Node] => p[1] !== undefined);
  };
  // Small parameter objects are named for their fields (OrgIdQuery), the rest for their operation.
  const hintFor = (op: OperationOut, part: string, node: Node) =>
    (part === 'Params' || part === 'Query') && node.kind === 'object' && node.props.length <= 3
      ? `${node.props.map(([name]) => pascal(name)).join('')}${part}`
      : `${op.entry.operationId}${part}`;
  for (const op of operations) for (const [part, node] of parts(op)) count(node, tagSlug(op.entry.tag), hintFor(op, part, node));

  const names = new Map<string, { name: string; module: string }>();
  const taken = new Set<string>(['T', 'Free', 'Open', 'operations']);
  for (const [id, use] of [...uses.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (use.count < 2) continue;
    const base = pascal(use.hint);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    names.set(id, { name, module: use.modules.size > 1 ? 'shared' : [...use.modules][0]! });
  }
  // What a shared schema refers to is shared too (its children were counted in one module only).
  const share = (node: Node): void => {
    for (const child of children(node)) {
      const named = names.get(fingerprint(child));
      if (named) named.module = 'shared';
      share(child);
    }
  };
  for (const [id, named] of names) if (named.module === 'shared') share(uses.get(id)!.node);

  // Emits the named schemas a module needs, dependencies first.
  const emitModule = (module: string, roots: Node[], imports: Set<string>) => {
    const lines: string[] = [];
    const done = new Set<string>();
    const refFor = (self: string | undefined) => (node: Node) => {
      const id = fingerprint(node);
      const named = names.get(id);
      if (!named || id === self) return undefined;
      if (named.module !== module) imports.add(named.name);
      else visit(node);
      return named.name;
    };
    const visit = (node: Node) => {
      const id = fingerprint(node);
      const named = names.get(id);
      if (!named || named.module !== module || done.has(id)) return;
      done.add(id);
      const text = inline(node, refFor(id));
      lines.push(`export const ${named.name} = ${text};`);
    };
    const walk = (node: Node): void => {
      const named = names.get(fingerprint(node));
      if (named) return named.module === module ? visit(node) : void refFor(undefined)(node);
      children(node).forEach(walk);
    };
    roots.forEach(walk);
    return { lines, ref: refFor(undefined) };
  };

  const sharedRoots = [...names.entries()].filter(([, n]) => n.module === 'shared').map(([id]) => uses.get(id)!.node);
  const sharedImports = new Set<string>();
  const shared = emitModule('shared', sharedRoots, sharedImports);
  files.set('shared.ts', `${HEADER}import { Type as T } from 'typebox';\n\n/** A free-form object, or one whose fields the rebuilt document lost: kept whole. */\nexport const Free = T.Object({}, { additionalProperties: true });\nexport const Open = { additionalProperties: true } as const;\n\n${shared.lines.join('\n')}\n`);

  const byTag = new Map<string, OperationOut[]>();
  for (const op of operations) byTag.set(tagSlug(op.entry.tag), [...(byTag.get(tagSlug(op.entry.tag)) ?? []), op]);
  const modules = [...byTag.keys()].sort();
  for (const module of modules) {
    const ops = byTag.get(module)!;
    const imports = new Set<string>(['Free', 'Open']);
    const { lines, ref } = emitModule(module, ops.flatMap((op) => parts(op).map(([, n]) => n)), imports);
    const opLines = ops.map((op) => {
      const e = op.entry;
      const fields = [`operationId: '${e.operationId}'`, `method: '${e.method}'`, `path: '${e.path}'`, `tag: ${JSON.stringify(e.tag)}`];
      if (op.params) fields.push(`params: ${inline(op.params, ref)}`);
      if (op.querystring) fields.push(`querystring: ${inline(op.querystring, ref)}`);
      if (op.body) fields.push(`body: ${inline(op.body, ref)}`, `bodyRequired: ${op.bodyRequired}`);
      const responses = op.responses.map(([status, node]) => `${status}: ${node ? inline(node, ref) : 'T.Null()'}`);
      fields.push(`response: { ${responses.join(', ')} }`);
      return `  ${e.operationId}: { ${fields.join(', ')} },`;
    });
    const used = [...imports].filter((name) => [...lines, ...opLines].some((line) => new RegExp(`\\b${name}\\b`).test(line))).sort();
    files.set(
      `${module}.ts`,
      `${HEADER}import { Type as T } from 'typebox';\nimport { ${used.join(', ')} } from './shared.ts';\n\n${lines.join('\n')}${lines.length ? '\n\n' : ''}export const operations = {\n${opLines.join('\n')}\n} as const;\n`,
    );
  }

  const indexImports = modules.map((m, i) => `import { operations as m${i} } from './${m}.ts';`);
  files.set(
    'index.ts',
    `${HEADER}${indexImports.join('\n')}\n\n/** The request and success-response schemas of every operation, by operationId. */\nexport const webexOperations = { ${modules.map((_, i) => `...m${i}`).join(', ')} };\nexport type WebexOperationId = keyof typeof webexOperations;\n`,
  );

  const rows = operations.map(({ entry: e }) =>
    `  [${[`'${e.method}'`, `'${e.path}'`, `'${e.operationId}'`, JSON.stringify(e.tag), `'${e.document}'`, JSON.stringify(e.statuses), JSON.stringify(e.scopes), String(e.deprecated)].join(', ')}],`,
  );
  files.set(
    'catalogue.ts',
    `${HEADER}
/** method, path, operationId, Cisco tag, source document, success statuses, scopes named, deprecated. */
export type CatalogueRow = readonly [method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH', path: string, operationId: string, tag: string, document: 'calling' | 'admin' | 'device' | 'messaging', statuses: readonly number[], scopes: readonly string[], deprecated: boolean];

/** Every operation of Cisco's documents, one row each. */
export const catalogue: readonly CatalogueRow[] = [
${rows.join('\n')}
];
`,
  );
  return files;
}
