import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createPerson } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A token's principal is remembered between requests on SQLite (domain/auth/token-service.ts) only
// while the store has not changed: deleting a person, changing their roles or revoking a token
// must take effect on the very next request, never after some time.

const roleId = (role: string) => Buffer.from(`ciscospark://us/ROLE/${role}`).toString('base64url');

for (const dialect of dialects) {
  describe(`A token just used (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server.close());

    it('given a person’s token that answered, when the person is deleted, then the next request with it answers 401', async () => {
      const person = await createPerson(server.admin);
      const api = await clientWithScopes(server.admin, person.id, ['spark:people_read']);
      assert.equal((await api.get('/v1/people/me')).status, 200);
      assert.equal((await api.get('/v1/people/me')).status, 200);
      assert.equal((await server.admin.delete(`/v1/people/${person.id}`)).status, 204);
      assertWebexError(await api.get('/v1/people/me'), 401);
    });

    it('given an administrator’s token that answered, when the administrator role is taken away, then the next request needing it answers 403', async () => {
      const person = await createPerson(server.admin, { roles: [roleId('id_readonly_admin')] });
      const api = await clientWithScopes(server.admin, person.id, ['spark-admin:people_read']);
      assert.equal((await api.get('/v1/people', { max: 1 })).status, 200);
      const current = (await server.admin.get(`/v1/people/${person.id}`)).body;
      const updated = await server.admin.put(`/v1/people/${person.id}`, { emails: current.emails, displayName: current.displayName, roles: [] });
      assert.equal(updated.status, 200, updated.text);
      assertWebexError(await api.get('/v1/people', { max: 1 }), 403);
    });
  });
}
