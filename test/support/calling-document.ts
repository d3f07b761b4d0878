import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

// Checks a response against its operation's response schema in Cisco's Webex Calling document
// (webex-cloud-calling.json). A stopgap until the generated protocol layer validates every
// response in the test client: the document is read from the reference beside the repository
// (../shared/reference/openapi, as in the project's workspace) or from CALLPLANE_CALLING_DOCUMENT.

const candidates = [
  process.env.CALLPLANE_CALLING_DOCUMENT,
  fileURLToPath(new URL('../../../shared/reference/openapi/webex-cloud-calling.json', import.meta.url)),
  // A git worktree sits one level deeper than the main checkout.
  fileURLToPath(new URL('../../../../shared/reference/openapi/webex-cloud-calling.json', import.meta.url)),
].filter((p): p is string => p !== undefined && p !== '');

let cached: { doc: any; ajv: Ajv; compiled: Map<string, ValidateFunction> } | undefined;

function load() {
  if (cached) return cached;
  const file = candidates.find((p) => existsSync(p));
  assert.ok(file, `Cisco's Webex Calling document was not found (looked in ${candidates.join(', ')}); set CALLPLANE_CALLING_DOCUMENT`);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'calling', components: doc.components });
  cached = { doc, ajv, compiled: new Map() };
  return cached;
}

/**
 * Where the document is known wrong, each with its reason (to move into the generated layer's
 * overrides file): the response schema of an operation is corrected before it is compiled.
 */
const OVERRIDES: Record<string, { reason: string; fix: (schema: any) => void }> = {
  'GET /telephony/config/premisePstn/trunks/{trunkId} 200': {
    reason: 'responseStatus is a list of status objects: wxc_sdk, which reads real Webex answers, requires list[ResponseStatus]; the document gives one object',
    fix: (schema) => {
      schema.properties.responseStatus = { type: 'array', items: schema.properties.responseStatus };
    },
  },
  'GET /telephony/config/locations/{locationId} 200': {
    reason: 'connection is only returned for a premises PSTN connection (TRUNK or ROUTE_GROUP), as the field’s own description says; the schema lists it as required',
    fix: (schema) => {
      schema.required = schema.required.filter((field: string) => field !== 'connection');
    },
  },
};

const rebase = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"calling#/components/'));

/**
 * Asserts that `status` is the success status the document gives the operation and that `body`
 * matches its response schema (required fields, types, enums). `path` is the document's path,
 * without /v1 and with {parameters}: '/telephony/config/premisePstn/trunks/{trunkId}'.
 */
export function assertCallingResponse(method: string, path: string, reply: { status: number; body: unknown }): void {
  const { doc, ajv, compiled } = load();
  const operation = doc.paths[path]?.[method.toLowerCase()];
  assert.ok(operation, `no operation ${method} ${path} in the calling document`);
  const documented = Object.keys(operation.responses).filter((code) => code.startsWith('2'));
  assert.ok(documented.includes(String(reply.status)), `${method} ${path} answered ${reply.status}; the document gives ${documented.join(', ')}`);
  const key = `${method} ${path} ${reply.status}`;
  let validate = compiled.get(key);
  if (!validate) {
    let response = operation.responses[String(reply.status)];
    if (response.$ref) response = response.$ref.split('/').slice(1).reduce((o: any, k: string) => o[k], doc);
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      assert.ok(reply.body === undefined || reply.body === '' || reply.body === null, `${key} has no body in the document`);
      return;
    }
    const corrected = rebase(schema);
    OVERRIDES[key]?.fix(corrected);
    validate = ajv.compile(corrected);
    compiled.set(key, validate);
  }
  assert.ok(validate(reply.body), `${key} does not match the document's schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(reply.body)}`);
}
