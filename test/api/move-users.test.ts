import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, licenses } from '../support/factories.ts';
import { addNumbers, callingLocation, callingUserIn, newNumber } from '../support/location-numbers.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Move users jobs: one user's move validated (nothing changes), users moved to another calling
// location on the server clock with their extension and number, per-user errors, pause and resume.

const JOBS = '/v1/telephony/config/jobs/person/moveLocation';

for (const dialect of dialects) {
  describe(`Move users jobs (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;
    let professional: string;

    const finish = async (jobId: string) => {
      for (let i = 0; i < 100; i++) {
        const job = (await admin.get(`${JOBS}/${jobId}`)).body;
        if (job.latestExecutionStatus === 'COMPLETED') return job;
        await clock.advance(1000);
      }
      assert.fail('the job never completed');
    };
    const calling = async (personId: string) => (await admin.get(`/v1/people/${personId}`, { callingData: 'true' })).body;
    const userWithNumber = async (locationId: string) => {
      const number = newNumber();
      await addNumbers(admin, locationId, [number]);
      return callingUserIn(admin, locationId, professional, number);
    };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      professional = (await licenses(admin)).professional;
    });
    after(() => server.close());

    it('given validate true, answers the move’s errors per user and changes nothing', async () => {
      const from = await callingLocation(admin);
      const to = await callingLocation(admin);
      const ann = await userWithNumber(from.id);
      const taken = await callingUserIn(admin, to.id, professional);
      const clash = await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: true, users: [{ userId: ann.id, extension: taken.extension }] }] });
      assert.equal(clash.status, 200, clash.text);
      assert.deepEqual(clash.body.response.map((r: any) => [r.userId, r.errors?.[0]?.code]), [[ann.id, 4202]]);
      const fine = await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: true, users: [{ userId: ann.id }] }] });
      assert.deepEqual(fine.body.response, [{ userId: ann.id }]);
      const same = await admin.post(JOBS, { usersList: [{ locationId: from.id, validate: true, users: [{ userId: ann.id }] }] });
      assert.equal(same.body.response[0].errors[0].code, 25378);
      assert.equal((await calling(ann.id)).locationId, from.id, 'a validation moves nobody');
      assert.equal((await admin.get('/v1/telephony/config/numbers', { phoneNumber: ann.phoneNumber })).body.phoneNumbers[0].location.id, from.id);
    });

    it('moves users on the server clock with their extension and number; one to another country is a job error', async () => {
      const from = await callingLocation(admin);
      const to = await callingLocation(admin);
      const paris = await callingLocation(admin, 'FR');
      const [ann, bob] = [await userWithNumber(from.id), await userWithNumber(from.id)];
      const started = await admin.post(JOBS, {
        usersList: [
          { locationId: to.id, validate: false, users: [{ userId: ann.id }] },
          { locationId: paris.id, validate: false, users: [{ userId: bob.id }] },
        ],
      });
      assert.equal(started.status, 201, started.text);
      const job = started.body.response;
      assert.deepEqual([job.name, job.latestExecutionStatus, job.counts.totalMoves], ['moveusers', 'STARTING', 2]);
      const done = await finish(job.id);
      assert.deepEqual([done.latestExecutionExitCode, done.counts.moved, done.counts.failed], ['COMPLETED_WITH_ERRORS', 1, 1]);
      const moved = await calling(ann.id);
      assert.deepEqual([moved.locationId, moved.extension], [to.id, ann.extension]);
      assert.equal((await admin.get('/v1/telephony/config/numbers', { phoneNumber: ann.phoneNumber })).body.phoneNumbers[0].location.id, to.id);
      assert.equal((await calling(bob.id)).locationId, from.id);
      const errors = await admin.get(`${JOBS}/${job.id}/errors`);
      assert.equal(errors.status, 200, errors.text);
      assert.equal(errors.body.items.length, 1);
      assert.equal((await admin.get(JOBS)).body.items.some((j: { id: string }) => j.id === job.id), true);
      assertWebexError(await admin.post(`${JOBS}/${job.id}/actions/pause/invoke`, {}), 409);
    });

    it('pauses a running job and resumes it where it stopped', async () => {
      const from = await callingLocation(admin);
      const to = await callingLocation(admin);
      const ann = await callingUserIn(admin, from.id, professional);
      const job = (await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: false, users: [{ userId: ann.id }] }] })).body.response;
      assert.equal((await admin.post(`${JOBS}/${job.id}/actions/pause/invoke`, {})).status, 202);
      await clock.advance(5000);
      const paused = (await admin.get(`${JOBS}/${job.id}`)).body;
      assert.deepEqual([paused.latestExecutionExitCode, paused.counts.pending], ['STOPPED', 1]);
      assert.equal((await calling(ann.id)).locationId, from.id);
      assert.equal((await admin.post(`${JOBS}/${job.id}/actions/resume/invoke`, {})).status, 202);
      await finish(job.id);
      assert.equal((await calling(ann.id)).locationId, to.id);
    });

    it('refuses a request Webex refuses: no users, several users to validate, a duplicate, a bad number; an unknown user is a 404', async () => {
      const from = await callingLocation(admin);
      const to = await callingLocation(admin);
      const [ann, bob] = [await callingUserIn(admin, from.id, professional), await callingUserIn(admin, from.id, professional)];
      assertWebexError(await admin.post(JOBS, { usersList: [] }), 400, /Users list/);
      assertWebexError(await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: false, users: [] }] }), 400);
      assertWebexError(await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: true, users: [{ userId: ann.id }, { userId: bob.id }] }] }), 400, /single user/);
      assertWebexError(await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: false, users: [{ userId: ann.id }, { userId: ann.id }] }] }), 400, /Duplicate/);
      assertWebexError(await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: false, users: [{ userId: ann.id, phoneNumber: '5551234' }] }] }), 400, /e164/);
      const ghost = Buffer.from('ciscospark://us/PEOPLE/00000000-0000-4000-8000-000000000000').toString('base64url');
      assertWebexError(await admin.post(JOBS, { usersList: [{ locationId: to.id, validate: false, users: [{ userId: ghost }] }] }), 404);
    });
  });
}
