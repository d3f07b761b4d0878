import { idFor, missingId, FIXED_PARAMS, VALUE_IDS, type IdMap } from './world.ts';
import type { Operation } from './operations.ts';
import { acceptedTypes, mainOption, referenceOf, sampleBody, sampleValue, type JsonSchema, type SampleContext } from './sample.ts';

// Bad requests for one operation of the OpenAPI document, by category. Each says whether the
// server must refuse it (a 4xx) or may also accept it (a 2xx: the generator's request happened to
// be valid, for example an unknown field Webex ignores, or a long string where no limit is
// documented). Never a 5xx, either way.

export type Category =
  | 'malformed JSON'
  | 'not a JSON object'
  | 'empty body'
  | 'wrong content type'
  | 'oversized body'
  | 'missing required field'
  | 'wrong type'
  | 'value outside its enum'
  | 'huge string'
  | 'empty string or list'
  | 'huge number'
  | 'number past 2^31'
  | 'number past 2^53'
  | 'huge list'
  | 'fraction for an integer'
  | 'NUL character'
  | 'extra field'
  | 'deeply nested JSON'
  | 'bad query value'
  | 'huge query value'
  | 'unknown query parameter'
  | 'invalid path ID'
  | 'ID of another type'
  | 'ID of nothing'
  | 'over-long path parameter'
  | "another organization's ID in the path"
  | "another organization's ID in the query"
  | "another organization's ID in the body"
  | 'unsupported method'
  | 'malformed multipart';

export type BadRequest = {
  category: Category;
  /** What was changed, for messages: "body.emails[0]", "query.max". */
  where: string;
  method: string;
  pathValues: Record<string, string>;
  query: [string, string][];
  /** undefined: no body at all. */
  body: { text: string; contentType: string | undefined } | undefined;
  expect: 'reject' | 'any';
};

export type CaseContext = SampleContext & { foreign: IdMap; bodyLimit: number };

type Json = unknown;
type Step = string | number;

const HUGE_STRING = 'x'.repeat(100_000);
const ID_LIKE = /(Id$|Ids$)/;

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Sets a value deep in a body, making the objects and lists on the way from the schema. */
function setAt(body: any, schema: JsonSchema, path: Step[], value: Json, ctx: SampleContext, remove = false): void {
  let node = body;
  let nodeSchema = schema;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i]!;
    const childSchema = mainOption(typeof step === 'number' ? nodeSchema.items ?? {} : nodeSchema.properties?.[step] ?? {});
    if (node[step] === undefined || node[step] === null || typeof node[step] !== 'object') {
      node[step] = typeof step === 'number' ? sampleValue(childSchema, String(path[i - 1] ?? ''), ctx) : sampleValue(childSchema, step, ctx);
      if (node[step] === null || typeof node[step] !== 'object') node[step] = childSchema.type === 'array' ? [] : {};
    }
    node = node[step];
    nodeSchema = childSchema;
  }
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = value;
}

type Field = { path: Step[]; schema: JsonSchema; required: boolean };

/** Every property of a body schema, nested objects and the first item of lists included, to a depth. */
function fieldsOf(schema: JsonSchema, prefix: Step[] = [], depth = 0): Field[] {
  const object = mainOption(schema);
  const fields: Field[] = [];
  if (depth > 3) return fields;
  if (object.type === 'array' && object.items) {
    const item = mainOption(object.items);
    if (item.type === 'object' || item.properties) fields.push(...fieldsOf(item, [...prefix, 0], depth + 1));
    return fields;
  }
  const required = new Set<string>(object.required ?? []);
  for (const [name, property] of Object.entries<JsonSchema>(object.properties ?? {})) {
    const path = [...prefix, name];
    fields.push({ path, schema: property, required: required.has(name) });
    const inner = mainOption(property);
    if (inner.type === 'object' || inner.properties || (inner.type === 'array' && inner.items)) fields.push(...fieldsOf(property, path, depth + 1));
  }
  return fields;
}

const where = (path: Step[]) => `body.${path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[')}`;

/** Values of each JSON type, to put where the schema wants another. */
const OF_TYPE: Record<string, Json> = { string: 'text', number: 42.5, integer: 42, boolean: true, object: { a: 1 }, array: [1], null: null };

function wrongTypes(schema: JsonSchema): Json[] {
  const accepted = acceptedTypes(schema);
  if (!accepted) return [];
  return Object.entries(OF_TYPE)
    .filter(([type]) => !accepted.has(type) && !(type === 'integer' && accepted.has('number')))
    .map(([, value]) => value);
}

function fieldCases(op: Operation, base: Json, ctx: CaseContext): Omit<BadRequest, 'method' | 'pathValues' | 'query'>[] {
  const schema = op.body!;
  const cases: Omit<BadRequest, 'method' | 'pathValues' | 'query'>[] = [];
  const json = (category: Category, at: string, body: Json, expect: 'reject' | 'any') =>
    cases.push({ category, where: at, body: { text: JSON.stringify(body), contentType: 'application/json' }, expect });
  const mutate = (field: Field, value: Json, remove = false) => {
    const body = clone(base) ?? {};
    setAt(body, schema, field.path, value, ctx, remove);
    return body;
  };
  for (const field of fieldsOf(schema)) {
    const inner = mainOption(field.schema);
    const at = where(field.path);
    if (field.required) json('missing required field', at, mutate(field, undefined, true), 'reject');
    for (const value of wrongTypes(field.schema)) json('wrong type', `${at} = ${JSON.stringify(value)}`, mutate(field, value), 'reject');
    const accepted = acceptedTypes(field.schema);
    if (inner.enum && accepted && !accepted.has('null')) json('value outside its enum', at, mutate(field, 'NOT_A_VALUE'), 'reject');
    if (inner.type === 'string') {
      json('huge string', at, mutate(field, HUGE_STRING), inner.maxLength !== undefined && !inner.enum ? 'reject' : 'any');
      if ((inner.minLength ?? 0) > 0) json('empty string or list', at, mutate(field, ''), 'reject');
      json('NUL character', at, mutate(field, 'a\u0000b'), inner.enum ? 'reject' : 'any');
    }
    if (inner.type === 'integer' || inner.type === 'number') {
      const numbers: [Category, number][] = [
        ['huge number', 1e308],
        ['huge number', -1e308],
        ['number past 2^31', 2 ** 31],
        ['number past 2^31', -(2 ** 31) - 1],
        ['number past 2^53', 2 ** 53 + 2],
      ];
      for (const [category, value] of numbers) {
        const refused = (inner.maximum !== undefined && value > inner.maximum) || (inner.minimum !== undefined && value < inner.minimum);
        json(category, `${at} = ${value}`, mutate(field, value), refused ? 'reject' : 'any');
      }
      if (inner.type === 'integer') json('fraction for an integer', at, mutate(field, 1.5), 'reject');
    }
    if (inner.type === 'array') {
      if ((inner.minItems ?? 0) > 0) json('empty string or list', at, mutate(field, []), 'reject');
      const item = sampleValue(inner.items ?? {}, String(field.path.at(-1)), ctx);
      json('huge list', `${at} with 10,000 items`, mutate(field, Array.from({ length: 10_000 }, () => item)), inner.maxItems !== undefined ? 'reject' : 'any');
    }
    // Another organization's ID where the body refers to one of ours. The route may ignore the
    // field (a member ID when the location's number is selected): then it must not be stored.
    const name = String(field.path.at(-1));
    const parent = String(field.path.findLast((s) => typeof s === 'string' && s !== name) ?? 'body');
    const reference = referenceOf(name, field.path.length === 1 ? 'body' : parent);
    if (inner.type === 'string' && reference && ctx.foreign[reference]) {
      json("another organization's ID in the body", at, mutate(field, ctx.foreign[reference]), 'any');
    }
  }
  return cases;
}

export function badRequests(op: Operation, ctx: CaseContext): BadRequest[] {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathValues: Record<string, string> = {};
  for (const p of pathParams) pathValues[p.name] = idFor(ctx.ids, op.path, p.name) ?? FIXED_PARAMS[p.name] ?? missingId(p.name);
  const baseQuery: [string, string][] = queryParams.filter((p) => p.required).map((p) => [p.name, String(sampleValue(p.schema, p.name, ctx))]);
  const base = op.body ? sampleBody(op, ctx) : undefined;
  const baseBody = op.body ? { text: JSON.stringify(base), contentType: 'application/json' } : undefined;
  const cases: BadRequest[] = [];
  const add = (c: Partial<BadRequest> & Pick<BadRequest, 'category' | 'where' | 'expect'>) =>
    cases.push({ method: op.method, pathValues, query: baseQuery, body: baseBody, ...c });

  if (op.body) {
    const raw = (category: Category, at: string, text: string, contentType: string | undefined, expect: 'reject' | 'any' = 'reject') =>
      add({ category, where: at, body: { text, contentType }, expect });
    raw('malformed JSON', 'body', '{"name": "x", ', 'application/json');
    raw('malformed JSON', 'body (trailing text)', `${JSON.stringify(base)} trailing`, 'application/json');
    raw('malformed JSON', 'body (single quotes)', "{'name': 'x'}", 'application/json');
    if (mainOption(op.body).type === 'object') {
      raw('not a JSON object', 'body = array', JSON.stringify([base]), 'application/json');
      raw('not a JSON object', 'body = number', '42', 'application/json');
      raw('not a JSON object', 'body = string', '"text"', 'application/json');
      raw('not a JSON object', 'body = null', 'null', 'application/json', op.bodyRequired ? 'reject' : 'any');
    }
    // An all-optional body may be left out (Webex's rule): only a body with required fields is refused empty.
    if (op.bodyRequired && ((mainOption(op.body).required as unknown[] | undefined) ?? []).length > 0) raw('empty body', 'body', '', 'application/json');
    raw('wrong content type', 'text/plain', JSON.stringify(base), 'text/plain');
    raw('wrong content type', 'form-urlencoded', 'name=x&displayName=y', 'application/x-www-form-urlencoded');
    raw('wrong content type', 'application/xml', '<person><name>x</name></person>', 'application/xml');
    raw('oversized body', `body of ${ctx.bodyLimit * 2} bytes`, JSON.stringify({ ...(base as object), padding: 'p'.repeat(ctx.bodyLimit * 2) }), 'application/json');
    if (mainOption(op.body).type === 'object') {
      raw('extra field', 'body.unexpectedField', JSON.stringify({ ...(base as object), unexpectedField: 'surprise' }), 'application/json', 'any');
      let nested: Json = 1;
      for (let i = 0; i < 2000; i++) nested = { n: nested };
      raw('deeply nested JSON', 'body.unexpectedField (2,000 levels)', JSON.stringify({ ...(base as object), unexpectedField: nested }), 'application/json', 'any');
    }
    for (const c of fieldCases(op, base, ctx)) add(c);
  } else if (op.multipart) {
    add({ category: 'malformed multipart', where: 'body', body: { text: '--zz\r\nnonsense', contentType: 'multipart/form-data; boundary=zz' }, expect: 'reject' });
    add({ category: 'malformed multipart', where: 'body without boundary', body: { text: 'x', contentType: 'multipart/form-data' }, expect: 'reject' });
    add({ category: 'wrong content type', where: 'JSON instead of a form', body: { text: '{"name":"x"}', contentType: 'application/json' }, expect: 'reject' });
    add({ category: 'wrong content type', where: 'text/plain', body: { text: 'x', contentType: 'text/plain' }, expect: 'reject' });
  } else if (op.method !== 'GET' && op.method !== 'DELETE') {
    add({ category: 'extra field', where: 'a JSON body where none is documented', body: { text: '{"unexpected": true}', contentType: 'application/json' }, expect: 'any' });
  }

  for (const p of queryParams) {
    const inner = mainOption(p.schema);
    const query = (value: string) => [...baseQuery.filter(([n]) => n !== p.name), [p.name, value]] as [string, string][];
    const at = `query.${p.name}`;
    if (inner.type === 'boolean') add({ category: 'bad query value', where: `${at}=maybe`, query: query('maybe'), expect: 'reject' });
    if (inner.type === 'integer' || inner.type === 'number') {
      add({ category: 'bad query value', where: `${at}=lots`, query: query('lots'), expect: 'reject' });
      add({ category: 'huge number', where: `${at}=-1`, query: query('-1'), expect: (inner.minimum ?? -Infinity) >= 0 ? 'reject' : 'any' });
      add({ category: 'huge number', where: `${at}=1e400`, query: query('1e400'), expect: 'any' });
      add({ category: 'huge number', where: `${at}=99999999999999999999`, query: query('99999999999999999999'), expect: 'any' });
      if (inner.type === 'integer') add({ category: 'fraction for an integer', where: `${at}=1.5`, query: query('1.5'), expect: 'reject' });
    }
    if (inner.enum) add({ category: 'value outside its enum', where: at, query: query('NOT_A_VALUE'), expect: 'reject' });
    if (inner.type === 'string' && !inner.enum) {
      add({ category: 'huge query value', where: at, query: query('q'.repeat(5000)), expect: 'any' });
      add({ category: 'NUL character', where: at, query: query('a\u0000b'), expect: 'any' });
    }
    if (ID_LIKE.test(p.name)) {
      add({ category: 'invalid path ID', where: `${at}=garbage`, query: query('garbage!'), expect: p.name === 'orgId' ? 'reject' : 'any' });
      const foreignId = ctx.foreign[p.name] ?? (p.name === 'ownerId' ? ctx.foreign.personId : undefined);
      if (foreignId) {
        const strict = p.name === 'orgId' || op.method !== 'GET';
        add({ category: "another organization's ID in the query", where: at, query: query(foreignId), expect: strict ? 'reject' : 'any' });
      }
    }
  }
  add({ category: 'unknown query parameter', where: 'query.unexpected', query: [...baseQuery, ['unexpected', '1'], ['unexpected', '2']], expect: 'any' });

  for (const p of pathParams) {
    const at = `path.${p.name}`;
    const withValue = (value: string) => ({ ...pathValues, [p.name]: value });
    add({ category: 'invalid path ID', where: `${at}=not-an-id`, pathValues: withValue('not-an-id'), expect: 'reject' });
    add({ category: 'NUL character', where: at, pathValues: withValue('a\u0000b'), expect: 'reject' });
    add({ category: 'over-long path parameter', where: at, pathValues: withValue('A'.repeat(1500)), expect: 'reject' });
    if (p.name in FIXED_PARAMS) continue;
    add({ category: 'ID of nothing', where: at, pathValues: withValue(missingId(p.name)), expect: 'reject' });
    // A person's ID is of another type for every parameter but those that name a person.
    const otherType = pathValues[p.name] === ctx.ids.personId ? ctx.ids.locationId! : ctx.ids.personId!;
    add({ category: 'ID of another type', where: at, pathValues: withValue(otherType), expect: 'reject' });
    const foreignId = VALUE_IDS.has(`${op.method} ${op.path}`) ? undefined : ctx.foreign[p.name];
    if (foreignId) {
      add({ category: "another organization's ID in the path", where: at, pathValues: withValue(foreignId), expect: 'reject' });
    }
  }
  if (pathParams.length > 1) {
    const all = Object.fromEntries(pathParams.map((p) => [p.name, ctx.foreign[p.name] ?? pathValues[p.name]!]));
    add({ category: "another organization's ID in the path", where: 'every path ID', pathValues: all, expect: 'reject' });
  }
  return cases;
}

/** Categories checked on every operation; the others are sampled (see pick). */
const ALWAYS: ReadonlySet<Category> = new Set<Category>([
  'malformed JSON',
  'wrong content type',
  'empty body',
  'malformed multipart',
  "another organization's ID in the path",
  "another organization's ID in the query",
  "another organization's ID in the body",
  'invalid path ID',
  'ID of another type',
]);

/**
 * The cases run for an operation: every case of the categories above, one case of each other
 * category, and a seeded sample of the rest (at most `sampled`); `sampled` = Infinity runs them all.
 */
export function pick(cases: BadRequest[], sampled: number, random: () => number): BadRequest[] {
  const chosen = cases.filter((c) => ALWAYS.has(c.category));
  const rest = cases.filter((c) => !ALWAYS.has(c.category));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const seen = new Set<Category>();
  const others: BadRequest[] = [];
  for (const c of rest) {
    if (seen.has(c.category)) others.push(c);
    else {
      seen.add(c.category);
      chosen.push(c);
    }
  }
  return [...chosen, ...others.slice(0, sampled)];
}
