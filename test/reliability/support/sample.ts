import { freeExtension, unique } from '../../support/factories.ts';
import { newDialPattern } from '../../support/call-routing.ts';
import type { IdMap } from './world.ts';

// Plausible values for a JSON schema of the OpenAPI document: what a client that read the
// document would send. Property names steer the strings (an email, a time zone, a real ID of the
// caller's organization), so that most sampled requests pass validation and reach the route.

export type JsonSchema = Record<string, any>;

export type SampleContext = {
  /** Real IDs of the caller's organization, by parameter name. */
  ids: IdMap;
  /** A free number of the caller's default location, E.164. */
  freeNumber: string;
  /** For webhook target URLs: a local receiver. */
  targetUrl: string;
};

/** The JSON types a schema accepts; undefined when it accepts anything. */
export function acceptedTypes(schema: JsonSchema): Set<string> | undefined {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const types = new Set<string>();
    for (const option of options as JsonSchema[]) {
      const inner = acceptedTypes(option);
      if (!inner) return undefined;
      for (const t of inner) types.add(t);
    }
    if (schema.nullable) types.add('null');
    return types;
  }
  let type = schema.type as string | string[] | undefined;
  if (type === undefined) {
    if (schema.properties) type = 'object';
    else if (schema.enum) type = [...new Set((schema.enum as unknown[]).map(jsonType))];
    else if ('const' in schema) type = jsonType(schema.const);
    else return undefined;
  }
  const types = new Set([type].flat());
  if (types.has('integer')) types.add('number');
  if (schema.nullable) types.add('null');
  return types;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

/** The first non-null option of a union, or the schema itself. */
export function mainOption(schema: JsonSchema): JsonSchema {
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (!options) return schema;
  return mainOption(options.find((o) => o.type !== 'null') ?? options[0]!);
}

/**
 * The kind of object (a key of IdMap) a field refers to, by its name and its parent's:
 * personId, managerId → personId; audioFile.id → announcementId; … Undefined when unknown.
 */
export function referenceOf(name: string, parent = ''): string | undefined {
  const byName: Record<string, string> = {
    managerId: 'personId',
    ownerId: 'personId',
    lineOwnerId: 'personId',
    locationMemberId: 'personId',
    routeId: 'routeGroupId',
    callId1: 'callId',
    callId2: 'callId',
  };
  const byParent: Record<string, string> = { audioFile: 'announcementId', connection: 'trunkId', body: 'locationId' };
  if (name === 'id') return byParent[parent];
  return byName[name] ?? name;
}

function idFor(name: string, parent: string, ctx: SampleContext): string | undefined {
  const reference = referenceOf(name, parent);
  if (reference && ctx.ids[reference]) return ctx.ids[reference];
  // Other IDs (subscriptionId, endpointId, …): a person's is as good a guess as any.
  return name.endsWith('Id') ? ctx.ids.personId : undefined;
}

function stringFor(name: string, parent: string, schema: JsonSchema, ctx: SampleContext): string {
  const lower = name.toLowerCase();
  const id = idFor(name, parent, ctx);
  if (id !== undefined) return id;
  if (lower.includes('email')) return `${unique('rel')}@example.com`;
  if (lower === 'phonenumbers' || lower === 'phonenumber' || lower === 'value' || lower.endsWith('number')) return ctx.freeNumber;
  if (lower.includes('extension')) return freeExtension();
  if (lower === 'dialpatterns' || lower === 'dialpattern') return newDialPattern();
  if (lower.includes('timezone')) return 'America/Chicago';
  if (lower.includes('language')) return 'en_us';
  if (lower === 'country') return 'US';
  if (lower === 'state') return 'TX';
  if (lower === 'city') return 'Austin';
  if (lower.startsWith('postal')) return '78701';
  if (lower.startsWith('address')) return '1 Test Way';
  if (lower === 'destination' || lower === 'to') return '1001';
  if (lower === 'from') return '+14155550142';
  if (lower.includes('url')) return ctx.targetUrl;
  if (lower === 'password') return 'Trunk-Pass-1234';
  if (lower === 'path') return '/v1/licenses';
  if (lower === 'scopes') return 'spark:people_read';
  if (lower.includes('name')) return unique('Rel ').slice(0, schema.maxLength ?? 64);
  if (schema.format === 'date-time') return new Date().toISOString();
  const min = Math.max(1, schema.minLength ?? 1);
  return 'x'.repeat(Math.min(min, schema.maxLength ?? min));
}

function numberFor(schema: JsonSchema): number {
  let value = 1;
  if (schema.minimum !== undefined && value < schema.minimum) value = schema.minimum;
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) value = schema.exclusiveMinimum + 1;
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  return value;
}

/** A plausible value of the schema; objects get their required properties only. */
export function sampleValue(schema: JsonSchema, name: string, ctx: SampleContext, parent = ''): unknown {
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) return sampleValue(mainOption(schema), name, ctx, parent);
  if (schema.default !== undefined && typeof schema.default !== 'object') return schema.default;
  const type = [acceptedTypes(schema) ?? ['string']].flatMap((t) => [...t]).find((t) => t !== 'null');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of (schema.required as string[] | undefined) ?? []) out[key] = sampleValue(schema.properties?.[key] ?? {}, key, ctx, name);
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: n }, () => sampleValue(schema.items ?? {}, name, ctx, parent));
    }
    case 'integer':
    case 'number':
      return numberFor(schema);
    case 'boolean':
      return true;
    default:
      return stringFor(name, parent, schema, ctx);
  }
}

/**
 * Bodies for the operations whose schema alone does not make a useful request (every field
 * optional, yet one of them needed): what a client would send.
 */
const EXAMPLES: Record<string, (ctx: SampleContext) => unknown> = {
  'PUT /v1/telephony/config/premisePstn/dialPlans/{dialPlanId}/dialPatterns': () => ({ dialPatterns: [{ dialPattern: newDialPattern(), action: 'ADD' }] }),
};

/** A plausible body for an operation: its example, or a sample of its schema. */
export function sampleBody(op: { method: string; path: string; body?: JsonSchema | undefined }, ctx: SampleContext): unknown {
  const example = EXAMPLES[`${op.method} ${op.path}`];
  return example ? example(ctx) : sampleValue(op.body ?? {}, 'body', ctx);
}
