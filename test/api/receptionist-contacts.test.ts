import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  clientWithScopes,
  createCallingLocation,
  createCallingUser,
  createLocation,
  createOrganization,
  createPerson,
  defaultLocation,
  licenses,
  unique,
  type Licenses,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const directoriesOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/receptionistContacts/directories`;
const directoryOf = (locationId: string, directoryId: string) => `${directoriesOf(locationId)}/${directoryId}`;

const ghost = (type: string) => Buffer.from(`ciscospark://us/${type}/00000000-0000-4000-8000-000000000000`).toString('base64url');
const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');

/** The demo's extension-only calling user (src/sandbox/demo-organization.ts). */
const CASEY_EMAIL = 'casey.okafor@callplane-demo.example';

type Contact = {
  personId: string;
  firstName?: string;
  lastName?: string;
  department?: string;
  phoneNumber?: string;
  extension?: string;
  locationId: string;
};

for (const dialect of dialects) {
  describe(`Receptionist Contact Directories API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let orgId: string;
    let adminPersonId: string;
    let lic: Licenses;
    /** Calling users: ann (number, department), bob (number), casey (extension only). */
    let ann: Contact;
    let bob: Contact;
    let casey: Contact;
    let plainId: string;

    /** A person as a directory shows them, read from the People API. */
    const asContact = async (personId: string): Promise<Contact> => {
      const p = (await admin.get(`/v1/people/${personId}`, { callingData: true })).body;
      const number = p.phoneNumbers?.find((n: { type: string }) => n.type === 'work')?.value as string | undefined;
      return {
        personId: p.id,
        ...(p.firstName ? { firstName: p.firstName } : {}),
        ...(p.lastName ? { lastName: p.lastName } : {}),
        ...(p.department ? { department: p.department } : {}),
        ...(number ? { phoneNumber: number.replace(/[^+\d]/g, '') } : {}),
        ...(p.extension ? { extension: p.extension } : {}),
        locationId: p.locationId,
      };
    };
    const create = async (contacts: unknown[], name = unique('Dir '), locationId = hq.id) => {
      const reply = await admin.post(directoriesOf(locationId), { name, contacts });
      assert.equal(reply.status, 200, reply.text);
      return reply.body.id as string;
    };
    const names = async (locationId = hq.id, client: Client = admin) => {
      const reply = await client.get(directoriesOf(locationId));
      assert.equal(reply.status, 200, reply.text);
      return reply.body.directories as { id: string; name: string }[];
    };
    const contacts = async (directoryId: string, query: Record<string, string | boolean> = {}, locationId = hq.id) => {
      const reply = await admin.get(directoryOf(locationId, directoryId), query);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.contacts as Contact[];
    };
    const ids = (list: Contact[]) => list.map((c) => c.personId);

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      lic = await licenses(admin);
      const me = (await admin.get('/v1/people/me')).body;
      orgId = me.orgId;
      adminPersonId = me.id;
      ann = await asContact((await createCallingUser(admin, { firstName: 'Annika', lastName: unique('Lee'), department: 'Sales' })).id);
      bob = await asContact((await createCallingUser(admin, { firstName: 'Bob', lastName: unique('Kim') })).id);
      casey = await asContact((await admin.get('/v1/people', { email: CASEY_EMAIL })).body.items[0].id);
      plainId = (await createPerson(admin)).id;
    });
    after(() => server.close());

    describe('creating a directory', () => {
      it('given a name and contacts as {personId}, answers 200 {id} (as Webex does, not 201) and lists the directory', async () => {
        const name = unique('Front desk ');
        const reply = await admin.post(directoriesOf(hq.id), { name, contacts: [{ personId: ann.personId }, { personId: bob.personId }] });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['id']);
        const [, value] = /^ciscospark:\/\/us\/SCIM_GROUP\/(.+)$/.exec(decode(reply.body.id))!;
        assert.equal(Buffer.from(value!.split(':')[0]!, 'base64').toString('utf8'), name, 'Webex carries the name in the ID');
        assert.ok((await names()).some((d) => d.id === reply.body.id && d.name === name));
        assert.deepEqual(ids(await contacts(reply.body.id)), [ann.personId, bob.personId]);
      });

      it('given contacts as bare person IDs, mixed with objects and with type PEOPLE, accepts them', async () => {
        const id = await create([ann.personId, { personId: casey.personId, type: 'PEOPLE' }]);
        assert.deepEqual(ids(await contacts(id)), [ann.personId, casey.personId]);
      });

      it('given the same person twice, lists them once', async () => {
        const id = await create([bob.personId, { personId: bob.personId }, ann.personId]);
        assert.deepEqual(ids(await contacts(id)), [bob.personId, ann.personId]);
      });

      it('given a name already used in the location in any case, answers 409; another location may use it', async () => {
        const name = unique('Taken ');
        await create([ann.personId], name);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: name.toUpperCase(), contacts: [ann.personId] }), 409, /already exists/);
        const branch = await createCallingLocation(admin);
        await create([ann.personId], name, branch.id);
      });

      it('given a name that is empty, blank or longer than 40 characters, answers 400', async () => {
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: '', contacts: [ann.personId] }), 400, /name/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: '   ', contacts: [ann.personId] }), 400, /name/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: 'x'.repeat(41), contacts: [ann.personId] }), 400, /name/);
        await create([ann.personId], unique('y').padEnd(40, 'y'));
      });

      it('given no contacts, an empty list or contacts of the wrong type, answers 400', async () => {
        const before = await names();
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('D') }), 400, /contacts/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('D'), contacts: [] }), 400, /contacts/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('D'), contacts: [42] }), 400, /contacts/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('D'), contacts: ann.personId }), 400, /contacts/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: 7, contacts: [ann.personId] }), 400, /name/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('D'), contacts: [{}] }), 400, /personId/);
        assert.deepEqual(await names(), before);
      });

      it('given a location feature (featureId), answers 400: Callplane has no features', async () => {
        const reply = await admin.post(directoriesOf(hq.id), {
          name: unique('Features '),
          contacts: [{ personId: ann.personId }, { featureId: ghost('AUTO_ATTENDANT'), type: 'AUTO_ATTENDANT' }],
        });
        assertWebexError(reply, 400, /feature .* not found/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('T'), contacts: [{ personId: ann.personId, type: 'CALL_QUEUE' }] }), 400, /type/);
      });

      it('given a person without Webex Calling, an unknown person or a malformed ID, answers 400 and creates nothing', async () => {
        const before = await names();
        const name = unique('Bad ');
        assertWebexError(await admin.post(directoriesOf(hq.id), { name, contacts: [ann.personId, plainId] }), 400, /does not have Webex Calling/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name, contacts: [ghost('PEOPLE')] }), 400, /not a person of this organization/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name, contacts: ['nonsense'] }), 400, /not a person ID/);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name, contacts: [hq.id] }), 400, /not a person ID/);
        assert.deepEqual(await names(), before);
      });

      it('given a location not enabled for calling, answers 400; an unknown location, 404', async () => {
        const plain = await createLocation(admin);
        assertWebexError(await admin.post(directoriesOf(plain.id), { name: 'D', contacts: [ann.personId] }), 400, /not enabled for Webex Calling/);
        assertWebexError(await admin.get(directoriesOf(plain.id)), 400, /not enabled for Webex Calling/);
        assertWebexError(await admin.post(directoriesOf(ghost('LOCATION')), { name: 'D', contacts: [ann.personId] }), 404, /Location not found/);
        assertWebexError(await admin.get(directoriesOf('nonsense')), 404);
      });
    });

    describe('listing directories', () => {
      it('given several directories, answers all of them {id, name} by name, without paging', async () => {
        const branch = await createCallingLocation(admin);
        assert.deepEqual(await names(branch.id), []);
        const b = await create([ann.personId], 'beta', branch.id);
        const a = await create([ann.personId], 'Alpha', branch.id);
        const c = await create([ann.personId], 'gamma', branch.id);
        const reply = await admin.get(directoriesOf(branch.id), { max: 1 });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, {
          directories: [
            { id: a, name: 'Alpha' },
            { id: b, name: 'beta' },
            { id: c, name: 'gamma' },
          ],
        });
        assert.equal(nextLink(reply.headers), undefined);
        assert.ok(!(await names()).some((d) => [a, b, c].includes(d.id)), 'another location’s directories are not listed');
      });
    });

    describe('reading a directory', () => {
      let directory: string;
      before(async () => {
        directory = await create([ann, bob, casey].map((c) => ({ personId: c.personId })));
      });

      it('given a directory, answers the contacts in the order given with the people’s details', async () => {
        const reply = await admin.get(directoryOf(hq.id, directory));
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, { contacts: [ann, bob, casey] });
        assert.equal(ann.department, 'Sales');
        assert.equal(ann.locationId, hq.id);
        assert.equal(casey.phoneNumber, undefined, 'an extension-only user has no phoneNumber');
        assert.doesNotMatch(reply.text, /null/);
      });

      it('given firstName, lastName, phoneNumber, extension or personId, answers the contacts matching all of them', async () => {
        assert.deepEqual(ids(await contacts(directory, { firstName: 'ann' })), [ann.personId]);
        assert.deepEqual(ids(await contacts(directory, { lastName: bob.lastName! })), [bob.personId]);
        assert.deepEqual(ids(await contacts(directory, { phoneNumber: ann.phoneNumber! })), [ann.personId]);
        assert.deepEqual(ids(await contacts(directory, { phoneNumber: ann.phoneNumber!.slice(2) })), [ann.personId], 'national digits');
        assert.deepEqual(ids(await contacts(directory, { extension: casey.extension! })), [casey.personId]);
        assert.deepEqual(ids(await contacts(directory, { personId: bob.personId })), [bob.personId]);
        assert.deepEqual(ids(await contacts(directory, { firstName: 'Annika', lastName: bob.lastName! })), []);
        assert.deepEqual(ids(await contacts(directory, { firstName: 'Nobody' })), []);
      });

      it('given searchCriteriaModeOr=true, answers the contacts matching any criterion', async () => {
        const either = await contacts(directory, { searchCriteriaModeOr: true, firstName: 'Annika', lastName: bob.lastName! });
        assert.deepEqual(ids(either), [ann.personId, bob.personId]);
      });

      it('given searchCriteriaModeOr=false, true without criteria, or not a boolean, answers 400', async () => {
        assertWebexError(await admin.get(directoryOf(hq.id, directory), { searchCriteriaModeOr: false, firstName: 'Annika' }), 400, /only be true/);
        assertWebexError(await admin.get(directoryOf(hq.id, directory), { searchCriteriaModeOr: true }), 400, /at least one/);
        assertWebexError(await admin.get(directoryOf(hq.id, directory), { searchCriteriaModeOr: 'maybe' }), 400, /searchCriteriaModeOr/);
        assertWebexError(await admin.get(directoryOf(hq.id, directory), { personId: 'nonsense' }), 400, /personId/);
      });

      it('given a person’s details change, shows the new details (live, not a copy)', async () => {
        const user = await createCallingUser(admin, { firstName: 'Before', department: 'Ops' });
        const id = await create([user.id]);
        const current = (await admin.get(`/v1/people/${user.id}`, { callingData: true })).body;
        const changed = await admin.put(`/v1/people/${user.id}`, { ...current, firstName: 'After', department: 'Support' }, { callingData: true });
        assert.equal(changed.status, 200, changed.text);
        const [contact] = await contacts(id);
        assert.deepEqual([contact!.firstName, contact!.department], ['After', 'Support']);
      });

      it('given a listed person is deleted, then they leave every directory', async () => {
        const user = await createCallingUser(admin);
        const first = await create([ann.personId, user.id]);
        const second = await create([user.id, bob.personId]);
        assert.equal((await admin.delete(`/v1/people/${user.id}`)).status, 204);
        assert.deepEqual(ids(await contacts(first)), [ann.personId]);
        assert.deepEqual(ids(await contacts(second)), [bob.personId]);
      });

      it('given a listed person loses Webex Calling, then they are not shown', async () => {
        const user = await createCallingUser(admin);
        const id = await create([user.id, ann.personId]);
        const removed = await admin.patch('/v1/licenses/users', { personId: user.id, licenses: [{ id: lic.professional, operation: 'remove' }] });
        assert.equal(removed.status, 200, removed.text);
        assert.deepEqual(ids(await contacts(id)), [ann.personId]);
      });

      it('given an unknown directory, one of another location or a malformed ID, answers 404', async () => {
        const branch = await createCallingLocation(admin);
        const elsewhere = await create([ann.personId], unique('Elsewhere '), branch.id);
        assertWebexError(await admin.get(directoryOf(hq.id, elsewhere)), 404, /directory not found/);
        assertWebexError(await admin.get(directoryOf(hq.id, ghost('SCIM_GROUP'))), 404);
        assertWebexError(await admin.get(directoryOf(hq.id, 'nonsense')), 404);
        assertWebexError(await admin.get(directoryOf(hq.id, ann.personId)), 404);
        assertWebexError(await admin.get(directoryOf(ghost('LOCATION'), directory)), 404, /Location not found/);
      });
    });

    describe('modifying a directory', () => {
      it('given a new name and contacts as bare IDs, answers 200 {id} and replaces the whole list', async () => {
        const id = await create([ann.personId, bob.personId], unique('Old '));
        const name = unique('New ');
        const reply = await admin.put(directoryOf(hq.id, id), { name, contacts: [casey.personId] });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['id']);
        const renamed = reply.body.id as string;
        assert.notEqual(renamed, id, 'the ID carries the name');
        assert.deepEqual(ids(await contacts(renamed)), [casey.personId]);
        assert.deepEqual(ids(await contacts(id)), [casey.personId], 'the ID issued before the rename still works');
        assert.deepEqual(
          (await names()).filter((d) => d.id === renamed),
          [{ id: renamed, name }],
        );
      });

      it('given contacts as objects and the same name in another case, answers 200', async () => {
        const name = unique('Same ');
        const id = await create([ann.personId], name);
        const reply = await admin.put(directoryOf(hq.id, id), { name: name.toUpperCase(), contacts: [{ personId: bob.personId }] });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(ids(await contacts(id)), [bob.personId]);
      });

      it('given the name of another directory of the location, answers 409 and changes nothing', async () => {
        const taken = unique('Taken ');
        await create([ann.personId], taken);
        const name = unique('Mine ');
        const id = await create([ann.personId], name);
        assertWebexError(await admin.put(directoryOf(hq.id, id), { name: taken, contacts: [bob.personId] }), 409, /already exists/);
        assert.deepEqual(ids(await contacts(id)), [ann.personId]);
        assert.ok((await names()).some((d) => d.name === name));
      });

      it('given a body without name or contacts, an empty list, a feature or a person without calling, answers 400 and changes nothing', async () => {
        const name = unique('Stable ');
        const id = await create([ann.personId], name);
        assertWebexError(await admin.put(directoryOf(hq.id, id), { contacts: [bob.personId] }), 400, /name/);
        assertWebexError(await admin.put(directoryOf(hq.id, id), { name }), 400, /contacts/);
        assertWebexError(await admin.put(directoryOf(hq.id, id), { name, contacts: [] }), 400, /contacts/);
        assertWebexError(await admin.put(directoryOf(hq.id, id), { name, contacts: [{ featureId: ghost('HUNT_GROUP') }] }), 400, /feature/);
        assertWebexError(await admin.put(directoryOf(hq.id, id), { name, contacts: [bob.personId, plainId] }), 400, /Webex Calling/);
        assert.deepEqual(ids(await contacts(id)), [ann.personId]);
      });

      it('given an unknown directory, answers 404', async () => {
        assertWebexError(await admin.put(directoryOf(hq.id, ghost('SCIM_GROUP')), { name: 'x', contacts: [ann.personId] }), 404);
      });
    });

    describe('deleting a directory', () => {
      it('given a directory, answers 204 and it is gone; a second delete is 404', async () => {
        const id = await create([ann.personId]);
        const reply = await admin.delete(directoryOf(hq.id, id));
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        assertWebexError(await admin.get(directoryOf(hq.id, id)), 404);
        assert.ok(!(await names()).some((d) => d.id === id));
        assertWebexError(await admin.delete(directoryOf(hq.id, id)), 404);
      });

      it('given the people of a deleted directory, they are untouched', async () => {
        const id = await create([ann.personId]);
        assert.equal((await admin.delete(directoryOf(hq.id, id))).status, 204);
        assert.equal((await admin.get(`/v1/people/${ann.personId}`)).status, 200);
      });
    });

    describe('isolation and scopes', () => {
      it('given another organization’s location, directory or people, answers 404 (400 for a contact) and leaves theirs alone', async () => {
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        const theirUser = await createCallingUser(other.admin);
        const created = await other.admin.post(directoriesOf(theirHq.id), { name: 'Theirs', contacts: [theirUser.id] });
        assert.equal(created.status, 200, created.text);
        const theirs = created.body.id;
        assertWebexError(await admin.get(directoriesOf(theirHq.id)), 404);
        assertWebexError(await admin.post(directoriesOf(theirHq.id), { name: 'x', contacts: [ann.personId] }), 404);
        assertWebexError(await admin.get(directoryOf(theirHq.id, theirs)), 404);
        assertWebexError(await admin.get(directoryOf(hq.id, theirs)), 404);
        assertWebexError(await admin.put(directoryOf(hq.id, theirs), { name: 'Mine', contacts: [ann.personId] }), 404);
        assertWebexError(await admin.delete(directoryOf(theirHq.id, theirs)), 404);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('X'), contacts: [theirUser.id] }), 400, /not a person of this organization/);
        const still = await other.admin.get(directoryOf(theirHq.id, theirs));
        assert.deepEqual(
          still.body.contacts.map((c: Contact) => c.personId),
          [theirUser.id],
        );
      });

      it('given orgId of another organization, answers 403 on every operation', async () => {
        const other = await createOrganization(server.anonymous);
        const query = { orgId: other.orgId };
        const id = await create([ann.personId]);
        assertWebexError(await admin.post(directoriesOf(hq.id), { name: unique('X'), contacts: [ann.personId] }, query), 403);
        assertWebexError(await admin.get(directoriesOf(hq.id), query), 403);
        assertWebexError(await admin.get(directoryOf(hq.id, id), query), 403);
        assertWebexError(await admin.put(directoryOf(hq.id, id), { name: 'x', contacts: [bob.personId] }, query), 403);
        assertWebexError(await admin.delete(directoryOf(hq.id, id), undefined, query), 403);
        assert.deepEqual(ids(await contacts(id)), [ann.personId]);
      });

      it('given orgId of its own organization, answers as without it', async () => {
        const reply = await admin.get(directoriesOf(hq.id), { orgId });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, (await admin.get(directoriesOf(hq.id))).body);
      });

      it('given a token with only spark-admin:telephony_config_read, reads but cannot write', async () => {
        const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read']);
        const id = await create([ann.personId]);
        assert.equal((await reader.get(directoriesOf(hq.id))).status, 200);
        assert.equal((await reader.get(directoryOf(hq.id, id))).status, 200);
        assertWebexError(await reader.post(directoriesOf(hq.id), { name: unique('R'), contacts: [ann.personId] }), 403);
        assertWebexError(await reader.put(directoryOf(hq.id, id), { name: 'x', contacts: [bob.personId] }), 403);
        assertWebexError(await reader.delete(directoryOf(hq.id, id)), 403);
        assert.deepEqual(ids(await contacts(id)), [ann.personId]);
      });

      it('given a token without spark-admin:telephony_config_read, cannot read', async () => {
        const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_write']);
        const created = await writer.post(directoriesOf(hq.id), { name: unique('W'), contacts: [ann.personId] });
        assert.equal(created.status, 200, created.text);
        assertWebexError(await writer.get(directoriesOf(hq.id)), 403);
        assertWebexError(await writer.get(directoryOf(hq.id, created.body.id)), 403);
        assert.equal((await writer.put(directoryOf(hq.id, created.body.id), { name: unique('W'), contacts: [bob.personId] })).status, 200);
        assert.equal((await writer.delete(directoryOf(hq.id, created.body.id))).status, 204);
      });

      it('given no token or an unknown token, answers 401', async () => {
        const id = await create([ann.personId]);
        for (const client of [server.anonymous, server.anonymous.withToken('not-a-real-token')]) {
          assertWebexError(await client.get(directoriesOf(hq.id)), 401);
          assertWebexError(await client.post(directoriesOf(hq.id), { name: 'x', contacts: [ann.personId] }), 401);
          assertWebexError(await client.get(directoryOf(hq.id, id)), 401);
          assertWebexError(await client.put(directoryOf(hq.id, id), { name: 'x', contacts: [ann.personId] }), 401);
          assertWebexError(await client.delete(directoryOf(hq.id, id)), 401);
        }
      });
    });
  });
}
