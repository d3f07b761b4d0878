import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createCallingLocation, createCallingUser, createOrganization, createPerson, freeExtension, licenses } from '../support/factories.ts';
import { createDevice } from '../support/devices.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';
const JOBS = `${CONFIG}/jobs/devices/dynamicDeviceSettings`;
const ORG_SETTINGS = `${CONFIG}/lists/devices/dynamicSettings/actions/getSettings/invoke`;
const BLUETOOTH = '%ENABLE_BLUETOOTH%';
const G711U = '%G711U_ORDER%';

for (const dialect of dialects) {
  describe(`Device dynamic settings (${dialect})`, () => {
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

    /** An MPP phone of a calling user of the test's location. */
    const phone = async (model = 'DMS Cisco 8865') => {
      const { professional } = await licenses(admin);
      const owner = await createPerson(admin, { locationId: site.id, extension: freeExtension(), licenses: [professional] }, { callingData: 'true' });
      return createDevice(admin, { personId: owner.id }, model);
    };
    const deviceSettings = (id: string, tags?: string[]) => admin.post(`${CONFIG}/lists/devices/${id}/dynamicSettings/actions/getSettings/invoke`, tags ? { tags } : {});
    const finish = async () => {
      for (let i = 0; i < 3; i++) await clock.advance(1000);
    };

    it('publishes the catalogue: settings groups and tabs, and the validation schema, filtered by family', async () => {
      const all = await admin.get(`${CONFIG}/devices/dynamicSettings/settingsGroups`);
      assert.equal(all.status, 200, all.text);
      assert.ok(all.body.settingsTabs.includes('MPP') && all.body.settingsTabs.includes('Poly'));
      const tabs = await admin.get(`${CONFIG}/devices/dynamicSettings/settingsGroups`, { includeSettingsType: 'TABS' });
      assert.equal(tabs.body.settingsGroups, undefined);
      const groups = await admin.get(`${CONFIG}/devices/dynamicSettings/settingsGroups`, { familyOrModelDisplayName: 'Cisco 8865', includeSettingsType: 'GROUPS' });
      assert.deepEqual([...new Set(groups.body.settingsGroups.map((g: any) => g.familyOrModelDisplayName))], ['MPP']);
      assert.equal(groups.body.settingsTabs, undefined);
      const schema = await admin.get(`${CONFIG}/devices/dynamicSettings/validationSchema`, { familyOrModelDisplayName: 'Poly' });
      assert.equal(schema.status, 200, schema.text);
      const bluetooth = schema.body.tags.find((t: any) => t.tag === BLUETOOTH);
      assert.deepEqual(bluetooth.validationRule, { type: 'boolean', values: ['1', '0'] });
      assert.deepEqual(bluetooth.level, ['organization', 'location', 'device']);
    });

    it('a device shows each tag over its location, organization and system default; PUT sets and clears', async () => {
      const device = await phone();
      let got = await deviceSettings(device.id, [BLUETOOTH]);
      assert.equal(got.status, 200, got.text);
      assert.deepEqual(got.body.tags, [{ familyOrModelDisplayName: 'MPP', tag: BLUETOOTH, parentValue: '0', parentLevel: 'SYSTEM_DEFAULT' }]);
      const put = await admin.put(`${CONFIG}/devices/${device.id}/dynamicSettings`, { tags: [{ tag: BLUETOOTH, action: 'SET', value: '1' }, { tag: G711U, action: 'SET', value: '3' }] });
      assert.equal(put.status, 204, put.text);
      got = await deviceSettings(device.id);
      assert.equal(got.body.tags.find((t: any) => t.tag === BLUETOOTH).value, '1');
      assert.equal(got.body.tags.find((t: any) => t.tag === G711U).value, '3');
      assert.equal(typeof got.body.lastUpdateTime, 'number');
      assert.equal((await admin.put(`${CONFIG}/devices/${device.id}/dynamicSettings`, { tags: [{ tag: G711U, action: 'CLEAR' }] })).status, 204);
      assert.equal((await deviceSettings(device.id, [G711U])).body.tags[0].value, undefined);
      // An empty list changes nothing.
      assert.equal((await admin.put(`${CONFIG}/devices/${device.id}/dynamicSettings`, { tags: [] })).status, 204);
    });

    it('refuses tags outside the catalogue, values outside their rule and levels a tag does not allow', async () => {
      const device = await phone();
      const put = (tags: unknown[]) => admin.put(`${CONFIG}/devices/${device.id}/dynamicSettings`, { tags });
      assertWebexError(await put([{ tag: '%NO_SUCH_TAG%', action: 'SET', value: '1' }]), 400, /not a setting/);
      assertWebexError(await put([{ tag: BLUETOOTH, action: 'SET', value: 'yes' }]), 400, /one of 1, 0/);
      assertWebexError(await put([{ tag: G711U, action: 'SET', value: '11' }]), 400, /between 0 and 10/);
      assertWebexError(await put([{ tag: '%DO_UI_MENU_BACKGROUND%', action: 'SET', value: 'blue' }]), 400, /#RRGGBB/);
      assertWebexError(await put([{ tag: BLUETOOTH, action: 'SET' }]), 400, /value is required/);
      assertWebexError(await put([{ tag: BLUETOOTH, action: 'ADD', value: '1' }]), 400);
      assertWebexError(await deviceSettings(device.id, ['%NO_SUCH_TAG%']), 400);
      // The codec order is set per location or device, never for the whole organization.
      assertWebexError(await admin.post(JOBS, { tags: [{ familyOrModelDisplayName: 'MPP', tag: G711U, action: 'SET', value: '2' }] }), 400, /organization level/);
      assertWebexError(await admin.post(ORG_SETTINGS, {}, { familyOrModelDisplayName: 'Nokia' }), 400);
    });

    it('a job sets a location’s tags: its devices inherit them and take their configuration again', async () => {
      const device = await phone();
      const started = await admin.post(JOBS, { locationId: site.id, tags: [{ familyOrModelDisplayName: 'MPP', tag: BLUETOOTH, action: 'SET', value: '1' }] });
      assert.equal(started.status, 202, started.text);
      assert.deepEqual([started.body.name, started.body.target, started.body.latestExecutionStatus], ['dynamicdevicesettings', 'LOCATION', 'STARTING']);
      const during = await admin.post(`${CONFIG}/lists/locations/${site.id}/devices/dynamicSettings/actions/getSettings/invoke`, { tags: [BLUETOOTH] }, { familyOrModelDisplayName: 'MPP' });
      assert.equal(during.body.updateInProgress, true);
      await finish();
      const job = await admin.get(`${JOBS}/${started.body.id}`);
      assert.deepEqual([job.body.latestExecutionStatus, job.body.percentageComplete, job.body.locationName !== undefined], ['COMPLETED', 100, true]);
      const location = await admin.post(`${CONFIG}/lists/locations/${site.id}/devices/dynamicSettings/actions/getSettings/invoke`, { tags: [BLUETOOTH] }, { familyOrModelDisplayName: 'MPP' });
      assert.deepEqual(location.body.tags[0], { familyOrModelDisplayName: 'MPP', tag: BLUETOOTH, value: '1', parentValue: '0', parentLevel: 'SYSTEM_DEFAULT' });
      assert.equal(location.body.updateInProgress, false);
      const onDevice = (await deviceSettings(device.id, [BLUETOOTH])).body.tags[0];
      assert.deepEqual([onDevice.parentValue, onDevice.parentLevel], ['1', 'LOCATION']);
      assert.ok((await admin.get(`/v1/devices/${device.id}`)).body.lastSeen);
      assert.ok((await admin.get(JOBS)).body.items.some((j: any) => j.id === started.body.id));
      assert.deepEqual((await admin.get(`${JOBS}/${started.body.id}/errors`)).body.items, []);

      const orgJob = await admin.post(JOBS, { tags: [{ familyOrModelDisplayName: 'Poly', tag: '%DO_BLUETOOTH_DEVICE_NAME%', action: 'SET', value: 'Lobby' }] });
      assert.equal(orgJob.status, 202, orgJob.text);
      await finish();
      const org = await admin.post(ORG_SETTINGS, { tags: ['%DO_BLUETOOTH_DEVICE_NAME%'] }, { familyOrModelDisplayName: 'Poly' });
      assert.deepEqual(org.body.tags[0], { familyOrModelDisplayName: 'Poly', tag: '%DO_BLUETOOTH_DEVICE_NAME%', value: 'Lobby', parentValue: 'Poly', parentLevel: 'SYSTEM_DEFAULT' });
    });

    it("another organization's devices, locations and jobs are not found and never listed", async () => {
      const other = await createOrganization(server.anonymous);
      const theirs = await createDevice(other.admin, { personId: (await createCallingUser(other.admin)).id });
      const theirSite = await createCallingLocation(other.admin);
      const theirJob = await other.admin.post(JOBS, { locationId: theirSite.id, tags: [{ familyOrModelDisplayName: 'MPP', tag: BLUETOOTH, action: 'SET', value: '1' }] });
      assert.equal(theirJob.status, 202, theirJob.text);
      assertWebexError(await deviceSettings(theirs.id), 404);
      assertWebexError(await admin.put(`${CONFIG}/devices/${theirs.id}/dynamicSettings`, { tags: [{ tag: BLUETOOTH, action: 'SET', value: '1' }] }), 404);
      assertWebexError(await admin.post(`${CONFIG}/lists/locations/${theirSite.id}/devices/dynamicSettings/actions/getSettings/invoke`, {}, { familyOrModelDisplayName: 'MPP' }), 404);
      assertWebexError(await admin.get(`${JOBS}/${theirJob.body.id}`), 404);
      assert.ok(!(await admin.get(JOBS)).body.items.some((j: any) => j.id === theirJob.body.id));
      await finish();
    });
  });
}
