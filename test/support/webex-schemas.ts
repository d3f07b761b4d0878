import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

// Validates our responses against the schemas of Cisco's own OpenAPI documents
// (test/fixtures/webex-admin-schemas.json), so a wrong type or enum value fails a test.

const fixture = JSON.parse(readFileSync(new URL('../fixtures/webex-admin-schemas.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'webex-admin', components: fixture.components });

export type WebexSchema = string;

export function assertWebexShape(schema: WebexSchema, value: unknown): void {
  const validate = ajv.getSchema(`webex-admin#/components/schemas/${schema}`);
  assert.ok(validate, `no Webex schema ${schema}`);
  assert.ok(validate(value), `response does not match Webex's ${schema} schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`);
}
