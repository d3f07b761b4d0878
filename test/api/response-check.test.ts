import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { operationOf, webexViolations } from '../support/webex-schemas.ts';

// The check the test client runs on every answer (test/support/webex-schemas.ts): it must find a
// broken answer, or every suite's silence would mean nothing.

const base = 'http://127.0.0.1:1';
const org = `${base}/v1/organizations/Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8w`;

describe("the response check against Cisco's schemas", () => {
  it('matches a request to its operation by method and path template, a trailing slash included', () => {
    assert.equal(operationOf('GET', org)?.[2], 'getOrganizationDetails');
    assert.equal(operationOf('GET', `${base}/v1/telephony/calls/`)?.[2], 'listcalls');
    assert.equal(operationOf('GET', `${base}/sandbox/v1/orgs`), undefined);
  });

  it('finds a wrong type, a value outside its enum, a missing required field', async () => {
    assert.deepEqual(await webexViolations('GET', org, 200, 'application/json', { id: 1, displayName: 'x' }), ['/id must be string']);
    const moh = { callHoldEnabled: true, callParkEnabled: true, greeting: 'LOUD' };
    const mohProblems = await webexViolations('GET', `${base}/v1/telephony/config/locations/abc/musicOnHold`, 200, 'application/json', moh);
    assert.deepEqual(mohProblems, ['/greeting must be equal to one of the allowed values']);
    const waiting = await webexViolations('GET', `${base}/v1/people/abc/features/callWaiting`, 200, 'application/json', {});
    assert.deepEqual(waiting, ["/enabled must have required property 'enabled'"]);
  });

  it('finds an undocumented success status, and leaves errors and other paths alone', async () => {
    assert.deepEqual(await webexViolations('GET', org, 201, 'application/json', {}), ['status 201 is not a documented success status (200)']);
    assert.deepEqual(await webexViolations('GET', org, 404, 'application/json', { nothing: true }), []);
    assert.deepEqual(await webexViolations('GET', `${base}/sandbox/v1/orgs`, 200, 'application/json', 42), []);
  });
});
