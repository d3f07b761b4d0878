import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { upload } from '../support/announcements.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createOrganization, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// AI Receptionist for Webex Calling over real HTTP: every success answer is checked against
// Cisco's document by the test client.

const receptionistsOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/aiReceptionists`;
const KB = '/v1/telephony/config/knowledgeBases';
const defaultAction = { actionType: 'PLAY_MESSAGE_AND_DISCONNECT', audioMessageSelection: 'DEFAULT' };
const aiAgent = { guidelines: { welcomeMessage: 'Thanks for calling.', goal: 'Route callers.' } };
const decoded = (id: string) => Buffer.from(id, 'base64url').toString();
const huntGroup = (line: Record<string, unknown>) => ({
  name: unique('Support '),
  callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } },
  agents: [],
  enabled: true,
  ...line,
});

for (const dialect of dialects) {
  describe(`AI Receptionist for Webex Calling API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    const body = (extra: Record<string, unknown> = {}) => ({ name: unique('Front desk '), enabled: true, extension: freeExtension(), defaultAction, aiAgent, ...extra });
    const create = async (extra: Record<string, unknown> = {}) => {
      const reply = await admin.post(receptionistsOf(hq.id), body(extra));
      assert.equal(reply.status, 201, reply.text);
      return `${receptionistsOf(hq.id)}/${reply.body.id}`;
    };
    const get = async (path: string) => {
      const reply = await admin.get(path);
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('creates a receptionist (201 {id}) and shows it whole; the list finds it by name, number and extension', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      const name = unique('Clinic ');
      const path = await create({ name, phoneNumber: number, extension, dialByName: 'Clinic desk', directLineCallerIdName: { directLineCallerIdNameSelection: 'CUSTOM_NAME', customName: 'Clinic' } });
      assert.match(decoded(path.split('/').pop()!), /^ciscospark:\/\/us\/AI_RECEPTIONIST\//);
      const r = await get(path);
      assert.equal(r.name, name);
      assert.equal(r.enabled, true);
      assert.equal(r.phoneNumber, number);
      assert.equal(r.extension, extension);
      assert.ok(r.esn.endsWith(extension));
      assert.equal(r.dialByName, 'Clinic desk');
      assert.deepEqual(r.directLineCallerIdName, { directLineCallerIdNameSelection: 'CUSTOM_NAME', customName: 'Clinic' });
      assert.deepEqual(r.defaultAction, defaultAction);
      assert.equal(r.intentCount, 0);
      assert.match(decoded(r.aiAgent.agentId), /\/AI_AGENT\//);
      assert.equal(r.aiAgent.voice.aiEngine, 'PRO');
      assert.deepEqual(r.aiAgent.guidelines, aiAgent.guidelines);
      assert.equal(r.aiAgent.transparencySettings.enabled, true);
      for (const query of [{ name }, { phoneNumber: number!.slice(-6) }, { phoneNumber: extension }]) {
        const list = await admin.get('/v1/telephony/config/aiReceptionists', { locationId: hq.id, ...query });
        assert.deepEqual(list.body.aiReceptionists.map((x: { name: string; location: { name: string } }) => [x.name, x.location.name]), [[name, hq.name]], JSON.stringify(query));
      }
    });

    it('claims its number and extension: not available to it or to anyone else, and given to nobody else', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      await create({ phoneNumber: number, extension });
      const available = await admin.get(`${receptionistsOf(hq.id)}/availableNumbers`);
      assert.equal(available.status, 200);
      assert.ok(available.body.phoneNumbers.length > 0);
      assert.ok(!available.body.phoneNumbers.some((n: { phoneNumber: string }) => n.phoneNumber === number));
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ extension })), 409, /Extension/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ phoneNumber: number })), 409, /already assigned/);
      const person = await createCallingUser(admin);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ extension: (person as { extension?: string }).extension })), 409);
      assertWebexError(await admin.put(`/v1/people/${person.id}`, { ...person, extension }, { callingData: 'true' }), 409);
      assertWebexError(await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, huntGroup({ extension })), 409, /Extension/);
      assertWebexError(await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, huntGroup({ phoneNumber: number })), 409, /already assigned/);
    });

    it('refuses what the document forbids, with Webex error bodies', async () => {
      const name = unique('Taken ');
      await create({ name });
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ name: name.toUpperCase() })), 409, /already exists/);
      assertWebexError(await admin.post(`${receptionistsOf(hq.id)}/actions/validate/invoke`, { name }), 409);
      assert.equal((await admin.post(`${receptionistsOf(hq.id)}/actions/validate/invoke`, { name: unique('Free ') })).status, 204);
      const { extension: _, ...noLine } = body();
      assertWebexError(await admin.post(receptionistsOf(hq.id), noLine), 400, /phoneNumber or extension/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ phoneNumber: '+19995550100' })), 400, /number inventory/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ extension: '1' })), 400, /extension/i);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ dialByName: 'Café' })), 400, /dialByName/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ defaultAction: { actionType: 'PLAY_MESSAGE_AND_DISCONNECT', audioMessageSelection: 'CUSTOM' } })), 400, /audioFileId/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ defaultAction: { actionType: 'TRANSFER_TO_OPERATOR' } })), 400, /transferToNumber/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ aiAgent: { voice: { aiEngine: 'PRO', displayName: 'nobody' } } })), 400, /voice/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ aiAgent: { knowledgeBaseId: 'nope' } })), 400, /Knowledge Base/);
      assertWebexError(await admin.post(receptionistsOf(hq.id), body({ aiAgent: { guidelines: { goal: 'g'.repeat(3000), guideline: 'g'.repeat(3000) } } })), 400, /5096/);
      assertWebexError(await admin.get(`${receptionistsOf(hq.id)}/nope`), 404);
    });

    it('updates fields one by one, keeps its own extension, and deletes', async () => {
      const path = await create();
      const before = await get(path);
      const name = unique('Renamed ');
      assert.equal((await admin.put(path, { name, extension: before.extension, enabled: false, defaultAction: { actionType: 'TRANSFER_TO_OPERATOR', transferToNumber: '1000' } })).status, 204);
      const after = await get(path);
      assert.equal(after.name, name);
      assert.equal(after.enabled, false);
      assert.equal(after.extension, before.extension);
      assert.deepEqual(after.defaultAction, { actionType: 'TRANSFER_TO_OPERATOR', transferToNumber: '1000' });
      assertWebexError(await admin.put(path, { extension: '' }), 400, /phoneNumber or extension/);
      assert.equal((await admin.delete(path)).status, 204);
      assertWebexError(await admin.get(path), 404);
    });

    it('keeps intents that transfer to a person, a hunt group or call queue, or a number; counts them', async () => {
      const path = await create();
      const person = await createCallingUser(admin);
      const intents = `${path}/intents`;
      const made = await admin.post(intents, { name: 'Billing', description: 'Questions about a bill', transferTo: { contactType: 'PEOPLE', contactId: person.id } });
      assert.equal(made.status, 201, made.text);
      assert.match(decoded(made.body.id), /\/INTENT\//);
      assert.equal((await admin.post(intents, { name: 'Front', description: 'Anything else', transferTo: { contactType: 'PHONE_NUMBER', phoneNumber: '1000' } })).status, 201);
      const intent = await get(`${intents}/${made.body.id}`);
      assert.deepEqual(intent.transferTo, { contactType: 'PEOPLE', contactId: person.id, name: person.displayName, phoneNumber: person.phoneNumber });
      assert.equal(intent.description, 'Questions about a bill');
      assertWebexError(await admin.post(intents, { name: 'billing', description: 'again', transferTo: { contactType: 'PHONE_NUMBER', phoneNumber: '1000' } }), 409);
      assertWebexError(await admin.post(intents, { name: 'X', description: 'x', transferTo: { contactType: 'CONTACT', contactId: 'abc' } }), 400, /CONTACT/);
      assertWebexError(await admin.post(intents, { name: 'Y', description: 'y', transferTo: { contactType: 'PEOPLE', contactId: 'nope' } }), 400, /person/);
      assertWebexError(await admin.post(intents, { name: 'Z', description: 'z', transferTo: { contactType: 'RESOURCE_GROUP', contactId: person.id } }), 400, /hunt group or call queue/);
      assertWebexError(await admin.post(intents, { name: 'W', description: 'w', transferTo: { contactType: 'PHONE_NUMBER' } }), 400, /phoneNumber/);
      const group = await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, huntGroup({ extension: freeExtension() }));
      assert.equal(group.status, 200, group.text);
      assert.equal((await admin.put(`${intents}/${made.body.id}`, { name: 'Support', transferTo: { contactType: 'RESOURCE_GROUP', contactId: group.body.id } })).status, 204);
      const list = await get(intents);
      assert.deepEqual(
        list.intents.map((i: { name: string; transferTo: { contactType: string } }) => [i.name, i.transferTo.contactType]),
        [['Support', 'RESOURCE_GROUP'], ['Front', 'PHONE_NUMBER']],
      );
      assert.equal(list.intents[0].transferTo.contactId, group.body.id);
      assert.equal((await get(path)).intentCount, 2);
      assert.equal((await admin.delete(`${intents}/${made.body.id}`)).status, 204);
      assertWebexError(await admin.get(`${intents}/${made.body.id}`), 404);
      assert.equal((await get(path)).intentCount, 1);
    });

    it('lists templates and voices; validates countries', async () => {
      const templates = await get('/v1/telephony/config/aiReceptionists/templates');
      assert.ok(templates.defaultTransparencyMessage.length > 0);
      assert.ok(templates.templates.length > 0);
      const template = await get(`/v1/telephony/config/aiReceptionists/templates/${templates.templates[0].id}`);
      assert.equal(template.name, templates.templates[0].name);
      assert.ok(template.welcomeMessage.length > 0);
      assertWebexError(await admin.get('/v1/telephony/config/aiReceptionists/templates/nope'), 404);
      const voices = await get(`${receptionistsOf(hq.id)}/voices`);
      assert.deepEqual(voices.aiEngines.map((e: { name: string }) => e.name), ['PRO', 'PRO_US'], 'a US location has both engines');
      const validate = '/v1/telephony/config/aiReceptionists/actions/validateCountry/invoke';
      assert.equal((await admin.post(validate, { countryCode: 'US', locationId: hq.id })).status, 204);
      assertWebexError(await admin.post(validate, { countryCode: 'ZZ' }), 400, /not supported/);
      assertWebexError(await admin.post(validate, { countryCode: 'GB', locationId: hq.id }), 400);
    });

    it('keeps knowledge bases with article and file documents; a receptionist connects one, which then stays', async () => {
      const name = unique('KB ');
      const made = await admin.post(KB, { name, description: 'Clinic facts' });
      assert.equal(made.status, 201, made.text);
      const kb = `${KB}/${made.body.id}`;
      assertWebexError(await admin.post(KB, { name }), 409);
      const article = await admin.post(`${kb}/documents`, { name: 'Hours', content: 'Open 9 to 5.' });
      assert.equal(article.status, 201, article.text);
      assert.match(decoded(article.body.id), /\/KB_DOCUMENT\//);
      const file = await upload(admin, 'POST', `${kb}/documents/actions/upload/invoke`, { fileName: 'faq.txt', content: new TextEncoder().encode('Q: Parking? A: Free.') });
      assert.equal(file.status, 201, file.text);
      assertWebexError(await upload(admin, 'POST', `${kb}/documents/actions/upload/invoke`, { fileName: 'song.mp3', content: new Uint8Array([1, 2]) }), 400, /not supported/);
      const doc = await get(`${kb}/documents/${file.body.id}`);
      assert.deepEqual([doc.knowledgeType, doc.fileName, doc.content, doc.fileSize, doc.status], ['file', 'faq.txt', 'Q: Parking? A: Free.', 20, 'success']);
      const download = await admin.post(`${kb}/documents/${file.body.id}/actions/download/invoke`, {});
      assert.equal(download.status, 200);
      assert.equal(download.text, 'Q: Parking? A: Free.');
      assert.match(download.headers.get('content-disposition') ?? '', /faq\.txt/);
      assert.equal((await admin.put(`${kb}/documents/${article.body.id}`, { content: 'Open 8 to 6.' })).status, 204);
      assert.equal((await admin.post(`${kb}/documents/${article.body.id}/actions/download/invoke`, {})).text, 'Open 8 to 6.');
      assertWebexError(await admin.put(`${kb}/documents/${file.body.id}`, { content: 'x' }), 400);
      const documents = await get(`${kb}/documents`);
      assert.deepEqual(documents.documents.map((d: { name: string }) => d.name).sort(), ['Hours', 'faq.txt']);
      let base = await get(kb);
      assert.deepEqual([base.documentsCount, base.filesCount, base.filesSize, base.mappedBots], [2, 1, 20, []]);
      const path = await create({ aiAgent: { knowledgeBaseId: made.body.id } });
      assert.equal((await get(path)).aiAgent.knowledgeBaseId, made.body.id);
      base = await get(kb);
      assert.deepEqual(base.mappedBots.map((b: { id: string }) => b.id), [path.split('/').pop()]);
      assertWebexError(await admin.delete(kb), 409, /used by/);
      assert.equal((await admin.put(path, { aiAgent: { knowledgeBaseId: '' } })).status, 204);
      assert.equal((await admin.delete(`${kb}/documents/${article.body.id}`)).status, 204);
      assert.equal((await admin.delete(kb)).status, 204);
      assertWebexError(await admin.get(kb), 404);
    });

    it("keeps one organization's receptionists and knowledge bases from another", async () => {
      const path = await create();
      const kb = await admin.post(KB, { name: unique('Private KB ') });
      const other = (await createOrganization(server.anonymous)).admin;
      assertWebexError(await other.get(path), 404);
      assertWebexError(await other.put(path, { name: 'Mine' }), 404);
      assertWebexError(await other.get(`${KB}/${kb.body.id}`), 404);
      assertWebexError(await other.post(`${KB}/${kb.body.id}/documents`, { name: 'x', content: 'y' }), 404);
      assert.deepEqual((await other.get('/v1/telephony/config/aiReceptionists')).body.aiReceptionists, []);
      assert.deepEqual((await other.get(KB)).body.knowledgeBases, []);
    });
  });
}
