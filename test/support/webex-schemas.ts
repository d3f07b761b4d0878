import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import FindMyWay from 'find-my-way';
import { tagSlug } from '../../scripts/webex-codegen.ts';
import { catalogue, type CatalogueRow } from '../../src/generated/webex/catalogue.ts';

// Every answer the test client receives is checked against Cisco's documents: a success answer of
// a Webex operation must carry one of the operation's documented success statuses and match its
// generated response schema (required fields, types, enums, formats). Nothing is forgiven: where
// Cisco's document is wrong, scripts/webex-overrides.ts corrects it, with a reason.

const ajv = addFormats.default(new Ajv({ strict: false, allErrors: true }));

// Named component schemas of Cisco's admin document, for the tests that name one.
const admin = JSON.parse(readFileSync(new URL('../../vendor/webex-openapi/webex-admin.json', import.meta.url), 'utf8'));
ajv.addSchema({ $id: 'webex-admin', components: admin.components });

export type WebexSchema = string;

export function assertWebexShape(schema: WebexSchema, value: unknown): void {
  const validate = ajv.getSchema(`webex-admin#/components/schemas/${schema}`);
  assert.ok(validate, `no Webex schema ${schema}`);
  assert.ok(validate(value), `response does not match Webex's ${schema} schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`);
}

const router = FindMyWay({ ignoreTrailingSlash: true, maxParamLength: 4096 });
for (const row of catalogue) router.on(row[0], row[1].replace(/\{(\w+)\}/g, ':$1'), () => {}, { row });

type Operation = { operationId: string; response: Record<number, object> };
const validators = new Map<string, ValidateFunction>();

async function validatorFor(row: CatalogueRow, status: number): Promise<ValidateFunction | undefined> {
  const id = `${row[2]} ${status}`;
  if (!validators.has(id)) {
    const module = await import(`../../src/generated/webex/${tagSlug(row[3])}.ts`);
    const operation: Operation = module.operations[row[2]];
    const schema = operation.response[status];
    if (schema) validators.set(id, ajv.compile(schema));
  }
  return validators.get(id);
}

/** The operation of Cisco's catalogue a request goes to, if any. */
export function operationOf(method: string, url: string): CatalogueRow | undefined {
  const path = new URL(url).pathname;
  const found = router.find(method as 'GET', path);
  return (found?.store as { row: CatalogueRow } | undefined)?.row;
}

/**
 * The ways a success answer breaks its operation's document, minus the known defects. An empty
 * list for anything that is not a success answer of a Webex operation.
 */
export async function webexViolations(method: string, url: string, status: number, contentType: string | null, body: unknown): Promise<string[]> {
  const row = operationOf(method, url);
  if (!row || status < 200 || status >= 300) return [];
  const [, , operationId, , , statuses] = row;
  const problems: string[] = [];
  if (!statuses.includes(status)) problems.push(`status ${status} is not a documented success status (${statuses.join(', ')})`);
  else if (status !== 204 && contentType?.includes('application/json')) {
    const validate = await validatorFor(row, status);
    if (validate && !validate(body)) {
      for (const error of validate.errors ?? []) {
        const field = error.keyword === 'required' ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` : error.instancePath;
        problems.push(`${field || '/'} ${error.message}`);
      }
    }
  }
  return problems;
}
