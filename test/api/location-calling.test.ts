import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import {
  assertWebexError,
  clientWithScopes,
  createCallingLocation,
  createLocation,
  createOrganization,
  createPerson,
  defaultLocation,
  freeNumbers,
  licenses,
  unique,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const LOCATIONS = '/v1/telephony/config/locations';
const JOBS = '/v1/telephony/config/jobs/updateRoutingPrefix';

/** The ID of a new location enabled for calling. */
const callingLocation = async (api: Client, overrides: Record<string, unknown> = {}) => (await createCallingLocation(api, overrides)).id;

/** A calling user with an extension in a location (no number needed). */
async function member(api: Client, locationId: string, extension: string) {
  const { professional } = await licenses(api);
  return createPerson(api, { extension, locationId, licenses: [professional] }, { callingData: 'true' });
}

const workExtension = async (api: Client, personId: string) =>
  ((await api.get(`/v1/people/${personId}`, { callingData: true })).body.phoneNumbers as { type: string; value: string }[]).find(
    (n) => n.type === 'work_extension',
  )?.value;

for (const dialect of dialects) {
  describe(`Location Call Settings: locations, routing prefix jobs (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;
    let hq: { id: string; name: string };

    /** Runs the clock until the job has finished, and answers its status. */
    const runJob = async (jobId: string) => {
      for (let i = 0; i < 100; i++) {
        const job = (await admin.get(`${JOBS}/${jobId}`)).body;
        if (job.latestExecutionStatus === 'COMPLETED' || job.latestExecutionStatus === 'FAILED') return job;
        await clock.advance(1000);
      }
      throw new Error('job did not finish');
    };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    describe('listing and enabling calling locations', () => {
      it('given the demo organization, lists its calling-enabled default location only', async () => {
        const plain = await createLocation(admin);
        const reply = await admin.get(LOCATIONS);
        assert.equal(reply.status, 200, reply.text);
        const ids = reply.body.locations.map((l: { id: string }) => l.id);
        assert.ok(ids.includes(hq.id));
        assert.ok(!ids.includes(plain.id), 'a location not enabled for calling is not listed');
        const item = reply.body.locations.find((l: { id: string }) => l.id === hq.id);
        assert.deepEqual(item, {
          id: hq.id,
          name: 'Headquarters',
          enforceOutsideDialDigit: false,
          callingLineId: { name: 'Callplane Demo', phoneNumber: '+15715550100' },
          e911SetupRequired: false,
        });
      });

      it('given a location of /v1/locations, enabling it answers 201 and lists it', async () => {
        const { id } = await createLocation(admin, { name: unique('Enable ') });
        const body = (await admin.get(`/v1/locations/${id}`)).body;
        assert.ok(body.orgId, 'the body carries fields a client copies from /v1/locations');
        const reply = await admin.post(LOCATIONS, { ...body, latitude: '12.5', somethingElse: true });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(reply.body, { id });
        const details = await admin.get(`${LOCATIONS}/${id}`);
        assert.equal(details.status, 200, details.text);
        assert.equal(details.body.name, body.name);
        assert.deepEqual(details.body.callingLineId, { name: 'Callplane Demo' });
      });

      it('given an unknown location, another organization’s or an enabled one, refuses', async () => {
        const body = (await admin.get(`/v1/locations/${hq.id}`)).body;
        assertWebexError(await admin.post(LOCATIONS, body), 409, /already enabled/);
        const ghost = Buffer.from('ciscospark://us/LOCATION/00000000-0000-4000-8000-000000000000').toString('base64url');
        assertWebexError(await admin.post(LOCATIONS, { ...body, id: ghost }), 404);
        const other = await createOrganization(server.anonymous);
        const theirs = await createLocation(other.admin);
        assertWebexError(await admin.post(LOCATIONS, { ...body, id: theirs.id }), 404);
      });

      it('given a name longer than 80 characters or missing fields, answers 400', async () => {
        const { id } = await createLocation(admin, { name: `${unique('Long ')}${'x'.repeat(90)}` });
        const body = (await admin.get(`/v1/locations/${id}`)).body;
        assertWebexError(await admin.post(LOCATIONS, body), 400, /80 characters/);
        const { timeZone, ...noTimeZone } = body;
        assertWebexError(await admin.post(LOCATIONS, { ...noTimeZone, name: 'Short' }), 400, /timeZone/);
        assert.ok(timeZone);
        assert.equal((await admin.get(`${LOCATIONS}/${id}`)).status, 404, 'nothing was enabled');
      });

      it('filters by name, sorts and pages with max and start', async () => {
        const tag = unique('Sorted');
        for (const name of ['b', 'a', 'c']) await callingLocation(admin, { name: `${tag} ${name}` });
        const asc = await admin.get(LOCATIONS, { name: tag.toLowerCase() });
        assert.deepEqual(asc.body.locations.map((l: { name: string }) => l.name), [`${tag} a`, `${tag} b`, `${tag} c`]);
        const desc = await admin.get(LOCATIONS, { name: tag, order: 'desc' });
        assert.deepEqual(desc.body.locations.map((l: { name: string }) => l.name), [`${tag} c`, `${tag} b`, `${tag} a`]);
        const first = await admin.get(LOCATIONS, { name: tag, max: 2 });
        assert.equal(first.body.locations.length, 2);
        const next = nextLink(first.headers);
        assert.ok(next && /start=2/.test(next));
        const second = await admin.follow(next);
        assert.deepEqual(second.body.locations.map((l: { name: string }) => l.name), [`${tag} c`]);
        assert.equal(nextLink(second.headers), undefined);
      });
    });

    it('Read the List of Announcement Languages answers {name, code} pairs, filtered by text-to-speech support', async () => {
      const all = await admin.get('/v1/telephony/config/announcementLanguages');
      assert.equal(all.status, 200, all.text);
      assert.ok(all.body.languages.some((l: { name: string; code: string }) => l.code === 'en_us' && l.name === 'English'));
      for (const l of all.body.languages) assert.match(l.code, /^[a-z]{2}_[a-z]{2}$/);
      const tts = (await admin.get('/v1/telephony/config/announcementLanguages', { ttsLanguage: true })).body.languages;
      const noTts = (await admin.get('/v1/telephony/config/announcementLanguages', { ttsLanguage: false })).body.languages;
      assert.ok(tts.length > 0 && noTts.length > 0);
      assert.equal(tts.length + noTts.length, all.body.languages.length, 'the two filters split the list');
      assertWebexError(await admin.get('/v1/telephony/config/announcementLanguages', { ttsLanguage: 'maybe' }), 400);
    });

    describe('Get and Update Location Webex Calling Details', () => {
      it('answers the details of a calling location and 404 for any other', async () => {
        const reply = await admin.get(`${LOCATIONS}/${hq.id}`);
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.announcementLanguage, 'en_us');
        assert.deepEqual(reply.body.callingLineId, { name: 'Callplane Demo', phoneNumber: '+15715550100' });
        assert.equal(reply.body.enforceOutsideDialDigit, false);
        assert.equal(typeof reply.body.defaultDomain, 'string');
        assert.equal(reply.body.routingPrefix, '');
        const plain = await createLocation(admin);
        assertWebexError(await admin.get(`${LOCATIONS}/${plain.id}`), 404);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await other.admin.get(`${LOCATIONS}/${hq.id}`), 404);
      });

      it('given a location with nothing optional set, answers every field the document requires (regression: issue 12)', async () => {
        const reply = await admin.get(`${LOCATIONS}/${hq.id}`);
        assert.equal(reply.body.externalCallerIdName, hq.name, 'unset: the location’s name');
        assert.equal(reply.body.userLimit, 500000);
        assert.equal(reply.body.outsideDialDigit, '');
        assert.equal(reply.body.routingPrefix, '');
        assert.equal(reply.body.connection, undefined, 'only a premises PSTN connection is shown');
      });

      it('given fields without a routing prefix change, applies them and answers 204', async () => {
        const id = await callingLocation(admin);
        const [main, charge] = ['+15716660001', '+15716660002'];
        assert.equal((await admin.post(`/v1/telephony/config/locations/${id}/numbers`, { phoneNumbers: [main, charge] })).status, 201);
        const reply = await admin.put(`${LOCATIONS}/${id}`, {
          announcementLanguage: 'fr_fr',
          callingLineId: { name: 'Branch Line', phoneNumber: main },
          externalCallerIdName: 'Big Corp Branch',
          outsideDialDigit: '12',
          enforceOutsideDialDigit: true,
          chargeNumber: charge,
        });
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        const details = (await admin.get(`${LOCATIONS}/${id}`)).body;
        assert.equal(details.announcementLanguage, 'fr_fr');
        assert.deepEqual(details.callingLineId, { name: 'Branch Line', phoneNumber: main });
        assert.equal(details.externalCallerIdName, 'Big Corp Branch');
        assert.equal(details.outsideDialDigit, '12');
        assert.equal(details.enforceOutsideDialDigit, true);
        assert.equal(details.chargeNumber, charge);
        assert.equal(details.useChargeNumberForPChargeInfo, true);
        const numbers = (await admin.get('/v1/telephony/config/numbers', { locationId: id })).body.phoneNumbers;
        assert.deepEqual(numbers.filter((n: { mainNumber: boolean }) => n.mainNumber).map((n: { phoneNumber: string }) => n.phoneNumber), [main]);
        assert.equal((await admin.put(`${LOCATIONS}/${id}`, { outsideDialDigit: null })).status, 204);
        assert.equal((await admin.get(`${LOCATIONS}/${id}`)).body.outsideDialDigit, '', 'cleared: empty, as the document requires the field');
      });

      it('given bad values, answers 400 or 409 and changes nothing', async () => {
        const before = (await admin.get(`${LOCATIONS}/${hq.id}`)).body;
        const [free] = await freeNumbers(admin, hq.id);
        const alex = (await admin.get('/v1/telephony/config/numbers', { ownerName: 'Alex' })).body.phoneNumbers[0].phoneNumber;
        for (const [body, status, pattern] of [
          [{ routingPrefix: '12a' }, 400, /1 to 7 digits/],
          [{ routingPrefix: '12345678' }, 400, /1 to 7 digits/],
          [{ outsideDialDigit: '123' }, 400, /one or two digits/],
          [{ pAccessNetworkInfo: 'Reston-VA' }, 400, /Belgium \(BE\), Germany \(DE\) or France \(FR\)/],
          [{ callingLineId: { phoneNumber: '+12025550199' } }, 400, /not an E\.164 number of this location/],
          [{ callingLineId: { phoneNumber: alex } }, 409, /assigned/],
          [{ connection: { type: 'PSTN', id: 'x' } }, 400, /TRUNK or ROUTE_GROUP/],
          [{ chargeNumber: '+12025550199' }, 400, /chargeNumber/],
          [{ announcementLanguage: 'french', outsideDialDigit: '9' }, 400, /announcementLanguage/],
          [{ enforceOutsideDialDigit: 'yes' }, 400, /enforceOutsideDialDigit/],
        ] as const) {
          assertWebexError(await admin.put(`${LOCATIONS}/${hq.id}`, body), status, pattern);
        }
        assert.ok(free);
        assert.deepEqual((await admin.get(`${LOCATIONS}/${hq.id}`)).body, before);
      });

      it('given pAccessNetworkInfo for a location in Germany, keeps it', async () => {
        const id = await callingLocation(admin, {
          name: unique('Berlin '),
          timeZone: 'Europe/Berlin',
          address: { address1: 'Unter den Linden 1', city: 'Berlin', state: 'BE', postalCode: '10117', country: 'DE' },
        });
        assert.equal((await admin.put(`${LOCATIONS}/${id}`, { pAccessNetworkInfo: 'Berlin-Mitte' })).status, 204);
        assert.equal((await admin.get(`${LOCATIONS}/${id}`)).body.pAccessNetworkInfo, 'Berlin-Mitte');
      });

      it('given a new routing prefix for a location without members, applies it and answers 206 without a job', async () => {
        const id = await callingLocation(admin);
        const reply = await admin.put(`${LOCATIONS}/${id}`, { routingPrefix: '77' });
        assert.equal(reply.status, 206, reply.text);
        assert.match(reply.body.failureReason, /UpdateRoutingPrefix batch job not triggered for Location: .*OldRoutingPrefix : \. NewRoutingPrefix: 77\./);
        assert.equal((await admin.get(`${LOCATIONS}/${id}`)).body.routingPrefix, '77');
        assert.equal((await admin.put(`${LOCATIONS}/${id}`, { routingPrefix: '77' })).status, 204, 'the same prefix again needs no job');
      });

      it('given a routing prefix another location has, answers 409', async () => {
        const id = await callingLocation(admin);
        assert.equal((await admin.put(`${LOCATIONS}/${id}`, { routingPrefix: '66' })).status, 206);
        const other = await callingLocation(admin);
        assertWebexError(await admin.put(`${LOCATIONS}/${other}`, { routingPrefix: '66' }), 409, /already the routing prefix/);
      });
    });

    describe('the update routing prefix job', () => {
      it('moves every member to the new prefix in steps on the server clock', async () => {
        const id = await callingLocation(admin);
        const people = [];
        for (let i = 0; i < 25; i++) people.push(await member(admin, id, `${3100 + i}`));
        assert.equal(await workExtension(admin, people[0]!.id), '3100');

        const reply = await admin.put(`${LOCATIONS}/${id}`, { routingPrefix: '812' });
        assert.equal(reply.status, 200, reply.text);
        const jobId = reply.body.batchJobId;
        assert.match(Buffer.from(jobId, 'base64url').toString(), /^ciscospark:\/\/us\/JOB_ID\/[0-9a-f-]{36}$/);
        assert.equal((await admin.get(`${LOCATIONS}/${id}`)).body.routingPrefix, '812', 'the new prefix shows on GET at once');

        let job = (await admin.get(`${JOBS}/${jobId}`)).body;
        assert.equal(job.latestExecutionStatus, 'STARTING');
        assert.equal(job.latestExecutionExitCode, 'UNKNOWN');
        assert.equal(await workExtension(admin, people[0]!.id), '3100', 'members move when the job reaches them');

        await clock.advance(1000);
        job = (await admin.get(`${JOBS}/${jobId}`)).body;
        assert.equal(job.latestExecutionStatus, 'STARTED');
        assert.equal(job.counts.routingPrefixUpdated, 20, 'one step moves a batch of 20');
        const shown = await Promise.all(people.map((p) => workExtension(admin, p.id)));
        assert.equal(shown.filter((value) => value?.startsWith('812')).length, 20, 'exactly the moved members show the new prefix');

        await clock.advance(1000);
        job = (await admin.get(`${JOBS}/${jobId}`)).body;
        assert.equal(job.latestExecutionStatus, 'COMPLETED');
        assert.equal(job.latestExecutionExitCode, 'COMPLETED');
        assert.deepEqual(job.counts, { routingPrefixUpdated: 25, routingPrefixFailed: 0 });
        assert.equal(job.jobExecutionStatus[0].stepExecutionStatuses[0].statusMessage, 'COMPLETED');
        assert.ok(job.jobExecutionStatus[0].endTime);
        assert.equal(await workExtension(admin, people[24]!.id), '8123124');
        const numbers = (await admin.get('/v1/telephony/config/numbers', { locationId: id, extension: '3110' })).body.phoneNumbers;
        assert.deepEqual([numbers[0].routingPrefix, numbers[0].esn], ['812', '8123110']);

        const listed = (await admin.get(JOBS)).body.items;
        assert.equal(listed[0].id, jobId, 'newest job first');
        assert.equal((await admin.get(`${JOBS}/${jobId}/errors`)).body.items.length, 0);

        // Clearing the prefix (null) is a change too.
        const cleared = await admin.put(`${LOCATIONS}/${id}`, { routingPrefix: null });
        assert.equal(cleared.status, 200, cleared.text);
        assert.equal((await runJob(cleared.body.batchJobId)).latestExecutionExitCode, 'COMPLETED');
        assert.equal(await workExtension(admin, people[3]!.id), '3103');
      });

      it('a member whose new ESN another location already dials fails as an item error', async () => {
        const branch = await callingLocation(admin);
        await member(admin, branch, '41001');
        const set = await admin.put(`${LOCATIONS}/${branch}`, { routingPrefix: '9' });
        assert.equal(set.status, 200, set.text);
        await runJob(set.body.batchJobId);

        const target = await callingLocation(admin);
        const clash = await member(admin, target, '1001');
        const fine = await member(admin, target, '1002');
        const reply = await admin.put(`${LOCATIONS}/${target}`, { routingPrefix: '94' });
        assert.equal(reply.status, 200, reply.text);
        const job = await runJob(reply.body.batchJobId);
        assert.equal(job.latestExecutionExitCode, 'COMPLETED_WITH_ERRORS');
        assert.deepEqual(job.counts, { routingPrefixUpdated: 1, routingPrefixFailed: 1 });
        const errors = (await admin.get(`${JOBS}/${reply.body.batchJobId}/errors`)).body.items;
        assert.equal(errors.length, 1);
        assert.equal(errors[0].item, clash.id);
        assert.equal(errors[0].error.message[0].code, 'ESN_CONFLICT');
        assert.match(errors[0].error.message[0].description, /ESN 941001/);
        assert.equal(await workExtension(admin, clash.id), '1001', 'the failed member keeps its prefix');
        assert.equal(await workExtension(admin, fine.id), '941002');
      });

      it('while a job of the organization runs, another prefix change answers 409 and changes nothing', async () => {
        const first = await callingLocation(admin);
        await member(admin, first, '5100');
        const running = await admin.put(`${LOCATIONS}/${first}`, { routingPrefix: '55' });
        assert.equal(running.status, 200, running.text);
        const second = await callingLocation(admin);
        await member(admin, second, '5200');
        const refused = await admin.put(`${LOCATIONS}/${second}`, { routingPrefix: '56', outsideDialDigit: '8' });
        assert.equal(refused.status, 409, refused.text);
        assert.deepEqual(refused.body, { failureReason: 'UpdateRoutingPrefixJob failed as another one is already in progress.' });
        const details = (await admin.get(`${LOCATIONS}/${second}`)).body;
        assert.equal(details.routingPrefix, '');
        assert.equal(details.outsideDialDigit, '', 'nothing of the refused update was applied');
        // The job's own location is locked for member changes until it is done.
        const { professional } = await licenses(admin);
        const locked = await admin.post('/v1/people', {
          emails: [`${unique('locked')}@example.com`],
          displayName: 'Locked Out',
          extension: '5101',
          locationId: first,
          licenses: [professional],
        });
        assertWebexError(locked, 423, /locked/);
        assert.equal(locked.headers.get('retry-after'), '1');
        await runJob(running.body.batchJobId);
        assert.equal((await admin.put(`${LOCATIONS}/${second}`, { routingPrefix: '56' })).status, 200);
        assert.equal((await member(admin, first, '5101')).extension, '5101', 'unlocked once the job is done');
      });

      it('jobs of other organizations are 404; unknown or malformed job IDs too', async () => {
        const other = await createOrganization(server.anonymous);
        const listed = (await admin.get(JOBS)).body.items;
        assert.ok(listed.length > 0);
        assertWebexError(await other.admin.get(`${JOBS}/${listed[0].id}`), 404);
        assertWebexError(await other.admin.get(`${JOBS}/${listed[0].id}/errors`), 404);
        assert.deepEqual((await other.admin.get(JOBS)).body.items, []);
        assertWebexError(await admin.get(`${JOBS}/not-a-job`), 404);
      });
    });

    describe('Change Announcement Language and Private Network Connect', () => {
      it('applies a language to the location’s people and leaves the location default', async () => {
        const id = await callingLocation(admin);
        const person = await member(admin, id, '6100');
        const reply = await admin.post(`${LOCATIONS}/${id}/actions/modifyAnnouncementLanguage/invoke`, {
          announcementLanguageCode: 'es_es',
          agentEnabled: true,
          serviceEnabled: true,
        });
        assert.equal(reply.status, 204, reply.text);
        assert.equal((await admin.get(`${LOCATIONS}/${id}`)).body.announcementLanguage, 'en_us');
        const personId = Buffer.from(person.id, 'base64url').toString().split('/').pop()!;
        assert.equal((await server.app.store.people.get(server.demo.orgId, personId))?.announcementLanguage, 'es_es');

        const untouched = await member(admin, id, '6101');
        await admin.post(`${LOCATIONS}/${id}/actions/modifyAnnouncementLanguage/invoke`, { announcementLanguageCode: 'de_de' });
        const untouchedId = Buffer.from(untouched.id, 'base64url').toString().split('/').pop()!;
        assert.equal((await server.app.store.people.get(server.demo.orgId, untouchedId))?.announcementLanguage, null, 'without agentEnabled people keep theirs');
        assertWebexError(await admin.post(`${LOCATIONS}/${id}/actions/modifyAnnouncementLanguage/invoke`, { announcementLanguageCode: 'klingon' }), 400);
        assertWebexError(await admin.post(`${LOCATIONS}/${id}/actions/modifyAnnouncementLanguage/invoke`, {}), 400);
      });

      it('reads and changes the network connection type', async () => {
        const id = await callingLocation(admin);
        assert.deepEqual((await admin.get(`${LOCATIONS}/${id}/privateNetworkConnect`)).body, { networkConnectionType: 'PUBLIC_INTERNET' });
        assert.equal((await admin.put(`${LOCATIONS}/${id}/privateNetworkConnect`, { networkConnectionType: 'PRIVATE_NETWORK' })).status, 204);
        assert.deepEqual((await admin.get(`${LOCATIONS}/${id}/privateNetworkConnect`)).body, { networkConnectionType: 'PRIVATE_NETWORK' });
        assertWebexError(await admin.put(`${LOCATIONS}/${id}/privateNetworkConnect`, { networkConnectionType: 'VPN' }), 400);
        const plain = await createLocation(admin);
        assertWebexError(await admin.get(`${LOCATIONS}/${plain.id}/privateNetworkConnect`), 404);
      });
    });

    describe('scopes and organizations', () => {
      it('reads need telephony_config_read, writes telephony_config_write; orgId of another organization is 403', async () => {
        const me = (await admin.get('/v1/people/me')).body.id;
        const reader = await clientWithScopes(admin, me, ['spark-admin:telephony_config_read']);
        assert.equal((await reader.get(`${LOCATIONS}/${hq.id}`)).status, 200);
        assertWebexError(await reader.put(`${LOCATIONS}/${hq.id}`, { outsideDialDigit: '9' }), 403);
        assertWebexError(await reader.post(LOCATIONS, (await admin.get(`/v1/locations/${hq.id}`)).body), 403);
        assertWebexError(await reader.put(`${LOCATIONS}/${hq.id}/privateNetworkConnect`, { networkConnectionType: 'PUBLIC_INTERNET' }), 403);
        const people = await clientWithScopes(admin, me, ['spark-admin:people_read']);
        assertWebexError(await people.get(LOCATIONS), 403);
        assertWebexError(await people.get(JOBS), 403);
        const other = await createOrganization(server.anonymous);
        assertWebexError(await admin.get(LOCATIONS, { orgId: other.orgId }), 403);
        assertWebexError(await other.admin.put(`${LOCATIONS}/${hq.id}`, { outsideDialDigit: '9' }), 404);
      });
    });

    describe('the sandbox clock', () => {
      it('reports, switches and advances the server clock', async () => {
        const state = (await admin.get('/sandbox/v1/clock')).body;
        assert.equal(state.mode, 'manual');
        const moved = await admin.post('/sandbox/v1/clock/advance', { ms: 60_000 });
        assert.equal(moved.status, 200, moved.text);
        assert.equal(Date.parse(moved.body.now) - Date.parse(state.now), 60_000);
        assertWebexError(await server.anonymous.get('/sandbox/v1/clock'), 401);
        assertWebexError(await admin.post('/sandbox/v1/clock/advance', { ms: -5 }), 400);
      });

      // The only periodic task on the clock is the retention pass, hourly: a year's advance runs
      // it once, at the last hour (it ran its 8,784 passes one by one, over a minute on
      // PostgreSQL on a busy machine). The timeout guards a hang, not a speed.
      it('advances by the longest step allowed, a year, at once', { timeout: 60_000 }, async () => {
        const before = Date.parse((await admin.get('/sandbox/v1/clock')).body.now);
        const year = 366 * 24 * 3600_000;
        const moved = await admin.post('/sandbox/v1/clock/advance', { ms: year });
        assert.equal(moved.status, 200, moved.text);
        assert.equal(Date.parse(moved.body.now) - before, year);
        assert.equal((await admin.get('/v1/people/me')).status, 200);
      });
    });
  });
}

describe('a routing prefix job across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callplane-jobs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes after the last member it moved and completes', async () => {
    const database = { kind: 'sqlite' as const, path: join(dir, 'store.sqlite') };
    const adminToken = 'restart-admin-token-0123456789';
    const first = await startServer('sqlite', { clock: new SandboxClock('manual'), config: { database, adminToken } });
    const id = await callingLocation(first.admin);
    const people = [];
    for (let i = 0; i < 30; i++) people.push(await member(first.admin, id, `${7100 + i}`));
    const reply = await first.admin.put(`${LOCATIONS}/${id}`, { routingPrefix: '71' });
    assert.equal(reply.status, 200, reply.text);
    await first.app.clock.advance(1000);
    assert.equal((await first.admin.get(`${JOBS}/${reply.body.batchJobId}`)).body.counts.routingPrefixUpdated, 20);
    await first.app.close();

    const clock = new SandboxClock('manual');
    const second = await startServer('sqlite', { clock, config: { database, adminToken } });
    try {
      await clock.advance(1000);
      const job = (await second.admin.get(`${JOBS}/${reply.body.batchJobId}`)).body;
      assert.equal(job.latestExecutionStatus, 'COMPLETED');
      assert.deepEqual(job.counts, { routingPrefixUpdated: 30, routingPrefixFailed: 0 });
      assert.equal(await workExtension(second.admin, people[29]!.id), '717129');
    } finally {
      await second.close();
    }
  });
});
