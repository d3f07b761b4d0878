import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEVICE_DEFAULTS } from '../../src/domain/devices/device-customizations.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, createOrganization, createPerson, defaultLocation, freeExtension, licenses, unique } from '../support/factories.ts';
import { createDevice } from '../support/devices.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';
const JOBS = `${CONFIG}/jobs/devices/callDeviceSettings`;
const REBUILD = `${CONFIG}/jobs/devices/rebuildPhones`;
const IMAGES = `${CONFIG}/devices/backgroundImages`;

/** The smallest PNG signature and header, enough to be recognised as an image. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

/** A whole MPP document, as a device PUT sends it: Webex's defaults with some changes. */
const mpp = (overrides: Record<string, unknown> = {}) => ({ ...DEVICE_DEFAULTS.mpp, defaultLoggingLevel: 'DEBUGGING', ...overrides });

/** Uploads an image as multipart/form-data over real HTTP. */
async function uploadImage(client: Client, deviceId: string, fileName: string, content: Uint8Array, type = 'image/png') {
  const form = new FormData();
  form.append('fileName', fileName);
  form.append('file', new Blob([content as Uint8Array<ArrayBuffer>], { type }), `${fileName}.png`);
  const response = await fetch(client.url(`${CONFIG}/devices/${deviceId}/actions/backgroundImageUpload/invoke`, {}), {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
}

for (const dialect of dialects) {
  describe(`Device Call Settings: customizations, jobs and background images (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let clock: SandboxClock;
    let site: { id: string };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      site = await createCallingLocation(admin);
    });
    after(() => server.close());

    /** A calling user of a location by extension only (its numbers are the default location's). */
    const branchUser = async (locationId: string) => {
      const { professional } = await licenses(admin);
      return createPerson(admin, { locationId, extension: freeExtension(), licenses: [professional] }, { callingData: 'true' });
    };

    /** Lets a device job run to its end (a step a second). */
    const finish = async () => {
      for (let i = 0; i < 3; i++) await clock.advance(1000);
    };

    it("a new organization shows Webex's defaults; a device shows its family's settings inherited", async () => {
      const org = await admin.get(`${CONFIG}/devices/settings`);
      assert.equal(org.status, 200, org.text);
      assert.deepEqual(Object.keys(org.body.customizations).sort(), ['ata', 'dect', 'mpp']);
      const owner = await branchUser(site.id);
      const device = await createDevice(admin, { personId: owner.id }, 'DMS Cisco 8865');
      const got = await admin.get(`${CONFIG}/devices/${device.id}/settings`);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.body.customEnabled, false);
      assert.deepEqual(Object.keys(got.body.customizations), ['mpp']);
      for (const [field, value] of Object.entries(org.body.customizations.mpp)) assert.deepEqual(got.body.customizations.mpp[field], value, field);
      const ata = await createDevice(admin, { personId: owner.id }, 'DMS Cisco 192');
      assert.deepEqual(Object.keys((await admin.get(`${CONFIG}/devices/${ata.id}/settings`)).body.customizations), ['ata']);
    });

    it('a device PUT customizes the device; customEnabled false returns it to its location', async () => {
      const owner = await branchUser(site.id);
      const device = await createDevice(admin, { personId: owner.id });
      const path = `${CONFIG}/devices/${device.id}/settings`;
      assert.equal((await admin.put(path, { customizations: { mpp: mpp({ backlightTimer: 'ONE_MIN' }) } })).status, 204);
      let got = (await admin.get(path)).body;
      assert.deepEqual([got.customEnabled, got.customizations.mpp.backlightTimer, got.customizations.mpp.defaultLoggingLevel], [true, 'ONE_MIN', 'DEBUGGING']);
      assert.equal((await admin.put(path, { customEnabled: false, customizations: { mpp: mpp({ backlightTimer: 'ONE_MIN' }) } })).status, 204);
      got = (await admin.get(path)).body;
      assert.deepEqual([got.customEnabled, got.customizations.mpp.backlightTimer], [false, 'THIRTY_MIN']);
    });

    it('refuses what Webex does: another family, a custom background without its URL, reused multicast ports, unknown devices', async () => {
      const owner = await branchUser(site.id);
      const device = await createDevice(admin, { personId: owner.id });
      const path = `${CONFIG}/devices/${device.id}/settings`;
      assertWebexError(await admin.put(path, { customizations: { mpp: mpp({ background: { image: 'CUSTOM_BACKGROUND', customUrl: '' } }) } }), 400, /customUrl/);
      assertWebexError(await admin.put(path, { customizations: { mpp: mpp({ multicast: ['224.0.0.1:2000', '224.0.0.2:2000'] }) } }), 400, /port/);
      assertWebexError(await admin.put(path, { customizations: { mpp: mpp({ shortInterdigitTimer: 20, longInterdigitTimer: 10 }) } }), 400, /interdigit/i);
      const ataBody = (await admin.get(`${CONFIG}/devices/settings`)).body.customizations.ata;
      assertWebexError(await admin.put(path, { customizations: { ata: ataBody } }), 400, /ata/);
      assertWebexError(await admin.put(path, { customizations: { mpp: mpp({ backlightTimer: 'FOREVER' }) } }), 400);
      const unknown = `${CONFIG}/devices/Y2lzY29zcGFyazovL3VzL0RFVklDRS8wMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA/settings`;
      assertWebexError(await admin.get(unknown), 404);
    });

    it("a location job customizes a location's devices; the organization job changes the level the rest inherit", async () => {
      const branch = await createCallingLocation(admin);
      const there = await branchUser(branch.id);
      const device = await createDevice(admin, { personId: there.id });
      // The device's own customization gives way to the job's.
      await admin.put(`${CONFIG}/devices/${device.id}/settings`, { customizations: { mpp: mpp({ backlightTimer: 'ONE_MIN' }) } });
      const started = await admin.post(JOBS, { locationId: branch.id, locationCustomizationsEnabled: true, customizations: { mpp: mpp({ backlightTimer: 'FIVE_MIN' }) } });
      assert.equal(started.status, 200, started.text);
      assert.deepEqual([started.body.latestExecutionStatus, started.body.target, started.body.counts.totalMoves], ['STARTING', 'LOCATION', 1]);
      await finish();
      const job = await admin.get(`${JOBS}/${started.body.id}`);
      assert.deepEqual([job.body.latestExecutionStatus, job.body.latestExecutionExitCode, job.body.counts.moved, job.body.percentageComplete], ['COMPLETED', 'COMPLETED', 1, 100]);
      const location = (await admin.get(`${CONFIG}/locations/${branch.id}/devices/settings`)).body;
      assert.deepEqual([location.customEnabled, location.customizations.mpp.backlightTimer], [true, 'FIVE_MIN']);
      const onDevice = (await admin.get(`${CONFIG}/devices/${device.id}/settings`)).body;
      assert.deepEqual([onDevice.customEnabled, onDevice.customizations.mpp.backlightTimer], [false, 'FIVE_MIN']);
      // The phone took its configuration: the Devices API shows when.
      assert.ok((await admin.get(`/v1/devices/${device.id}`)).body.lastSeen);

      const orgJob = await admin.post(JOBS, { customizations: { mpp: mpp({ backlightTimer: 'ALWAYS_ON' }) } });
      assert.equal(orgJob.status, 200, orgJob.text);
      assert.equal(orgJob.body.target, 'CUSTOMER');
      await finish();
      assert.equal((await admin.get(`${CONFIG}/devices/settings`)).body.customizations.mpp.backlightTimer, 'ALWAYS_ON');
      const another = await createCallingLocation(admin);
      assert.equal((await admin.get(`${CONFIG}/locations/${another.id}/devices/settings`)).body.customizations.mpp.backlightTimer, 'ALWAYS_ON');
      // The branch keeps its own customizations.
      assert.equal((await admin.get(`${CONFIG}/locations/${branch.id}/devices/settings`)).body.customizations.mpp.backlightTimer, 'FIVE_MIN');
      const listed = await admin.get(JOBS);
      assert.ok(listed.body.items.some((j: any) => j.id === orgJob.body.id));
      const errors = await admin.get(`${JOBS}/${orgJob.body.id}/errors`);
      assert.equal(errors.status, 200, errors.text);
      assert.deepEqual(errors.body.items, []);
    });

    it('runs one device job at a time: a second one while the first runs is a 409', async () => {
      const hq = await defaultLocation(admin);
      const first = await admin.post(REBUILD, { locationId: hq.id });
      assert.equal(first.status, 202, first.text);
      assertWebexError(await admin.post(JOBS, { customizations: { mpp: mpp() } }), 409);
      await finish();
      const done = await admin.get(`${REBUILD}/${first.body.id}`);
      assert.deepEqual([done.body.latestExecutionStatus, done.body.target, done.body.percentageComplete], ['COMPLETED', 'LOCATION', 100]);
    });

    it("rebuild phones: every phone of the location takes its configuration again (lastSeen moves on)", async () => {
      const branch = await createCallingLocation(admin);
      const there = await branchUser(branch.id);
      const device = await createDevice(admin, { personId: there.id });
      assert.equal((await admin.get(`/v1/devices/${device.id}`)).body.lastSeen, undefined);
      const started = await admin.post(REBUILD, { locationId: branch.id });
      assert.equal(started.status, 202, started.text);
      assert.deepEqual([started.body.name, started.body.deviceCount], ['rebuildphones', 1]);
      await finish();
      assert.ok((await admin.get(`/v1/devices/${device.id}`)).body.lastSeen);
      assert.ok((await admin.get(REBUILD)).body.items.some((j: any) => j.id === started.body.id));
      assert.deepEqual((await admin.get(`${REBUILD}/${started.body.id}/errors`)).body.items, []);
      assertWebexError(await admin.post(REBUILD, {}), 400, /locationId/);
      assertWebexError(await admin.get(`${JOBS}/${started.body.id}`), 404);
    });

    it('background images: uploads a PNG, lists it, refuses non-images, keeps an image in use unless forced', async () => {
      const owner = await branchUser(site.id);
      const device = await createDevice(admin, { personId: owner.id });
      const name = unique('Logo');
      const uploaded = await uploadImage(admin, device.id, name, PNG);
      assert.equal(uploaded.status, 201, uploaded.text);
      assert.equal(uploaded.body.filename, name);
      const url = uploaded.body.backgroundImageUrl;
      const listed = await admin.get(IMAGES);
      assert.ok(listed.body.backgroundImages.some((i: any) => i.fileName === name && i.backgroundImageUrl === url));
      assertWebexError(await uploadImage(admin, device.id, name, PNG), 409);
      assertWebexError(await uploadImage(admin, device.id, unique('Text'), new TextEncoder().encode('not an image'), 'image/png'), 415);
      assertWebexError(await uploadImage(admin, device.id, unique('Big'), new Uint8Array(700 * 1024).fill(0x89)), 400, /625 KB/);

      const settings = `${CONFIG}/devices/${device.id}/settings`;
      assert.equal((await admin.put(settings, { customizations: { mpp: mpp({ background: { image: 'CUSTOM_BACKGROUND', customUrl: url } }) } })).status, 204);
      const kept = await admin.request('DELETE', IMAGES, { body: { backgroundImages: [{ fileName: name }, { fileName: 'nothing-here' }] } });
      assert.equal(kept.status, 206, kept.text);
      assert.deepEqual(kept.body.items.map((i: any) => i.result.status), [400, 404]);
      const forced = await admin.request('DELETE', IMAGES, { body: { backgroundImages: [{ fileName: name, forceDelete: true }] } });
      assert.equal(forced.status, 200, forced.text);
      assert.equal((await admin.get(settings)).body.customizations.mpp.background.image, 'NONE');
      assert.ok(!(await admin.get(IMAGES)).body.backgroundImages.some((i: any) => i.fileName === name));
    });

    it("a person's and a workspace's compression: OFF until changed", async () => {
      const person = await branchUser(site.id);
      const path = `${CONFIG}/people/${person.id}/devices/settings`;
      assert.deepEqual((await admin.get(path)).body, { compression: 'OFF' });
      assert.equal((await admin.put(path, { compression: 'ON' })).status, 204);
      assert.deepEqual((await admin.get(path)).body, { compression: 'ON' });
      assertWebexError(await admin.put(path, { compression: 'MAYBE' }), 400);
      const room = await admin.post('/v1/workspaces', { displayName: unique('Room '), calling: { type: 'webexCalling', webexCalling: { extension: freeExtension(), locationId: site.id } } });
      assert.equal(room.status, 201, room.text);
      const roomPath = `${CONFIG}/workspaces/${room.body.id}/devices/settings`;
      assert.deepEqual((await admin.get(roomPath)).body, { compression: 'OFF' });
      assert.equal((await admin.put(roomPath, { compression: 'ON' })).status, 204);
      assert.deepEqual((await admin.get(roomPath)).body, { compression: 'ON' });
    });

    it("another organization's devices, locations, jobs and images are not found and never listed", async () => {
      const other = await createOrganization(server.anonymous);
      const theirHq = await defaultLocation(other.admin);
      const theirUser = await createCallingUser(other.admin);
      const theirDevice = await createDevice(other.admin, { personId: theirUser.id });
      const theirImage = unique('Theirs');
      assert.equal((await uploadImage(other.admin, theirDevice.id, theirImage, PNG)).status, 201);
      const theirJob = await other.admin.post(REBUILD, { locationId: theirHq.id });
      assert.equal(theirJob.status, 202, theirJob.text);
      assertWebexError(await admin.get(`${CONFIG}/devices/${theirDevice.id}/settings`), 404);
      assertWebexError(await admin.put(`${CONFIG}/devices/${theirDevice.id}/settings`, { customizations: { mpp: mpp() } }), 404);
      assertWebexError(await admin.get(`${CONFIG}/locations/${theirHq.id}/devices/settings`), 404);
      assertWebexError(await admin.post(REBUILD, { locationId: theirHq.id }), 404);
      assertWebexError(await admin.get(`${REBUILD}/${theirJob.body.id}`), 404);
      assertWebexError(await uploadImage(admin, theirDevice.id, unique('Mine'), PNG), 404);
      assert.ok(!(await admin.get(IMAGES)).body.backgroundImages.some((i: any) => i.fileName === theirImage));
      assert.ok(!(await admin.get(REBUILD)).body.items.some((j: any) => j.id === theirJob.body.id));
      const mine = await admin.request('DELETE', IMAGES, { body: { backgroundImages: [{ fileName: theirImage }] } });
      assert.deepEqual(mine.body.items.map((i: any) => i.result.status), [404]);
      assert.ok((await other.admin.get(IMAGES)).body.backgroundImages.some((i: any) => i.fileName === theirImage));
    });
  });
}
