import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, createOrganization, defaultLocation, freeExtension, freeNumbers, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { upload, wav } from '../support/announcements.ts';

const queuesOf = (locationId: string) => `/v1/telephony/config/locations/${locationId}/queues`;
const queueOf = (locationId: string, id: string) => `${queuesOf(locationId)}/${id}`;
const callBounce = { callBounceEnabled: true, callBounceMaxRings: 3, agentUnavailableEnabled: false, alertAgentEnabled: false, alertAgentMaxSeconds: 30, callBounceOnHoldEnabled: false, callBounceOnHoldMaxSeconds: 60 };
const overflow = { action: 'PERFORM_BUSY_TREATMENT', greeting: 'DEFAULT' };

/** The body Webex requires to create a queue, with anything else given. */
export const queueBody = (body: Record<string, unknown> = {}) => ({
  name: unique('Support '),
  extension: freeExtension(),
  callPolicies: { routingType: 'PRIORITY_BASED', policy: 'CIRCULAR', callBounce, distinctiveRing: { enabled: false } },
  queueSettings: { queueSize: 5, overflow },
  ...body,
});

for (const dialect of dialects) {
  describe(`Features: Call Queue API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let ann: Awaited<ReturnType<typeof createCallingUser>>;
    let bob: Awaited<ReturnType<typeof createCallingUser>>;

    const create = async (body: Record<string, unknown> = {}, locationId = hq.id) => {
      const reply = await admin.post(queuesOf(locationId), queueBody(body));
      assert.equal(reply.status, 200, reply.text);
      return reply.body.id as string;
    };
    const get = async (id: string, locationId = hq.id) => {
      const reply = await admin.get(queueOf(locationId, id));
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      ann = await createCallingUser(admin, { firstName: 'Ann' });
      bob = await createCallingUser(admin, { firstName: 'Bob' });
    });
    after(() => server.close());

    it('creates a queue with a number, an extension and agents, answers 200 {id}, and shows it whole with Webex defaults', async () => {
      const [number] = await freeNumbers(admin, hq.id);
      const extension = freeExtension();
      const id = await create({ name: 'Support desk', phoneNumber: number, extension, agents: [{ id: ann.id }, { id: bob.id, skillLevel: 3 }] });
      const queue = await get(id);
      assert.equal(queue.name, 'Support desk');
      assert.equal(queue.phoneNumber, number);
      assert.equal(queue.extension, extension);
      assert.equal(queue.enabled, true);
      assert.equal(queue.hasCxEssentials, false);
      assert.equal(queue.callPolicies.policy, 'CIRCULAR');
      assert.equal(queue.callPolicies.callBounce.callBounceMaxRings, 3);
      assert.equal(queue.queueSettings.queueSize, 5);
      assert.equal(queue.queueSettings.overflow.action, 'PERFORM_BUSY_TREATMENT');
      assert.equal(queue.queueSettings.overflow.overflowAfterWaitEnabled, false);
      assert.deepEqual(queue.agents.map((a: any) => [a.id, a.skillLevel, a.joinEnabled]), [[ann.id, 1, true], [bob.id, 3, true]]);
      const list = await admin.get('/v1/telephony/config/queues', { locationId: hq.id, name: 'Support desk' });
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.body.queues.map((q: any) => [q.id, q.locationName, q.phoneNumber]), [[id, hq.name, number]]);
    });

    it('updates fields, agents and policies; WEIGHTED needs weights adding up to 100', async () => {
      const id = await create({ agents: [{ id: ann.id }] });
      const put = await admin.put(queueOf(hq.id, id), {
        name: unique('Renamed '),
        queueSettings: { queueSize: 2, overflow: { action: 'TRANSFER_TO_PHONE_NUMBER', transferNumber: '+14155550100', overflowAfterWaitEnabled: true, overflowAfterWaitTime: 30, greeting: 'DEFAULT' } },
        callPolicies: { routingType: 'PRIORITY_BASED', policy: 'WEIGHTED' },
        agents: [{ id: ann.id, weight: '60' }, { id: bob.id, weight: '40' }],
      });
      assert.equal(put.status, 204, put.text);
      const queue = await get(id);
      assert.equal(queue.queueSettings.overflow.transferNumber, '+14155550100');
      assert.equal(queue.queueSettings.overflow.overflowAfterWaitTime, 30);
      assert.deepEqual(queue.agents.map((a: any) => a.weight), ['60', '40']);
      const bad = await admin.put(queueOf(hq.id, id), { queueSettings: { queueSize: 2, overflow }, agents: [{ id: ann.id, weight: '60' }, { id: bob.id, weight: '30' }] });
      assertWebexError(bad, 400, /add up to 100/);
    });

    it('refuses bad input with 400 and a used name, number or extension with 409', async () => {
      const extension = freeExtension();
      const name = unique('Taken ');
      await create({ name, extension });
      assertWebexError(await admin.post(queuesOf(hq.id), queueBody({ name })), 409);
      assertWebexError(await admin.post(queuesOf(hq.id), queueBody({ extension })), 409);
      assertWebexError(await admin.post(queuesOf(hq.id), queueBody({ extension: undefined })), 400);
      assertWebexError(await admin.post(queuesOf(hq.id), queueBody({ queueSettings: { queueSize: 0, overflow } })), 400);
      assertWebexError(await admin.post(queuesOf(hq.id), queueBody({ queueSettings: { queueSize: 3, overflow: { action: 'TRANSFER_TO_PHONE_NUMBER', greeting: 'DEFAULT' } } })), 400);
      assertWebexError(await admin.post(queuesOf(hq.id), queueBody({ agents: [{ id: 'nobody' }] })), 400);
      // A hunt group cannot take a queue's extension either.
      const hunt = await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, { name: unique('HG '), extension, callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } }, agents: [], enabled: true });
      assertWebexError(hunt, 409);
    });

    it('deletes a queue; another organization sees none of it', async () => {
      const id = await create();
      const other = await createOrganization(server.anonymous);
      const theirs = await other.admin.get(queueOf(hq.id, id));
      assert.ok(theirs.status === 404 || theirs.status === 403, theirs.text);
      const gone = await admin.delete(queueOf(hq.id, id));
      assert.equal(gone.status, 204, gone.text);
      assertWebexError(await admin.get(queueOf(hq.id, id)), 404);
    });

    it('call forwarding and selective rules work as for hunt groups', async () => {
      const id = await create();
      const put = await admin.put(`${queueOf(hq.id, id)}/callForwarding`, { callForwarding: { always: { enabled: true, destination: '+14155550111' } } });
      assert.equal(put.status, 204, put.text);
      const rule = await admin.post(`${queueOf(hq.id, id)}/callForwarding/selectiveRules`, { name: 'VIP', forwardTo: { selection: 'FORWARD_TO_SPECIFIED_NUMBER', phoneNumber: '+14155550112' }, callsFrom: { selection: 'ANY', customNumbers: { privateNumberEnabled: false, unavailableNumberEnabled: false, numbers: [] } }, callsTo: { numbers: [] } });
      assert.equal(rule.status, 201, rule.text);
      const f = await admin.get(`${queueOf(hq.id, id)}/callForwarding`);
      assert.equal(f.body.callForwarding.always.destination, '+14155550111');
      assert.deepEqual(f.body.callForwarding.rules.map((r: any) => r.name), ['VIP']);
      const one = await admin.get(`${queueOf(hq.id, id)}/callForwarding/selectiveRules/${rule.body.id}`);
      assert.equal(one.body.forwardTo.phoneNumber, '+14155550112');
      assert.equal((await admin.delete(`${queueOf(hq.id, id)}/callForwarding/selectiveRules/${rule.body.id}`)).status, 204);
      assertWebexError(await admin.post(`${queueOf(hq.id, id)}/callForwarding/actions/switchMode/invoke`, {}), 400);
      const numbers = await admin.get(`${queuesOf(hq.id)}/availableNumbers`);
      assert.equal(numbers.status, 200, numbers.text);
    });
    it('holiday, night and stranded services and forced forward: Webex defaults, checked writes, read back', async () => {
      const id = await create();
      const base = queueOf(hq.id, id);
      const holiday = await admin.get(`${base}/holidayService`);
      assert.equal(holiday.status, 200, holiday.text);
      assert.equal(holiday.body.holidayServiceEnabled, false);
      assert.equal(holiday.body.action, 'BUSY');
      const name = unique('Closed ');
      const holidayBody = { holidayServiceEnabled: true, action: 'TRANSFER', holidayScheduleLevel: 'LOCATION', holidayScheduleName: name, transferPhoneNumber: '+14155550120', playAnnouncementBeforeEnabled: false, audioMessageSelection: 'DEFAULT' };
      assertWebexError(await admin.put(`${base}/holidayService`, holidayBody), 400, /schedule/);
      const schedule = await admin.post(`/v1/telephony/config/locations/${hq.id}/schedules`, { type: 'holidays', name, events: [{ name: 'Day', startDate: '2030-01-01', endDate: '2030-01-01', allDayEnabled: true }] });
      assert.equal(schedule.status, 201, schedule.text);
      assert.equal((await admin.put(`${base}/holidayService`, holidayBody)).status, 204);
      const after = await admin.get(`${base}/holidayService`);
      assert.equal(after.body.holidayScheduleName, name);
      assert.ok(after.body.holidaySchedules.some((h: any) => h.scheduleName === name));
      const night = { nightServiceEnabled: true, action: 'TRANSFER', playAnnouncementBeforeEnabled: false, announcementMode: 'NORMAL', audioMessageSelection: 'DEFAULT', forceNightServiceEnabled: true, manualAudioMessageSelection: 'DEFAULT' };
      assertWebexError(await admin.put(`${base}/nightService`, night), 400, /transferPhoneNumber/);
      assert.equal((await admin.put(`${base}/nightService`, { ...night, transferPhoneNumber: '1001' })).status, 204);
      assert.equal((await admin.get(`${base}/nightService`)).body.forceNightServiceEnabled, true);
      assert.equal((await admin.put(`${base}/strandedCalls`, { action: 'BUSY', audioMessageSelection: 'DEFAULT' })).status, 204);
      assert.equal((await admin.get(`${base}/strandedCalls`)).body.action, 'BUSY');
      const forced = { forcedForwardEnabled: true, transferPhoneNumber: '+14155550121', playAnnouncementBeforeEnabled: true, audioMessageSelection: 'CUSTOM', audioFiles: [{ id: 'f1', fileName: 'closed.wav', mediaFileType: 'WAV', level: 'ENTITY' }] };
      assert.equal((await admin.put(`${base}/forcedForward`, forced)).status, 204);
      const got = await admin.get(`${base}/forcedForward`);
      assert.equal(got.body.transferPhoneNumber, '+14155550121');
      const files = await admin.get(`${base}/announcements`);
      assert.deepEqual(files.body.announcements.map((f: any) => f.fileName), ['closed.wav']);
      assert.equal((await admin.delete(`${base}/announcements/closed.wav`)).status, 204);
      assertWebexError(await admin.delete(`${base}/announcements/closed.wav`), 404);
    });

    it('DNIS numbers of a queue: create, list, update, announcements, delete', async () => {
      const id = await create();
      const base = `${queueOf(hq.id, id)}/dnis`;
      const extension = freeExtension();
      const created = await admin.post(base, { name: 'Sales line', extension, ringPattern: 'LONG_LONG' });
      assert.equal(created.status, 201, created.text);
      assertWebexError(await admin.post(base, { name: 'Sales line', extension: freeExtension(), ringPattern: 'NORMAL' }), 409);
      assertWebexError(await admin.post(base, { name: 'No line', ringPattern: 'NORMAL' }), 400);
      const list = await admin.get(base);
      assert.deepEqual(list.body.dnisList.map((d: any) => [d.name, d.extension, d.ringPattern]), [['Sales line', extension, 'LONG_LONG']]);
      assert.equal((await admin.put(`${base}/${created.body.id}`, { name: 'Renamed line' })).status, 204);
      assert.equal((await admin.get(`${base}/${created.body.id}`)).body.name, 'Renamed line');
      assert.equal((await admin.put(`${base}/${created.body.id}/announcements`, { customDnisAnnouncementSettingsEnabled: true, welcomeMessage: { enabled: true, greeting: 'DEFAULT' } })).status, 204);
      const ann = await admin.get(`${base}/${created.body.id}/announcements`);
      assert.equal(ann.body.customDnisAnnouncementSettingsEnabled, true);
      assert.equal(ann.body.welcomeMessage.enabled, true);
      assert.equal((await admin.put(`${base}/settings`, { distinctiveRingingEnabled: true })).status, 204);
      assert.equal((await admin.get(`${base}/settings`)).body.distinctiveRingingEnabled, true);
      assert.equal((await admin.delete(base, { items: [created.body.id] })).status, 204);
      assertWebexError(await admin.get(`${base}/${created.body.id}`), 404);
    });

    it('supervisors supervise queue agents: create (206 for those who cannot be), list, change, delete', async () => {
      const carl = await createCallingUser(admin, { firstName: 'Carl' });
      const stranger = await createCallingUser(admin, { firstName: 'Stranger' });
      await create({ agents: [{ id: ann.id }, { id: bob.id }] });
      const available = await admin.get('/v1/telephony/config/supervisors/availableAgents');
      assert.ok(available.body.agents.some((a: any) => a.id === ann.id));
      const created = await admin.post('/v1/telephony/config/supervisors', { id: carl.id, agents: [{ id: ann.id }, { id: stranger.id }] });
      assert.equal(created.status, 206, created.text);
      assert.deepEqual(created.body.supervisorAgentStatus.map((s: any) => s.id), [stranger.id]);
      assertWebexError(await admin.post('/v1/telephony/config/supervisors', { id: carl.id, agents: [{ id: bob.id }] }), 409);
      const list = await admin.get('/v1/telephony/config/supervisors');
      assert.deepEqual(list.body.supervisors.filter((s: any) => s.id === carl.id).map((s: any) => s.agentCount), [1]);
      assert.equal((await admin.put(`/v1/telephony/config/supervisors/${carl.id}`, { agents: [{ id: bob.id, action: 'ADD' }, { id: ann.id, action: 'DELETE' }] })).status, 204);
      const one = await admin.get(`/v1/telephony/config/supervisors/${carl.id}`);
      assert.deepEqual(one.body.agents.map((a: any) => a.id), [bob.id]);
      assert.equal((await admin.delete(`/v1/telephony/config/supervisors/${carl.id}`)).status, 204);
      assertWebexError(await admin.get(`/v1/telephony/config/supervisors/${carl.id}`), 404);
    });

    it('agents across queues, the people who could be agents, and the organization\'s queue settings', async () => {
      const id = await create({ agents: [{ id: ann.id }] });
      const agents = await admin.get('/v1/telephony/config/queues/agents', { queueId: id });
      assert.equal(agents.status, 200, agents.text);
      assert.deepEqual(agents.body.agents.map((a: any) => [a.id, a.joinCount, a.unjoinCount]), [[ann.id, 1, 0]]);
      assert.equal((await admin.put(`/v1/telephony/config/queues/agents/${ann.id}/settings`, { settings: [{ queueId: id, joinEnabled: false }] })).status, 204);
      const left = await admin.get('/v1/telephony/config/queues/agents', { queueId: id, joinEnabled: false });
      assert.deepEqual(left.body.agents.map((a: any) => a.id), [ann.id]);
      assertWebexError(await admin.put(`/v1/telephony/config/queues/agents/${bob.id}/settings`, { settings: [{ queueId: id, joinEnabled: true }] }), 400);
      const candidates = await admin.get('/v1/telephony/config/queues/agents/availableAgents', { locationId: hq.id });
      assert.ok(candidates.body.agents.some((a: any) => a.id === bob.id));
      assert.equal((await admin.get('/v1/telephony/config/queues/settings')).body.maintainQueuePositionForSimRingEnabled, false);
      assert.equal((await admin.put('/v1/telephony/config/queues/settings', { maintainQueuePositionForSimRingEnabled: true })).status, 204);
      assert.equal((await admin.get('/v1/telephony/config/queues/settings')).body.maintainQueuePositionForSimRingEnabled, true);
    });
    it('announcement playlists: create from organization files, read, rename, assign locations, usage by queues, refuse deleting one in use', async () => {
      const file = await upload(admin, 'POST', '/v1/telephony/config/announcements', { name: unique('Hold '), fileName: `${unique('hold')}.wav`, content: wav() });
      assert.equal(file.status, 201, file.text);
      const name = unique('Playlist ');
      const created = await admin.post('/v1/telephony/config/announcements/playlists', { name, announcementIds: [file.body.id] });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id;
      assertWebexError(await admin.post('/v1/telephony/config/announcements/playlists', { name, announcementIds: [file.body.id] }), 409);
      assertWebexError(await admin.post('/v1/telephony/config/announcements/playlists', { name: unique('Empty '), announcementIds: [] }), 400);
      const got = await admin.get(`/v1/telephony/config/announcements/playlists/${id}`);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.fileCount, '1');
      assert.deepEqual(got.body.announcements.map((a: any) => a.id), [file.body.id]);
      assert.equal((await admin.put(`/v1/telephony/config/announcements/playlists/${id}`, { name: `${name} 2` })).status, 204);
      const list = await admin.get('/v1/telephony/config/announcements/playlists');
      assert.ok(list.body.playlists.some((p: any) => p.id === id && p.name === `${name} 2`));
      assert.equal((await admin.put(`/v1/telephony/config/announcements/playlists/${id}/locations`, { locationIds: [hq.id] })).status, 204);
      assert.deepEqual((await admin.get(`/v1/telephony/config/announcements/playlists/${id}/locations`)).body.locations.map((l: any) => l.id), [hq.id]);
      const queueId = await create({ queueSettings: { queueSize: 3, overflow } });
      const dnis = await admin.post(`${queueOf(hq.id, queueId)}/dnis`, { name: 'Line', extension: freeExtension(), ringPattern: 'NORMAL' });
      await admin.put(`${queueOf(hq.id, queueId)}/dnis/${dnis.body.id}/announcements`, { mohMessage: { normalSource: { enabled: true, greeting: 'CUSTOM', audioPlaylistId: id } } });
      const usage = await admin.get(`/v1/telephony/config/announcements/playlists/${id}/usage`, { playlistUsageType: 'feature' });
      assert.equal(usage.status, 200, usage.text);
      assert.deepEqual(usage.body.locations.map((l: any) => l.featureReference.id), [queueId]);
      assertWebexError(await admin.delete(`/v1/telephony/config/announcements/playlists/${id}`), 409);
    });

    it('Customer Assist: wrap-up reasons assigned to queues, a queue\'s wrap-up settings, screen pop', async () => {
      const queueId = await create();
      const name = unique('Resolved ');
      assert.equal((await admin.post('/v1/telephony/config/cxEssentials/wrapup/reasons/actions/validateName/invoke', { name })).status, 200);
      const created = await admin.post('/v1/telephony/config/cxEssentials/wrapup/reasons', { name, description: 'Issue resolved', queues: [queueId] });
      assert.equal(created.status, 201, created.text);
      assertWebexError(await admin.post('/v1/telephony/config/cxEssentials/wrapup/reasons/actions/validateName/invoke', { name }), 409);
      const reason = await admin.get(`/v1/telephony/config/cxEssentials/wrapup/reasons/${created.body.id}`);
      assert.deepEqual(reason.body.queues.map((q: any) => [q.id, q.defaultWrapupEnabled]), [[queueId, false]]);
      const settingsPath = `/v1/telephony/config/cxEssentials/locations/${hq.id}/queues/${queueId}/wrapup/settings`;
      assert.equal((await admin.put(settingsPath, { defaultWrapupReasonId: created.body.id, wrapupTimerEnabled: true, wrapupTimer: 30 })).status, 204);
      const settings = await admin.get(settingsPath);
      assert.deepEqual(settings.body, { wrapupTimerEnabled: true, wrapupTimer: 30, wrapupReasons: [{ id: created.body.id, name, description: 'Issue resolved', isDefaultEnabled: true }] });
      assert.equal((await admin.put(`/v1/telephony/config/cxEssentials/wrapup/reasons/${created.body.id}`, { queuesToUnassign: [queueId] })).status, 204);
      const available = await admin.get(`/v1/telephony/config/cxEssentials/wrapup/reasons/${created.body.id}/availableQueues`);
      assert.ok(available.body.queues.some((q: any) => q.id === queueId));
      const list = await admin.get('/v1/telephony/config/cxEssentials/wrapup/reasons');
      assert.ok(list.body.wrapupReasons.some((r: any) => r.id === created.body.id && r.numberOfQueuesAssigned === 0));
      assert.equal((await admin.delete(`/v1/telephony/config/cxEssentials/wrapup/reasons/${created.body.id}`)).status, 204);
      const pop = `${queueOf(hq.id, queueId)}/cxEssentials/screenPop`;
      assertWebexError(await admin.put(pop, { enabled: true }), 400, /screenPopUrl/);
      assert.equal((await admin.put(pop, { enabled: true, screenPopUrl: 'https://crm.example.com/lookup', desktopLabel: 'CRM' })).status, 204);
      assert.equal((await admin.get(pop)).body.screenPopUrl, 'https://crm.example.com/lookup');
      const agents = await admin.get(`/v1/telephony/config/locations/${hq.id}/cxEssentials/agents/availableAgents`);
      assert.equal(agents.status, 200, agents.text);
    });
  });
}
