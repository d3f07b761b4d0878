import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createPerson, freeExtension, licenses } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const JOBS = '/v1/telephony/config/jobs/numbers/manageNumbers';
const numbersAt = (locationId: string) => `/v1/telephony/config/locations/${locationId}/numbers`;
let seq = Math.floor(Math.random() * 9000);
const fresh = (count: number) => Array.from({ length: count }, () => `+1512555${String(1000 + (seq++ % 9000)).padStart(4, '0')}`);

for (const dialect of dialects) {
  describe(`Numbers: validateNumbers and manage numbers jobs (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;

    const inventory = async (locationId: string) =>
      ((await admin.get('/v1/telephony/config/numbers', { locationId, max: 1000 })).body.phoneNumbers as { phoneNumber?: string; isServiceNumber?: boolean }[]).filter((n) => n.phoneNumber);
    const finish = async (jobId: string) => {
      for (let i = 0; i < 100; i++) {
        const job = (await admin.get(`${JOBS}/${jobId}`)).body;
        if (job.latestExecutionStatus === 'COMPLETED') return job;
        await clock.advance(1000);
      }
      assert.fail('the job never completed');
    };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
    });
    after(() => server.close());

    it('validates numbers: available, duplicate, duplicate in list, invalid, toll-free', async () => {
      const branch = await createCallingLocation(admin);
      const [held, free] = fresh(2);
      assert.equal((await admin.post(numbersAt(branch.id), { phoneNumbers: [held] })).status, 201);
      const reply = await admin.post('/v1/telephony/config/actions/validateNumbers/invoke', { phoneNumbers: [free, held, free, '12'] });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.status, 'ERRORS');
      assert.deepEqual(
        reply.body.numbers.map((n: { state: string }) => n.state),
        ['Available', 'Duplicate', 'Duplicate In List', 'Invalid'],
      );
      const ok = await admin.post('/v1/telephony/config/actions/validateNumbers/invoke', { phoneNumbers: ['+18005550199'] });
      assert.equal(ok.body.status, 'OK');
      assert.equal(ok.body.numbers[0].tollFreeNumber, true);
      assertWebexError(await admin.post('/v1/telephony/config/actions/validateNumbers/invoke', { phoneNumbers: [] }), 400);
    });

    it('moves unassigned numbers on the server clock, a batch a second; an assigned number is a job error', async () => {
      const from = await createCallingLocation(admin);
      const to = await createCallingLocation(admin);
      const numbers = fresh(25);
      assert.equal((await admin.post(numbersAt(from.id), { phoneNumbers: numbers })).status, 201);
      const assigned = numbers[0]!;
      // The person takes the number of the source location (not a free one of the default location).
      const { professional } = await licenses(admin);
      await createPerson(admin, { locationId: from.id, extension: freeExtension(), licenses: [professional], phoneNumbers: [{ type: 'work', value: assigned.replace(/^\+1/, '') }] }, { callingData: 'true' });

      const started = await admin.post(JOBS, { operation: 'MOVE', targetLocationId: to.id, numberList: [{ locationId: from.id, numbers }] });
      assert.equal(started.status, 201, started.text);
      assert.equal(started.body.operationType, 'MOVE');
      assert.equal(started.body.sourceLocationId, from.id);
      assert.equal(started.body.targetLocationId, to.id);
      assert.equal(started.body.counts.totalMoves, 25);
      // One job of the organization at a time.
      assertWebexError(await admin.post(JOBS, { operation: 'DELETE', numberList: [{ locationId: to.id, numbers: fresh(1) }] }), 409);

      await clock.advance(1000);
      const midway = (await admin.get(`${JOBS}/${started.body.id}`)).body;
      assert.equal(midway.latestExecutionStatus, 'STARTED');
      assert.equal(midway.counts.moved + midway.counts.failed, 20);
      const done = await finish(started.body.id);
      assert.equal(done.latestExecutionExitCode, 'COMPLETED_WITH_ERRORS');
      assert.deepEqual({ moved: done.counts.moved, failed: done.counts.failed, pending: done.counts.pending }, { moved: 24, failed: 1, pending: 0 });
      const moved = (await inventory(to.id)).map((n) => n.phoneNumber);
      assert.equal(moved.length, 24);
      assert.ok(!moved.includes(assigned));
      const errors = (await admin.get(`${JOBS}/${started.body.id}/errors`)).body.items;
      assert.equal(errors.length, 1);
      assert.equal(errors[0].item, assigned);
      assert.equal(errors[0].error.message[0].code, 'NUMBER_ASSIGNED');
      assert.ok((await admin.get(JOBS)).body.items.some((j: { id: string }) => j.id === started.body.id));
    });

    it('pauses and resumes a job; deletes numbers and changes their usage', async () => {
      const at = await createCallingLocation(admin);
      const numbers = fresh(45);
      assert.equal((await admin.post(numbersAt(at.id), { phoneNumbers: numbers })).status, 201);
      const job = await admin.post(JOBS, { operation: 'DELETE', numberList: [{ locationId: at.id, numbers: numbers.slice(0, 41) }] });
      assert.equal(job.status, 201, job.text);
      await clock.advance(1000);
      assert.equal((await admin.post(`${JOBS}/${job.body.id}/actions/pause/invoke`)).status, 204);
      const paused = (await admin.get(`${JOBS}/${job.body.id}`)).body;
      assert.equal(paused.latestExecutionExitCode, 'STOPPED');
      await clock.advance(5000);
      assert.equal((await admin.get(`${JOBS}/${job.body.id}`)).body.counts.moved, paused.counts.moved, 'nothing happens while paused');
      assert.equal((await admin.post(`${JOBS}/${job.body.id}/actions/resume/invoke`)).status, 204);
      const done = await finish(job.body.id);
      assert.equal(done.latestExecutionExitCode, 'COMPLETED');
      assert.equal(done.counts.moved, 41);
      assert.equal((await inventory(at.id)).length, 4);
      assertWebexError(await admin.post(`${JOBS}/${job.body.id}/actions/pause/invoke`), 409);

      const usage = await admin.post(JOBS, { operation: 'NUMBER_USAGE_CHANGE', numberUsageType: 'SERVICE', numberList: [{ locationId: at.id, numbers: numbers.slice(41, 43) }] });
      assert.equal(usage.status, 201, usage.text);
      await finish(usage.body.id);
      const service = (await inventory(at.id)).filter((n) => n.isServiceNumber).map((n) => n.phoneNumber);
      assert.deepEqual(service.sort(), numbers.slice(41, 43).sort());
    });

    it('refuses bad jobs (400) and unknown job IDs (404)', async () => {
      const at = await createCallingLocation(admin);
      assertWebexError(await admin.post(JOBS, { operation: 'SHRED', numberList: [{ locationId: at.id, numbers: fresh(1) }] }), 400);
      assertWebexError(await admin.post(JOBS, { operation: 'MOVE', numberList: [{ locationId: at.id, numbers: fresh(1) }] }), 400);
      assertWebexError(await admin.post(JOBS, { operation: 'NUMBER_USAGE_CHANGE', numberList: [{ locationId: at.id, numbers: fresh(1) }] }), 400);
      assertWebexError(await admin.post(JOBS, { operation: 'DELETE', numberList: [] }), 400);
      assertWebexError(await admin.post(JOBS, { operation: 'DELETE', numberList: [{ locationId: 'nowhere', numbers: fresh(1) }] }), 400);
      assertWebexError(await admin.post(JOBS, { operation: 'DELETE', numberList: [{ locationId: at.id, numbers: ['abc'] }] }), 400);
      assertWebexError(await admin.get(`${JOBS}/Y2lzY29zcGFyazovL3VzL0pPQl9JRC8wMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA`), 404);
    });
  });
}
