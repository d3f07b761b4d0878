import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CALL_SCOPES } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createPerson, defaultLocation, freeNumbers, unique, usNational } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Call Settings For Me that show a person what the administrator set for them: each read with the
// person's own token answers what the admin path of that person answers.

const ME = '/v1/telephony/config/people/me';

for (const dialect of dialects) {
  describe(`Call Settings For Me: profile, recording, codes, services, numbers, countries (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let ann: { id: string; api: Client; body: any; number: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      const [number] = await freeNumbers(admin, hq.id);
      const person = await createCallingUser(admin, { firstName: unique('Ann'), lastName: 'Lee', phoneNumbers: [{ type: 'work', value: usNational(number!) }] });
      ann = { id: person.id, body: person, number: number!, api: await clientWithScopes(admin, person.id, CALL_SCOPES) };
    });
    after(() => server.close());

    it('given a calling person, when they read their profile, then it shows their names, location, line and client links', async () => {
      const reply = await ann.api.get(ME);
      assert.equal(reply.status, 200, reply.text);
      const p = reply.body;
      assert.deepEqual([p.id, p.firstName, p.lastName, p.email, p.location], [ann.id, ann.body.firstName, 'Lee', ann.body.emails[0], { id: hq.id, name: hq.name }]);
      assert.deepEqual([p.phoneNumbers[0].directNumber, p.phoneNumbers[0].extension, p.phoneNumbers[0].primary], [ann.number, ann.body.extension, true]);
      assert.equal(p.emergencyCallBackNumber, ann.number, 'a line with a number is its own emergency callback number');
      assert.match(p.receptionistUrl, /\/console$/);
      assert.equal(p.supportMobility, false);
    });

    it('given the administrator sets the person’s recording, when they read theirs, then they see the mode and the vendor', async () => {
      assert.equal((await admin.put(`/v1/people/${ann.id}/features/callRecording`, { enabled: true, record: 'Always', repeat: { enabled: true, interval: 30 } })).status, 204);
      const reply = await ann.api.get(`${ME}/settings/callRecording`);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual([reply.body.enabled, reply.body.recordingMode, reply.body.warningToneEnabled, reply.body.warningToneDuration, reply.body.vendor.name], [true, 'Always', true, 30, 'Webex']);
      const vendors = await admin.get('/v1/telephony/config/callRecording/vendors');
      assert.equal(reply.body.vendor.id, vendors.body.vendorId);
    });

    it('lists the person’s feature access codes and the calling services the admin path lists for them', async () => {
      const codes = await ann.api.get(`${ME}/settings/featureAccessCode`);
      assert.equal(codes.status, 200, codes.text);
      assert.ok(codes.body.featureAccessCodeList.some((c: { code: string; name: string }) => c.code === '*78' && /Do Not Disturb/.test(c.name)));
      const services = await ann.api.get(`${ME}/settings/services`);
      assert.equal(services.status, 200, services.text);
      assert.deepEqual(services.body, (await admin.get(`/v1/telephony/config/people/${ann.id}/services`)).body);
    });

    it('lists the guest calling numbers (the location’s main number and the person’s) and the contact center line', async () => {
      const guest = await ann.api.get(`${ME}/settings/guestCalling/numbers`);
      assert.equal(guest.status, 200, guest.text);
      assert.deepEqual(guest.body.phoneNumbers.map((n: { isMainNumber: boolean }) => n.isMainNumber), [true, false]);
      assert.equal(guest.body.phoneNumbers[1].phoneNumber, ann.number);
      const cc = await ann.api.get(`${ME}/settings/contactCenterExtensions`);
      assert.equal(cc.status, 200, cc.text);
      const endpoints = (await ann.api.get(`${ME}/endpoints`)).body.endpoints;
      assert.deepEqual(cc.body.ccExtensions.map((e: any) => [e.directNumber, e.extension, e.lineOwnerId, e.endpoints[0].id]), [[ann.number, ann.body.extension, ann.id, endpoints[0].id]]);
      assert.deepEqual(cc.body.endpoints.map((e: any) => [e.id, e.status]), [[endpoints[0].id, 'CONNECTED']]);
    });

    it('answers a country’s address requirements alike for the person and the administrator; an unknown code is a 400', async () => {
      const mine = await ann.api.get(`${ME}/countries/US`);
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual([mine.body.stateRequired, mine.body.zipCodeRequired], [true, true]);
      assert.ok(mine.body.states.some((s: { code: string; name: string }) => s.code === 'TX' && s.name === 'Texas'));
      assert.ok(mine.body.timeZones.includes('America/Chicago'));
      assert.deepEqual((await admin.get('/v1/telephony/config/countries/us')).body, mine.body);
      const france = await admin.get('/v1/telephony/config/countries/FR');
      assert.deepEqual(france.body, { stateRequired: false, zipCodeRequired: false, states: [], timeZones: ['Europe/Paris'] });
      assertWebexError(await admin.get('/v1/telephony/config/countries/ZZ'), 400);
      assertWebexError(await ann.api.get(`${ME}/countries/XX`), 400);
    });

    it('given a person without Webex Calling, their profile is refused', async () => {
      const plain = await createPerson(admin);
      const api = await clientWithScopes(admin, plain.id, CALL_SCOPES);
      const reply = await api.get(ME);
      assert.ok([403, 404].includes(reply.status), reply.text);
    });
  });
}
