import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createLocation, freeExtension, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';
const JOBS = `${CONFIG}/jobs/locations/deleteCallingLocation`;

for (const dialect of dialects) {
  describe(`Disabling a calling location: safe delete check and jobs (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
    });
    after(() => server.close());

    const precheck = async (locationId: string) => {
      const reply = await admin.post(`${CONFIG}/locations/${locationId}/actions/precheckForDeletion/invoke`, {});
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };

    it('reports what blocks disabling: members block it, features need force, an empty location is free', async () => {
      const branch = await createCallingLocation(admin);
      assert.deepEqual(await precheck(branch.id), {
        locationDeleteStatus: 'UNBLOCKED',
        blocking: { lastLocation: false, trunksInUseCount: 0, usersInUseCount: 0, workspacesInUseCount: 0, virtualLineInUseCount: 0, numbersOrderPending: false },
        nonBlocking: { numbersPresent: false },
        blockingUnlessForced: { nonUserEntitiesInUse: false, trunksCount: 0 },
      });
      const line = await admin.post(`${CONFIG}/virtualLines`, { firstName: 'Desk', lastName: unique('L'), locationId: branch.id, extension: freeExtension() });
      const blocked = await precheck(branch.id);
      assert.deepEqual([blocked.locationDeleteStatus, blocked.blocking.virtualLineInUseCount], ['BLOCKED', 1]);
      assertWebexError(await admin.post(JOBS, { locationId: branch.id }), 400, /1 virtual lines/);
      assert.equal((await admin.delete(`${CONFIG}/virtualLines/${line.body.id}`)).status, 204);
      const group = await admin.post(`${CONFIG}/locations/${branch.id}/huntGroups`, {
        name: unique('Group '),
        extension: freeExtension(),
        enabled: true,
        callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 3, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } },
        agents: [],
      });
      assert.equal(group.status, 200, group.text);
      const forced = await precheck(branch.id);
      assert.deepEqual([forced.locationDeleteStatus, forced.blockingUnlessForced.nonUserEntitiesInUse], ['FORCE_REQUIRED', true]);
      assertWebexError(await admin.post(JOBS, { locationId: branch.id }), 400, /forceDelete/);
      const plain = await createLocation(admin);
      assertWebexError(await admin.post(`${CONFIG}/locations/${plain.id}/actions/precheckForDeletion/invoke`, {}), 404);
    });

    it('disables a location in a job on the server clock, after a pause and a resume; its features go when forced', async () => {
      const branch = await createCallingLocation(admin);
      const group = await admin.post(`${CONFIG}/locations/${branch.id}/huntGroups`, {
        name: unique('Group '),
        extension: freeExtension(),
        enabled: true,
        callPolicies: { policy: 'REGULAR', noAnswer: { nextAgentEnabled: false, nextAgentRings: 3, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false } },
        agents: [],
      });
      assertWebexError(await admin.post(JOBS, { locationId: branch.id, locationName: 'Somewhere else', forceDelete: true }), 400, /locationName/);
      const started = await admin.post(JOBS, { locationId: branch.id, locationName: branch.name, forceDelete: true });
      assert.equal(started.status, 202, started.text);
      assert.deepEqual([started.body.name, started.body.locationName, started.body.latestExecutionStatus], ['deletecallinglocation', branch.name, 'STARTING']);
      const job = `${JOBS}/${started.body.id}`;
      assertWebexError(await admin.post(JOBS, { locationId: branch.id, forceDelete: true }), 409);
      assert.equal((await admin.post(`${job}/actions/pause/invoke`, {})).status, 202);
      await clock.advance(5000);
      assert.equal((await admin.get(job)).body.latestExecutionStatus, 'PAUSED');
      assertWebexError(await admin.post(`${job}/actions/pause/invoke`, {}), 409);
      assert.equal((await admin.post(`${job}/actions/resume/invoke`, {})).status, 202);
      await clock.advance(1000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const done = (await admin.get(job)).body;
      assert.deepEqual([done.latestExecutionStatus, done.latestExecutionExitCode], ['COMPLETED', 'COMPLETED']);
      assert.deepEqual((await admin.get(`${job}/errors`)).body, { items: [] });
      assert.ok((await admin.get(JOBS)).body.items.some((j: { id: string }) => j.id === started.body.id));
      // The location is no longer a calling location; its hunt group went with it; it can be deleted now.
      assertWebexError(await admin.get(`${CONFIG}/locations/${branch.id}`), 404);
      assert.equal((await admin.get(`/v1/locations/${branch.id}`)).status, 200);
      const groups = (await admin.get(`${CONFIG}/huntGroups`, { max: 1000 })).body.huntGroups as { id: string }[];
      assert.equal(groups.some((g) => g.id === group.body.id), false);
      assert.equal((await admin.delete(`/v1/locations/${branch.id}`)).status, 204);
      assertWebexError(await admin.post(`${job}/actions/resume/invoke`, {}), 409);
    });

    it('fails the job when a member joined the location before it ran, and lists the error', async () => {
      const branch = await createCallingLocation(admin);
      const started = await admin.post(JOBS, { locationId: branch.id });
      assert.equal(started.status, 202, started.text);
      const line = await admin.post(`${CONFIG}/virtualLines`, { firstName: 'Late', lastName: unique('L'), locationId: branch.id, extension: freeExtension() });
      assert.equal(line.status, 201, line.text);
      await clock.advance(1000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const job = `${JOBS}/${started.body.id}`;
      assert.equal((await admin.get(job)).body.latestExecutionStatus, 'FAILED');
      const errors = (await admin.get(`${job}/errors`)).body.items;
      assert.equal(errors.length, 1);
      assert.match(errors[0].error.message[0].description, /virtual lines/);
      assert.equal((await admin.get(`${CONFIG}/locations/${branch.id}`)).status, 200);
      assertWebexError(await admin.get(`${JOBS}/nope`), 404);
    });
  });
}
