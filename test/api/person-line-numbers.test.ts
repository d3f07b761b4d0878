import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, defaultLocation, freeNumbers } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The available-number lists of a person's settings: their calling location's inventory through
// the location lists' rules (numbers nobody holds for fax and secondary lines, held ones for
// forwarding and emergency callback).

const PEOPLE = '/v1/telephony/config/people';

for (const dialect of dialects) {
  describe(`a person's available numbers (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('lists free numbers for fax and a secondary line, held ones for forwarding and emergency callback', async () => {
      const person = await createCallingUser(admin);
      const held = (await createCallingUser(admin)).phoneNumber;
      const [free] = await freeNumbers(admin, hq.id);
      const numbers = async (list: string, phoneNumber: string) => {
        const reply = await admin.get(`${PEOPLE}/${person.id}/${list}/availableNumbers`, { phoneNumber });
        assert.equal(reply.status, 200, reply.text);
        return reply.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber);
      };
      assert.deepEqual(await numbers('faxMessage', free!), [free]);
      assert.deepEqual(await numbers('secondary', free!), [free]);
      assert.deepEqual(await numbers('faxMessage', held!), []);
      assert.deepEqual(await numbers('callForwarding', held!), [held]);
      assert.deepEqual(await numbers('callForwarding', free!), []);
      assert.deepEqual(await numbers('emergencyCallbackNumber', held!), [held]);
      assertWebexError(await admin.get(`${PEOPLE}/nobody/faxMessage/availableNumbers`), 404);
    });
  });
}
