import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { demoCallers } from '../support/calls.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const ORG = '/v1/telephony/config/callRouting/translationPatterns';
const at = (locationId: string) => `/v1/telephony/config/locations/${locationId}/callRouting/translationPatterns`;
const TEST = '/v1/telephony/config/actions/testCallRouting/invoke';

for (const dialect of dialects) {
  describe(`Call Routing: translation patterns and testCallRouting (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates organization and location patterns (201 {id}), shows, lists by level, modifies and deletes them', async () => {
      const org = await admin.post(ORG, { name: unique('CHN '), matchingPattern: '+91[2-7]XX21', replacementPattern: '+91352133' });
      assert.equal(org.status, 201, org.text);
      assert.match(Buffer.from(org.body.id, 'base64url').toString(), /TRANSLATION_PATTERN\//);
      const local = await admin.post(at(hq.id), { name: unique('Local '), matchingPattern: '9XXXX', replacementPattern: '+1408555XXXX' });
      assert.equal(local.status, 201, local.text);

      const one = await admin.get(`${ORG}/${org.body.id}`);
      assert.equal(one.status, 200, one.text);
      assert.equal(one.body.matchingPattern, '+91[2-7]XX21');
      assert.equal((await admin.get(`${at(hq.id)}/${local.body.id}`)).body.replacementPattern, '+1408555XXXX');
      // Each level's path reaches only its own patterns.
      assertWebexError(await admin.get(`${ORG}/${local.body.id}`), 404);
      assertWebexError(await admin.get(`${at(hq.id)}/${org.body.id}`), 404);

      const all = (await admin.get(ORG)).body.translationPatterns as { id: string; level: string; location?: { id: string; name: string } }[];
      const mine = all.filter((p) => p.id === org.body.id || p.id === local.body.id);
      assert.equal(mine.length, 2);
      assert.equal(mine.find((p) => p.id === org.body.id)!.level, 'Organization');
      assert.deepEqual(mine.find((p) => p.id === local.body.id)!.location, { id: hq.id, name: hq.name });
      const orgOnly = (await admin.get(ORG, { limitToOrgLevelEnabled: 'true' })).body.translationPatterns as { id: string }[];
      assert.ok(orgOnly.some((p) => p.id === org.body.id) && !orgOnly.some((p) => p.id === local.body.id));
      const hqOnly = (await admin.get(ORG, { limitToLocationId: hq.id })).body.translationPatterns as { id: string }[];
      assert.ok(hqOnly.some((p) => p.id === local.body.id) && !hqOnly.some((p) => p.id === org.body.id));
      const byPattern = (await admin.get(ORG, { matchingPattern: '9XXXX' })).body.translationPatterns as { id: string }[];
      assert.deepEqual(byPattern.map((p) => p.id), [local.body.id]);

      assert.equal((await admin.put(`${ORG}/${org.body.id}`, { replacementPattern: '+91352134' })).status, 204);
      const changed = (await admin.get(`${ORG}/${org.body.id}`)).body;
      assert.equal(changed.replacementPattern, '+91352134');
      assert.equal(changed.matchingPattern, '+91[2-7]XX21');
      assert.equal((await admin.delete(`${at(hq.id)}/${local.body.id}`)).status, 204);
      assertWebexError(await admin.get(`${at(hq.id)}/${local.body.id}`), 404);
      assert.equal((await admin.delete(`${ORG}/${org.body.id}`)).status, 204);
    });

    it('lists sorted by name and paged with max, start and a next link', async () => {
      const prefix = unique('Sort ');
      for (const [name, pattern] of [['b', '71XX'], ['a', '72XX'], ['c', '73XX']]) {
        assert.equal((await admin.post(ORG, { name: `${prefix}${name}`, matchingPattern: pattern, replacementPattern: '1000' })).status, 201);
      }
      const desc = (await admin.get(ORG, { name: prefix, order: 'name-desc' })).body.translationPatterns as { name: string }[];
      assert.deepEqual(desc.map((p) => p.name.slice(-1)), ['c', 'b', 'a']);
      const first = await admin.get(ORG, { name: prefix, max: 2 });
      assert.equal(first.body.translationPatterns.length, 2);
      assert.match(first.headers.get('link') ?? '', /rel="next"/);
      const second = await admin.get(ORG, { name: prefix, max: 2, start: 2 });
      assert.deepEqual(second.body.translationPatterns.map((p: { name: string }) => p.name.slice(-1)), ['c']);
      assertWebexError(await admin.get(ORG, { order: 'matchingPattern' }), 400);
    });

    it('refuses bad patterns (400), a name or matching pattern taken at the level (409), and unknown locations (404)', async () => {
      assertWebexError(await admin.post(ORG, { name: 'x', matchingPattern: '12!3', replacementPattern: '1' }), 400, /only come last/);
      assertWebexError(await admin.post(ORG, { name: 'x', matchingPattern: '1X', replacementPattern: 'XX' }), 400, /2 X/);
      assertWebexError(await admin.post(ORG, { name: '', matchingPattern: '1X', replacementPattern: '1' }), 400);
      assertWebexError(await admin.post(ORG, { name: 'x', matchingPattern: '1X' }), 400);
      const name = unique('Taken ');
      assert.equal((await admin.post(ORG, { name, matchingPattern: '555X', replacementPattern: '1' })).status, 201);
      assertWebexError(await admin.post(ORG, { name: name.toUpperCase(), matchingPattern: '556X', replacementPattern: '1' }), 409);
      assertWebexError(await admin.post(ORG, { name: unique('Other '), matchingPattern: '555X', replacementPattern: '2' }), 409);
      // The same name and pattern are free at a location level.
      assert.equal((await admin.post(at(hq.id), { name, matchingPattern: '555X', replacementPattern: '1' })).status, 201);
      assertWebexError(await admin.post(at('Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA'), { name, matchingPattern: '5X', replacementPattern: '1' }), 404);
      const bad = await admin.post(ORG, { name: unique('Bad '), matchingPattern: '557X', replacementPattern: '1' });
      assertWebexError(await admin.put(`${ORG}/${bad.body.id}`, { matchingPattern: '[9-1]' }), 400);
      assertWebexError(await admin.put(`${ORG}/${bad.body.id}`, { matchingPattern: '555X' }), 409);
    });

    it('testCallRouting answers where a person’s call would go: an extension, a translated number, a PSTN number', async () => {
      const { alex, blair } = await demoCallers(admin);
      const ext = await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE', destination: blair.extension });
      assert.equal(ext.status, 200, ext.text);
      assert.equal(ext.body.destinationType, 'HOSTED_AGENT');
      assert.equal(ext.body.isRejected, false);
      assert.equal(ext.body.hostedAgent.id, blair.id);
      assert.equal(ext.body.hostedAgent.type, 'PEOPLE');
      assert.equal(ext.body.hostedAgent.extension, blair.extension);

      const name = unique('To Blair ');
      assert.equal((await admin.post(at(hq.id), { name, matchingPattern: '*4XX', replacementPattern: blair.extension })).status, 201);
      const translated = await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE', destination: '*412', includeAppliedServices: true });
      assert.equal(translated.status, 200, translated.text);
      assert.equal(translated.body.destinationType, 'HOSTED_AGENT');
      assert.equal(translated.body.routingAddress, blair.extension);
      assert.deepEqual(translated.body.appliedServices, [
        { translationPattern: { configurationLevel: 'LOCATION', name, matchingPattern: '*4XX', replacementPattern: blair.extension, matchedNumber: '*412', translatedNumber: blair.extension } },
      ]);

      const pstn = await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE', destination: '+442071234567' });
      assert.equal(pstn.body.destinationType, 'PSTN_NUMBER');
      assert.equal(pstn.body.routingAddress, '+442071234567');
      const unknown = await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE', destination: '98765' });
      assert.equal(unknown.body.destinationType, 'UNKNOWN_EXTENSION');
      assert.equal(unknown.body.isRejected, true);
      const emergency = await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE', destination: '911' });
      assert.equal(emergency.body.destinationType, 'EMERGENCY');
    });

    it('testCallRouting shows a dial plan taking an external number (PBX_USER), and a call arriving on a trunk', async () => {
      const { alex, blair } = await demoCallers(admin);
      const branch = await createCallingLocation(admin);
      const trunk = await admin.post('/v1/telephony/config/premisePstn/trunks', { name: unique('T').slice(0, 20), locationId: branch.id, trunkType: 'REGISTERING', password: 'Secret#2024x' });
      assert.equal(trunk.status, 201, trunk.text);
      const plan = await admin.post('/v1/telephony/config/premisePstn/dialPlans', { name: unique('PBX '), routeId: trunk.body.id, routeType: 'TRUNK', dialPatterns: ['+1650555XXXX'] });
      assert.equal(plan.status, 201, plan.text);
      const pbx = await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE', destination: '+16505551234' });
      assert.equal(pbx.status, 200, pbx.text);
      assert.equal(pbx.body.destinationType, 'PBX_USER');
      assert.equal(pbx.body.pbxUser.dialPlanId, plan.body.id);
      assert.equal(pbx.body.pbxUser.dialPattern, '+1650555XXXX');
      assert.equal(pbx.body.pbxUser.trunkId, trunk.body.id);
      assert.equal(pbx.body.pbxUser.trunkLocationId, branch.id);
      assert.equal(pbx.body.callSourceInfo.callSourceType, 'DIAL_PATTERN');

      const inbound = await admin.post(TEST, { originatorId: trunk.body.id, originatorType: 'TRUNK', originatorNumber: '+16505551234', destination: blair.number ?? blair.extension });
      assert.equal(inbound.status, 200, inbound.text);
      assert.equal(inbound.body.destinationType, 'HOSTED_AGENT');
      assert.equal(inbound.body.hostedAgent.id, blair.id);
    });

    it('testCallRouting refuses originators that are not the organization’s (400) and bad bodies', async () => {
      const { alex } = await demoCallers(admin);
      assertWebexError(await admin.post(TEST, { originatorId: hq.id, originatorType: 'PEOPLE', destination: '1000' }), 400);
      assertWebexError(await admin.post(TEST, { originatorId: alex.id, originatorType: 'TRUNK', destination: '1000' }), 400);
      assertWebexError(await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE' }), 400);
      assertWebexError(await admin.post(TEST, { originatorId: alex.id, originatorType: 'PEOPLE', destination: '  ' }), 400);
    });
  });
}
