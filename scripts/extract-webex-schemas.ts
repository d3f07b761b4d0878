import { readFileSync, writeFileSync } from 'node:fs';

// Copies the component schemas our tests validate responses against out of Cisco's OpenAPI
// documents (github.com/webex/webex-openapi-specs, CC BY 4.0) into test/fixtures.
// Usage: node scripts/extract-webex-schemas.ts <dir holding webex-admin.json and webex-messaging.json>

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/extract-webex-schemas.ts <openapi dir>');

const wanted: Record<string, string[]> = {
  'webex-admin.json': [
    'Person',
    'PersonCollectionResponse',
    'Organization',
    'OrganizationCollectionResponse',
    'License',
    'LicenseCollectionResponse',
    'LicensewithUsers',
    'Users',
    'UserLicensesResponse',
    'SiteResponse',
    'ErrorResponse',
    'ErrorDetail',
  ],
};

const schemas: Record<string, unknown> = {};
for (const [file, names] of Object.entries(wanted)) {
  const doc = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  for (const name of names) {
    const schema = doc.components.schemas[name];
    if (!schema) throw new Error(`${file} has no schema ${name}`);
    schemas[name] = schema;
  }
}
const out = {
  $comment: 'Component schemas from Cisco webex-openapi-specs (public-spec/webex-admin.json), CC BY 4.0, © Cisco. Extracted by scripts/extract-webex-schemas.ts.',
  components: { schemas },
};
writeFileSync('test/fixtures/webex-admin-schemas.json', `${JSON.stringify(out, null, 1)}\n`);
