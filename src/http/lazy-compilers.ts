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
  const strict = addFormats.default(new Ajv({ coerceTypes: false, useDefaults: true, allErrors: false, strict: false }));
  const coercing = addFormats.default(new Ajv({ coerceTypes: 'array', useDefaults: true, allErrors: false, strict: false }));
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    lazyValidator(() => (httpPart === 'body' ? strict : coercing).compile(schema));
}

/** Fastify's own serializer (fast-json-stringify), built on first use. */
export function serializerCompiler() {
  const build = SerializerSelector()(undefined, undefined);
  return (route: { schema: object; method: string; url: string; httpStatus?: string }) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => (serialize ??= build({ ...route, httpStatus: route.httpStatus ?? 'default' }))(data);
  };
}
