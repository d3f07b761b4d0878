import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { callAction, demoCallers, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, defaultLocation, freeNumbers } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// A scripted day of calls on a manual clock, then the detailed call history it leaves: one record
// per person leg, with Webex's field names, times, durations, directions, call types and outcomes.

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
type Row = Record<string, string | number | undefined>;

for (const dialect of dialects) {
  describe(`detailed call history (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;
    let people: Record<'alex' | 'blair' | 'casey', Caller>;
    let hq: { id: string; name: string };
    let dayStart: number;
    let rows: Row[];

    const feed = (query: Record<string, string | number>, api: Client = admin) => api.get('/v1/cdr_feed', query);
    const rowsOf = (who: Caller) => rows.filter((r) => r.User === who.name);

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      hq = await defaultLocation(admin);
      people = await demoCallers(admin);
      dayStart = clock.now().getTime();
      const { alex, blair, casey } = people;

      // 1. A PSTN caller rings Alex's number; Alex answers, they talk 90 s, Alex hangs up.
      await pstnCall(admin, '+14155550100', alex.number!);
      await clock.advance(4000);
      await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
      await clock.advance(90_000);
      await callAction(alex, 'hangup', { callId: (await onlyCall(alex)).id });
      await clock.advance(MINUTE);

      // 2. Alex dials Blair's extension; Blair rejects it.
      await callAction(alex, 'dial', { destination: blair.extension }, 201);
      await callAction(alex, 'answer', { callId: (await onlyCall(alex)).id });
      await clock.advance(3000);
      await callAction(blair, 'reject', { callId: (await onlyCall(blair)).id });
      await clock.advance(MINUTE);

      // 3. Casey dials a London number, which answers after the simulator's delay; 30 s later Casey hangs up.
      await callAction(casey, 'dial', { destination: '+442079460000' }, 201);
      await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
      await clock.advance(2000);
      await clock.advance(30_000);
      await callAction(casey, 'hangup', { callId: (await onlyCall(casey)).id });
      await clock.advance(MINUTE);

      // 4. Blair forwards every call to Casey; a PSTN caller rings Blair's number and Casey answers.
      const forward = await admin.put(`/v1/people/${blair.id}/features/callForwarding`, { callForwarding: { always: { enabled: true, destination: casey.extension } } });
      assert.equal(forward.status, 204, forward.text);
      await pstnCall(admin, '+14155550111', blair.number!);
      await clock.advance(2000);
      await callAction(casey, 'answer', { callId: (await onlyCall(casey)).id });
      await clock.advance(20_000);
      await callAction(casey, 'hangup', { callId: (await onlyCall(casey)).id });

      // The feed reaches up to 5 minutes ago.
      await clock.advance(10 * MINUTE);
      const reply = await feed({ startTime: iso(dayStart - MINUTE), endTime: iso(clock.now().getTime()) });
      assert.equal(reply.status, 200, reply.text);
      rows = reply.body.items;
    });
    after(() => server.close());

    it('an answered PSTN call: a TERMINATING SIP_INBOUND record of 90 s with its ring time, released locally', () => {
      const [row] = rowsOf(people.alex).filter((r) => r.Direction === 'TERMINATING');
      assert.ok(row, JSON.stringify(rows));
      assert.equal(row['Call type'], 'SIP_INBOUND');
      assert.equal(row.Answered, 'true');
      assert.equal(row['Answer indicator'], 'Yes');
      assert.equal(row.Duration, 90);
      assert.equal(row['Ring duration'], 4);
      assert.equal(row['Calling number'], '+14155550100');
      assert.equal(row['Called number'], people.alex.number);
      assert.equal(row['Releasing party'], 'Local');
      assert.equal(row['Call outcome'], 'Success');
      assert.equal(row['Call outcome reason'], 'Normal');
      assert.equal(row.Location, hq.name);
      assert.equal(row['Start time'], iso(dayStart));
      assert.equal(row['Answer time'], iso(dayStart + 4000));
      assert.equal(row['Release time'], iso(dayStart + 94_000));
    });

    it('a rejected internal call: both legs, SIP_ENTERPRISE, correlated, the callee\'s refused and the caller\'s released remotely', () => {
      const outgoing = rowsOf(people.alex).find((r) => r.Direction === 'ORIGINATING')!;
      const incoming = rowsOf(people.blair).find((r) => r.Direction === 'TERMINATING')!;
      assert.ok(outgoing && incoming, JSON.stringify(rows));
      assert.equal(outgoing['Call type'], 'SIP_ENTERPRISE');
      assert.equal(incoming['Call type'], 'SIP_ENTERPRISE');
      assert.equal(outgoing['Correlation ID'], incoming['Correlation ID']);
      assert.equal(outgoing['Remote call ID'], incoming['Local call ID']);
      assert.equal(incoming.Answered, 'false');
      assert.equal(incoming.Duration, 0);
      assert.equal(incoming['Call outcome'], 'Refusal');
      assert.equal(incoming['Call outcome reason'], 'CallRejected');
      assert.equal(incoming['Releasing party'], 'Local');
      assert.equal(outgoing.Answered, 'false');
      assert.equal(outgoing['Call outcome'], 'Refusal');
      assert.equal(outgoing['Releasing party'], 'Remote');
      assert.equal(outgoing['Called number'], people.blair.extension);
      assert.equal(outgoing['Calling line ID'], people.alex.name);
      assert.equal(outgoing['Called line ID'], people.blair.name);
    });

    it('an international call: an ORIGINATING SIP_INTERNATIONAL record naming the country code', () => {
      const [row] = rowsOf(people.casey).filter((r) => r.Direction === 'ORIGINATING');
      assert.ok(row, JSON.stringify(rows));
      assert.equal(rowsOf(people.casey).filter((r) => r['Called number'] === '+442079460000').length, 1, 'the PSTN side has no record of its own');
      assert.equal(row.Direction, 'ORIGINATING');
      assert.equal(row['Call type'], 'SIP_INTERNATIONAL');
      assert.equal(row['International country'], '44');
      assert.equal(row['Called number'], '+442079460000');
      assert.equal(row.Duration, 30);
      assert.equal(row.Answered, 'true');
    });

    it('a forwarded call: the answering person\'s record names the redirection, answered after it', () => {
      const row = rowsOf(people.casey).find((r) => r.Direction === 'TERMINATING');
      assert.ok(row, JSON.stringify(rows));
      assert.equal(row['Calling number'], '+14155550111');
      assert.equal(row['Redirect reason'], 'Unconditional');
      assert.equal(row['Original reason'], 'Unconditional');
      assert.equal(row['Redirecting number'], people.blair.number);
      assert.equal(row['Answer indicator'], 'Yes-PostRedirection');
      assert.equal(row.Duration, 20);
      assert.equal(rowsOf(people.blair).filter((r) => r['Calling number'] === '+14155550111').length, 0, 'Blair never rang');
    });

    it('the day holds exactly those five records, in report time order, each with its own Report ID', () => {
      assert.equal(rows.length, 5, JSON.stringify(rows, null, 1));
      const times = rows.map((r) => String(r['Report time']));
      assert.deepEqual([...times].sort(), times);
      assert.equal(new Set(rows.map((r) => r['Report ID'])).size, 5);
    });

    it('filters by location name, and an unknown location has no records', async () => {
      const window = { startTime: iso(dayStart - MINUTE), endTime: iso(clock.now().getTime()) };
      assert.equal((await feed({ ...window, locations: hq.name })).body.items.length, 5);
      assert.deepEqual((await feed({ ...window, locations: 'Nowhere' })).body.items, []);
      assertWebexError(await feed({ ...window, locations: Array.from({ length: 11 }, (_, i) => `L${i}`).join(',') }), 400, /10 locations/);
    });

    it('pages by 500 with a Link to the rest (max below 500 is raised to 500)', async () => {
      const reply = await feed({ startTime: iso(dayStart - MINUTE), endTime: iso(clock.now().getTime()), max: 1 });
      assert.equal(reply.body.items.length, 5);
      assert.equal(reply.headers.get('link'), null);
    });

    it('keeps Webex\'s windows: the feed from 48 h to 5 min ago, the stream 12 h back, ≤ 2 h, up to 1 min ago', async () => {
      const now = clock.now().getTime();
      assertWebexError(await feed({ startTime: iso(now - 49 * 60 * MINUTE), endTime: iso(now - MINUTE) }), 400, /48 hours/);
      assertWebexError(await feed({ startTime: iso(now - 2 * MINUTE), endTime: iso(now) }), 400, /5 minutes/);
      assertWebexError(await feed({ startTime: iso(now - 10 * MINUTE), endTime: iso(now - 20 * MINUTE) }), 400, /later than startTime/);
      assertWebexError(await feed({ startTime: '2026-01-01', endTime: iso(now) }), 400, /YYYY-MM-DDTHH:MM:SS/);
      assertWebexError(await admin.get('/v1/cdr_feed', { endTime: iso(now) }), 400);
      const stream = (startTime: number, endTime: number) => admin.get('/v1/cdr_stream', { startTime: iso(startTime), endTime: iso(endTime) });
      assertWebexError(await stream(now - 13 * 60 * MINUTE, now - 12 * 60 * MINUTE), 400, /12 hours/);
      assertWebexError(await stream(now - 10 * MINUTE, now), 400, /1 minute ago/);
      assertWebexError(await stream(now - 3 * 60 * MINUTE, now - 2 * MINUTE), 400, /2 hours/);
      const streamed = await stream(dayStart - MINUTE, now - MINUTE);
      assert.equal(streamed.status, 200, streamed.text);
      assert.equal(streamed.body.items.length, 5);
    });

    it('needs spark-admin:calling_cdr_read, and another organization sees none of these records', async () => {
      const window = { startTime: iso(dayStart - MINUTE), endTime: iso(clock.now().getTime()) };
      const user = await clientWithScopes(admin, people.alex.id, ['spark:calls_read']);
      assertWebexError(await feed(window, user), 403);
      const other = await createOrganization(server.anonymous);
      const reply = await feed(window, other.admin);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body.items, []);
    });

    describe('reports made from it', () => {
      const today = () => clock.now().toISOString().slice(0, 10);
      const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const create = async (body: Record<string, unknown>, path = '/v1/reports') => {
        const reply = await admin.post(path, body);
        assert.equal(reply.status, 200, reply.text);
        return reply.body;
      };
      const download = async (url: string) => {
        const reply = await admin.get(new URL(url).pathname);
        assert.equal(reply.status, 200, reply.text);
        assert.match(reply.headers.get('content-type')!, /^text\/csv/);
        return reply.text.trimEnd().split('\r\n');
      };

      it('a Detailed Call History report is done at once, and its CSV holds a row per record', async () => {
        const { id } = await create({ templateId: 400, startDate: dayOf(dayStart), endDate: today() });
        const details = (await admin.get(`/v1/reports/${id}`)).body;
        assert.equal(details.status, 'done');
        assert.equal(details.title, 'Calling Detailed Call History');
        assert.equal(details.timeZone, 'UTC');
        const lines = await download(details.downloadURL);
        assert.equal(lines[0]!.split(',')[0], 'Report ID');
        assert.equal(lines.length, 1 + rows.length);
        assert.ok(lines.some((l) => l.includes('+442079460000') && l.includes('SIP_INTERNATIONAL')));
      });

      it('a Calling Usage report sums each person\'s calls and minutes', async () => {
        const { id } = await create({ templateId: 401, startDate: dayOf(dayStart), endDate: today() });
        const lines = await download((await admin.get(`/v1/reports/${id}`)).body.downloadURL);
        assert.equal(lines[0], 'User,User number,Calls placed,Calls received,Calls missed,Total minutes');
        const alex = lines.find((l) => l.startsWith(`${people.alex.name},`))!.split(',');
        assert.deepEqual(alex.slice(2), ['1', '1', '0', '1.5'], 'one placed (rejected), one received of 90 s');
        const blair = lines.find((l) => l.startsWith(`${people.blair.name},`))!.split(',');
        assert.deepEqual(blair.slice(2), ['0', '0', '1', '0']);
      });

      it('lists, filters by template, deletes (then 404); the partner API keeps its own reports', async () => {
        const { id } = await create({ templateId: 401, startDate: dayOf(dayStart), endDate: today() });
        const listed = (await admin.get('/v1/reports', { templateId: 401 })).body['Report Attributes'];
        assert.ok(listed.some((r: { id: string }) => r.id === id));
        assert.ok(listed.every((r: { title: string }) => r.title === 'Calling Usage'));
        assert.equal((await admin.get('/v1/reports', { reportId: id })).body['Report Attributes'].length, 1);
        assertWebexError(await admin.get('/v1/reports', { from: '2026-01-01' }), 400, /together/);
        assert.equal((await admin.delete(`/v1/reports/${id}`)).status, 204);
        assertWebexError(await admin.get(`/v1/reports/${id}`), 404);
        const templates = (await admin.get('/v1/partner/reports/templates')).body['Template Collection'];
        assert.deepEqual(templates.map((t: { templateId: string }) => t.templateId), ['400', '401']);
        const made = await create({ templateId: 400, startDate: dayOf(dayStart), endDate: today() }, '/v1/partner/reports');
        assert.ok(made.reportId && made.createdTime);
        assert.equal((await admin.get(`/v1/partner/reports/${made.reportId}`)).body.status, 'done');
        assertWebexError(await admin.get(`/v1/reports/${made.reportId}`), 404);
        assert.equal((await admin.delete(`/v1/partner/reports/${made.reportId}`)).status, 204);
      });

      it('refuses an unknown template, a reversed or too long range and a bad date; isolates organizations; needs the reports scopes', async () => {
        assertWebexError(await admin.post('/v1/reports', { templateId: 999, startDate: today(), endDate: today() }), 400, /template/);
        assertWebexError(await admin.post('/v1/reports', { templateId: 400, startDate: today(), endDate: '2020-01-01' }), 400, /before startDate/);
        assertWebexError(await admin.post('/v1/reports', { templateId: 400, startDate: '2026-01-01', endDate: '2026-03-01' }), 400, /31 days/);
        assertWebexError(await admin.post('/v1/reports', { templateId: 400, startDate: '1 Jan', endDate: today() }), 400, /YYYY-MM-DD/);
        assertWebexError(await admin.post('/v1/reports', { templateId: 400, startDate: today(), endDate: today(), timeZone: 'Mars/Base' }), 400);
        const { id } = await create({ templateId: 400, startDate: today(), endDate: today() });
        const other = await createOrganization(server.anonymous);
        assertWebexError(await other.admin.get(`/v1/reports/${id}`), 404);
        assertWebexError(await other.admin.get(`/v1/reports/${id}/download`), 404);
        const user = await clientWithScopes(admin, people.alex.id, ['spark:calls_read']);
        assertWebexError(await user.get('/v1/reports'), 403);
        assertWebexError(await user.get(`/v1/reports/${id}/download`), 403);
      });
    });
  });
}
