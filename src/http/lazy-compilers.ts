import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// Each route's validators and response serializers are compiled on the route's first request,
// not at start-up: compiling all of them (several hundred schemas) eagerly took more than half
// of the server's start. A broken schema still fails loudly, on first use, and every route is
// exercised by the test suites.

type Validator = ((data: unknown) => boolean) & { errors?: ValidateFunction['errors'] };

function lazyValidator(compile: () => ValidateFunction): Validator {
  let compiled: ValidateFunction | undefined;
  // Fastify reads a failed validation's errors from the function it was given.
  const validate: Validator = (data) => {
    compiled ??= compile();
    const valid = compiled(data) as boolean;
    validate.errors = compiled.errors;
    return valid;
  };
  return validate;
}

/**
 * Query strings and paths arrive as text: coerce them. Bodies are JSON: a string where a number
 * belongs is the client's mistake and a 400, as Webex answers.
 */
export function validatorCompiler() {
  // The two Ajv instances themselves (about 10 ms, their formats included) are built on the first
  // compile of their kind too.
  let strict: Ajv | undefined;
  let coercing: Ajv | undefined;
  const strictAjv = () => (strict ??= addFormats.default(new Ajv({ coerceTypes: false, useDefaults: true, allErrors: false, strict: false })));
  const coercingAjv = () => (coercing ??= addFormats.default(new Ajv({ coerceTypes: 'array', useDefaults: true, allErrors: false, strict: false })));
  // Routes share schema objects (the generated modules' shared parts): one validator per schema
  // and kind of part serves all of them, which spares an allocation per route at start-up. Safe
  // to share: Fastify reads `errors` right after the call, before anything else can validate.
  // A Map, not a WeakMap: the schemas live as long as this server's routes anyway, and weak
  // entries cost the garbage collector more.
  const bodies = new Map<object, Validator>();
  const others = new Map<object, Validator>();
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) => {
    const [ajv, made] = httpPart === 'body' ? [strictAjv, bodies] : [coercingAjv, others];
    let validator = made.get(schema);
    if (!validator) made.set(schema, (validator = lazyValidator(() => ajv().compile(schema))));
    return validator;
  };
}

/**
 * Fastify's own serializer (fast-json-stringify), built on first use. A serializer depends on
 * its schema alone (the route and status it is asked for only name it): one per schema object
 * serves every route and status that answer with it, so the error body every route documents
 * six times is compiled once, not on each route's first error.
 */
export function serializerCompiler() {
  const build = SerializerSelector()(undefined, undefined);
  const made = new Map<object, (data: unknown) => string>();
  return (route: { schema: object; method: string; url: string; httpStatus?: string }) => {
    let shared = made.get(route.schema);
    if (!shared) {
      let serialize: ((data: unknown) => string) | undefined;
      shared = (data: unknown) => (serialize ??= build({ ...route, httpStatus: route.httpStatus ?? 'default' }))(data);
      made.set(route.schema, shared);
    }
    return shared;
  };
}
