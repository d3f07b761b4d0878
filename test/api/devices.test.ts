import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const VALIDATE = '/v1/telephony/config/devices/actions/validateMacs/invoke';

for (const dialect of dialects) {
  describe(`Device Call Settings API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    it("validates a list of MAC addresses: each one's state, OK only when all are available", async () => {
      const ok = await admin.post(VALIDATE, { macs: ['ab125678cdef', '00:1B:54:12:34:56'] });
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body, {
        status: 'OK',
        macStatus: [
          { mac: 'ab125678cdef', state: 'AVAILABLE' },
          { mac: '00:1B:54:12:34:56', state: 'AVAILABLE' },
        ],
      });
      const errors = await admin.post(VALIDATE, { macs: ['ab125678cdef', 'AB-12-56-78-CD-EF', 'xyz'] });
      assert.equal(errors.status, 200, errors.text);
      assert.equal(errors.body.status, 'ERRORS');
      assert.deepEqual(
        errors.body.macStatus.map((m: { state: string }) => m.state),
        ['AVAILABLE', 'DUPLICATE_IN_LIST', 'INVALID'],
      );
    });

    it('refuses an empty or too long list, and a token without the write scope', async () => {
      assertWebexError(await admin.post(VALIDATE, { macs: [] }), 400);
      assertWebexError(await admin.post(VALIDATE, {}), 400);
      assertWebexError(await admin.post(VALIDATE, { macs: Array.from({ length: 101 }, (_, i) => `0000000001${String(i).padStart(2, '0')}`) }), 400);
      const user = await createCallingUser(admin);
      const token = await admin.post('/sandbox/v1/tokens', { personId: user.id, scopes: ['spark:people_read'] });
      assertWebexError(await admin.withToken(token.body.access_token).post(VALIDATE, { macs: ['ab125678cdef'] }), 403);
    });
  });
}
