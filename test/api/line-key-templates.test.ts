import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingUser, unique } from '../support/factories.ts';
import { createDevice } from '../support/devices.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';
const TEMPLATES = `${CONFIG}/devices/lineKeyTemplates`;
const primary = { lineKeyIndex: 1, lineKeyType: 'PRIMARY_LINE', sharedLineIndex: 0 };
const speedDial = (index: number) => ({ lineKeyIndex: index, lineKeyType: 'SPEED_DIAL', lineKeyLabel: 'Help desk', lineKeyValue: '+14155550100', sharedLineIndex: 0 });

for (const dialect of dialects) {
  describe(`Line key templates and device layouts (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
    });
    after(() => server.close());

    it('creates a template for a model (keys not given are OPEN), lists, changes and deletes it', async () => {
      const name = unique('Sales ');
      const created = await admin.post(TEMPLATES, { templateName: name, deviceModel: 'Cisco 8845', lineKeys: [primary, speedDial(3)] });
      assert.equal(created.status, 201, created.text);
      const path = `${TEMPLATES}/${created.body.id}`;
      const got = await admin.get(path);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual([got.body.templateName, got.body.deviceModel, got.body.modelDisplayName, got.body.userReorderEnabled], [name, 'DMS Cisco 8845', 'Cisco 8845', false]);
      assert.deepEqual(got.body.lineKeys.map((k: any) => k.lineKeyType), ['PRIMARY_LINE', 'OPEN', 'SPEED_DIAL', 'OPEN', 'OPEN']);
      assert.ok((await admin.get(TEMPLATES)).body.lineKeyTemplates.some((t: any) => t.id === created.body.id));
      assert.equal((await admin.put(path, { userReorderEnabled: true, lineKeys: [primary, speedDial(2)] })).status, 204);
      assert.deepEqual((await admin.get(path)).body.lineKeys.map((k: any) => k.lineKeyType), ['PRIMARY_LINE', 'SPEED_DIAL', 'OPEN', 'OPEN', 'OPEN']);
      assertWebexError(await admin.post(TEMPLATES, { templateName: name, deviceModel: 'Cisco 8845', lineKeys: [primary] }), 409);
      assert.equal((await admin.delete(path)).status, 204);
      assertWebexError(await admin.get(path), 404);
    });

    it('refuses keys past the model, a moved primary line, a speed dial without a number, and a model without line keys', async () => {
      const body = (lineKeys: unknown[], deviceModel = 'DMS Cisco 8845') => ({ templateName: unique('T '), deviceModel, lineKeys });
      assertWebexError(await admin.post(TEMPLATES, body([primary, speedDial(6)])), 400);
      assertWebexError(await admin.post(TEMPLATES, body([{ ...primary, lineKeyIndex: 2 }])), 400);
      assertWebexError(await admin.post(TEMPLATES, body([primary, { ...speedDial(2), lineKeyValue: 'not a number' }])), 400);
      assertWebexError(await admin.post(TEMPLATES, body([primary, primary])), 400);
      assertWebexError(await admin.post(TEMPLATES, body([primary], 'DMS Cisco 192')), 400);
    });

    it("a device's layout: DEFAULT keys for its lines, CUSTOM keys kept, DEFAULT again", async () => {
      const owner = await createCallingUser(admin);
      const other = await createCallingUser(admin);
      const device = await createDevice(admin, { personId: owner.id }, 'DMS Cisco 8865');
      const line = (id: string, port: number, primaryOwner: boolean) => ({ id, port, primaryOwner, lineType: primaryOwner ? 'PRIMARY' : 'SHARED_CALL_APPEARANCE', lineWeight: 1, hotlineEnabled: false, hotlineDestination: '', allowCallDeclineEnabled: true });
      await admin.put(`${CONFIG}/devices/${device.id}/members`, { members: [line(owner.id, 1, true), line(other.id, 2, false)] });
      const layout = `${CONFIG}/devices/${device.id}/layout`;
      let got = await admin.get(layout);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.layoutMode, 'DEFAULT');
      assert.deepEqual(got.body.lineKeys.map((k: any) => k.lineKeyType), ['PRIMARY_LINE', 'SHARED_LINE', 'OPEN', 'OPEN', 'OPEN']);
      const put = await admin.put(layout, { layoutMode: 'CUSTOM', lineKeys: [primary, speedDial(5)], kemModuleType: 'KEM_20_KEYS', kemKeys: [{ kemModuleIndex: 1, kemKeyIndex: 4, kemKeyType: 'OPEN', sharedLineIndex: 0 }] });
      assert.equal(put.status, 204, put.text);
      got = await admin.get(layout);
      assert.deepEqual([got.body.layoutMode, got.body.lineKeys[4].lineKeyType, got.body.kemModuleType], ['CUSTOM', 'SPEED_DIAL', 'KEM_20_KEYS']);
      assertWebexError(await admin.put(layout, { layoutMode: 'CUSTOM', lineKeys: [primary], kemModuleType: 'KEM_14_KEYS', kemKeys: [] }), 400);
      assert.equal((await admin.put(layout, { layoutMode: 'DEFAULT', lineKeys: [] })).status, 204);
      assert.equal((await admin.get(layout)).body.layoutMode, 'DEFAULT');
    });

    it('previews and applies a template as a job on the clock: the devices of its model get its keys', async () => {
      const person = await createCallingUser(admin);
      const tag = unique('floor');
      const a = await createDevice(admin, { personId: person.id }, 'DMS Cisco 8841');
      const b = await createDevice(admin, { personId: person.id }, 'DMS Cisco 8841');
      await createDevice(admin, { personId: person.id }, 'DMS Cisco 8865');
      for (const d of [a, b]) await admin.request('PATCH', `/v1/devices/${d.id}`, { body: [{ op: 'add', path: 'tags', value: [tag] }] });
      const template = await admin.post(TEMPLATES, { templateName: unique('Floor '), deviceModel: 'DMS Cisco 8841', lineKeys: [primary, speedDial(2)] });
      const body = { action: 'APPLY_TEMPLATE', templateId: template.body.id, includeDeviceTags: [tag] };
      const preview = await admin.post(`${CONFIG}/devices/actions/previewApplyLineKeyTemplate/invoke`, body);
      assert.equal(preview.status, 200, preview.text);
      assert.deepEqual(preview.body, { deviceCount: 2 });

      const started = await admin.post(`${CONFIG}/jobs/devices/applyLineKeyTemplate`, body);
      assert.equal(started.status, 202, started.text);
      assert.equal(started.body.latestExecutionStatus, 'STARTING');
      for (let i = 0; i < 3; i++) await clock.advance(1000);
      const job = await admin.get(`${CONFIG}/jobs/devices/applyLineKeyTemplate/${started.body.id}`);
      assert.deepEqual([job.body.latestExecutionStatus, job.body.latestExecutionExitCode, job.body.updatedCount, job.body.percentageComplete], ['COMPLETED', 'COMPLETED', 2, 100]);
      for (const d of [a, b]) {
        const layout = (await admin.get(`${CONFIG}/devices/${d.id}/layout`)).body;
        assert.deepEqual([layout.layoutMode, layout.lineKeys[1].lineKeyType], ['CUSTOM', 'SPEED_DIAL']);
      }
      const jobs = await admin.get(`${CONFIG}/jobs/devices/applyLineKeyTemplate`);
      assert.ok(jobs.body.items.some((j: any) => j.id === started.body.id));
      const errors = await admin.get(`${CONFIG}/jobs/devices/applyLineKeyTemplate/${started.body.id}/errors`);
      assert.equal(errors.status, 200, errors.text);
      assert.equal(errors.body.error, undefined);
      assertWebexError(await admin.post(`${CONFIG}/jobs/devices/applyLineKeyTemplate`, { action: 'APPLY_TEMPLATE', templateId: 'nope' }), 404);
    });
  });
}
