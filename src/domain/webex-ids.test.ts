import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeId, decodeLicenseId, encodeId, encodeLicenseId } from './webex-ids.ts';

const uuid = 'f5b36187-c8dd-4727-8b2f-f9c447f29046';

describe('Webex IDs', () => {
  it('encodes as unpadded base64url of the ciscospark URI', () => {
    const id = encodeId('PEOPLE', uuid);
    assert.equal(id, 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY');
    assert.equal(decodeId(id, 'PEOPLE'), uuid);
  });
  it('accepts padded input', () => {
    const id = Buffer.from(`ciscospark://us/LOCATION/${uuid}`).toString('base64');
    assert.ok(id.endsWith('='));
    assert.equal(decodeId(id, 'LOCATION'), uuid);
  });
  it('refuses an ID of another type, garbage and non-uuid values', () => {
    assert.equal(decodeId(encodeId('PEOPLE', uuid), 'LOCATION'), undefined);
    assert.equal(decodeId('not an id!', 'PEOPLE'), undefined);
    assert.equal(decodeId(encodeId('PEOPLE', '63715'), 'PEOPLE'), undefined);
    assert.equal(decodeId('', 'PEOPLE'), undefined);
  });
  it('carries organization and type code inside license IDs', () => {
    const orgId = '96abc2aa-3dcc-11e5-a152-fe34819cdc9a';
    const id = encodeLicenseId(orgId, 'BCSTD', uuid);
    assert.equal(Buffer.from(id, 'base64url').toString(), `ciscospark://us/LICENSE/${orgId}:BCSTD_${uuid}`);
    assert.equal(decodeLicenseId(id), uuid);
    assert.equal(decodeLicenseId(encodeId('LICENSE', uuid)), undefined);
  });
});
