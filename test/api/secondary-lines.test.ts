import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CALL_SCOPES } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingUser, createOrganization, freeExtension, unique } from '../support/factories.ts';
import { createDevice, memberLine } from '../support/devices.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Call Settings For Me on a secondary line: a person who carries another's line (on their Webex
// App or one of their phones) reads and changes that line's settings through
// /people/me/settings/secondaryLines/{lineOwnerId}/…, the same documents the administrator's
// person paths and the owner's own /people/me paths show.

const ME = '/v1/telephony/config/people/me/settings';
const SCOPES = CALL_SCOPES;
const line = memberLine;

for (const dialect of dialects) {
  describe(`Call Settings For Me: secondary lines (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
    });
    after(() => server.close());

    /** A carrier with the owner's line on their Webex App, and the carrier's own token. */
    async function carrying() {
      const carrier = await createCallingUser(admin);
      const owner = await createCallingUser(admin);
      const put = await admin.put(`/v1/telephony/config/people/${carrier.id}/applications/members`, { members: [line(carrier.id, 1), line(owner.id, 2)] });
      assert.equal(put.status, 204, put.text);
      const api = await clientWithScopes(admin, carrier.id, SCOPES);
      const ownerApi = await clientWithScopes(admin, owner.id, SCOPES);
      return { carrier, owner, api, ownerApi, at: `${ME}/secondaryLines/${owner.id}` };
    }

    it("reads and changes the line owner's forwarding, voicemail and caller ID documents", async () => {
      const { owner, api, ownerApi, at } = await carrying();
      const forwarding = await api.get(`${at}/callForwarding`);
      assert.equal(forwarding.status, 200, forwarding.text);
      assert.deepEqual(forwarding.body, (await ownerApi.get(`${ME}/callForwarding`)).body);
      const always = { enabled: true, destination: '+14155550111', ringReminderEnabled: false, destinationVoicemailEnabled: false };
      assert.equal((await api.put(`${at}/callForwarding`, { callForwarding: { always } })).status, 204);
      const seen = await admin.get(`/v1/people/${owner.id}/features/callForwarding`);
      assert.equal(seen.body.callForwarding.always.enabled, true);
      assert.equal(seen.body.callForwarding.always.destination, '+14155550111');
      const services = await api.get(`${at}/services`);
      assert.equal(services.status, 200, services.text);
      assert.ok(services.body.services.includes('Call Forwarding Always'), services.text);

      const voicemail = await api.get(`${at}/voicemail`);
      assert.equal(voicemail.status, 200, voicemail.text);
      const { notifications, transferToNumber } = voicemail.body;
      const putVoicemail = await api.put(`${at}/voicemail`, { enabled: !voicemail.body.enabled, notifications, transferToNumber });
      assert.equal(putVoicemail.status, 204, putVoicemail.text);
      assert.equal((await ownerApi.get(`${ME}/voicemail`)).body.enabled, !voicemail.body.enabled);

      const callerId = await api.get(`${at}/callerId`);
      assert.equal(callerId.status, 200, callerId.text);
      assert.deepEqual(callerId.body, (await ownerApi.get(`${ME}/callerId`)).body);
    });

    it('shows the line owner’s queues, park and pickup groups, recording, access codes and caller IDs', async () => {
      const { api, at } = await carrying();
      for (const setting of ['queues', 'callPark', 'callPickupGroup', 'callRecording', 'featureAccessCode', 'selectedCallerId']) {
        const reply = await api.get(`${at}/${setting}`);
        assert.equal(reply.status, 200, `${setting}: ${reply.text}`);
      }
      const available = await api.get(`${at}/availableCallerIds`);
      assert.ok([200, 204].includes(available.status), available.text);
      assert.equal((await api.put(`${at}/queues`, {})).status, 204);
      // The person's own versions answer as well.
      for (const setting of ['callRecording', 'featureAccessCode', 'services']) assert.equal((await api.get(`${ME}/${setting}`)).status, 200, setting);
    });

    it("keeps a preferred answer endpoint per line: the carrier's endpoints, chosen for the secondary line apart from their own", async () => {
      const { api, at } = await carrying();
      const endpoints = await api.get(`${at}/availablePreferredAnswerEndpoints`);
      assert.equal(endpoints.status, 200, endpoints.text);
      const [endpoint] = endpoints.body.endpoints;
      assert.deepEqual((await api.get(`${at}/preferredAnswerEndpoint`)).body, {}, 'none preferred yet');
      assert.equal((await api.put(`${at}/preferredAnswerEndpoint`, { preferredAnswerEndpointId: endpoint.id })).status, 204);
      assert.equal((await api.get(`${at}/preferredAnswerEndpoint`)).body.id, endpoint.id);
      assert.deepEqual((await api.get(`${ME}/preferredAnswerEndpoint`)).body, {}, 'the own line keeps its own preference');
      assertWebexError(await api.put(`${at}/preferredAnswerEndpoint`, { preferredAnswerEndpointId: 'not-an-endpoint' }), 400);
    });

    it('a line on one of the carrier’s phones is a secondary line too', async () => {
      const carrier = await createCallingUser(admin);
      const owner = await createCallingUser(admin);
      const device = await createDevice(admin, { personId: carrier.id });
      assert.equal((await admin.put(`/v1/telephony/config/devices/${device.id}/members`, { members: [line(carrier.id, 1), line(owner.id, 2)] })).status, 204);
      const api = await clientWithScopes(admin, carrier.id, SCOPES);
      assert.equal((await api.get(`${ME}/secondaryLines/${owner.id}/callForwarding`)).status, 200);
    });

    it("a workspace's line on the carrier's app: its forwarding and voicemail documents; the person-only ones are a 400", async () => {
      const carrier = await createCallingUser(admin);
      const workspace = await admin.post('/v1/workspaces', {
        displayName: unique('Lobby '),
        calling: { type: 'webexCalling', webexCalling: { extension: freeExtension(), locationId: carrier.locationId } },
      });
      assert.equal(workspace.status, 201, workspace.text);
      assert.equal((await admin.put(`/v1/telephony/config/people/${carrier.id}/applications/members`, { members: [line(carrier.id, 1), line(workspace.body.id, 2)] })).status, 204);
      const api = await clientWithScopes(admin, carrier.id, SCOPES);
      const at = `${ME}/secondaryLines/${workspace.body.id}`;
      const forwarding = await api.get(`${at}/callForwarding`);
      assert.equal(forwarding.status, 200, forwarding.text);
      assert.deepEqual(forwarding.body, (await admin.get(`/v1/workspaces/${workspace.body.id}/features/callForwarding`)).body);
      assert.equal((await api.get(`${at}/voicemail`)).status, 200);
      assertWebexError(await api.get(`${at}/callerId`), 400);
      assertWebexError(await api.get(`${at}/queues`), 400);
    });

    it("answers 404 for a line the person does not carry (another's, their own, another organization's) and 403 without the write scope", async () => {
      const { carrier, api, at } = await carrying();
      const stranger = await createCallingUser(admin);
      assertWebexError(await api.get(`${ME}/secondaryLines/${stranger.id}/callForwarding`), 404);
      assertWebexError(await api.put(`${ME}/secondaryLines/${stranger.id}/queues`, {}), 404);
      assertWebexError(await api.get(`${ME}/secondaryLines/${carrier.id}/queues`), 404);
      assertWebexError(await api.get(`${ME}/secondaryLines/not-an-id/services`), 404);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await api.get(`${ME}/secondaryLines/${other.personId}/callerId`), 404);
      const readOnly = await clientWithScopes(admin, carrier.id, ['spark:calls_read']);
      assert.equal((await readOnly.get(`${at}/callForwarding`)).status, 200);
      assertWebexError(await readOnly.put(`${at}/callForwarding`, { callForwarding: {} }), 403);
    });
  });
}
