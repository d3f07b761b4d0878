import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingLocation, createLocation, defaultLocation } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CONFIG = '/v1/telephony/config';

for (const dialect of dialects) {
  describe(`Calling Service Settings, storage region, MS Teams and webhook interests API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    const ok = async (reply: Promise<{ status: number; text: string; body: any }>, status = 204) => {
      const r = await reply;
      assert.equal(r.status, status, r.text);
      return r.body;
    };

    it('keeps the organization’s call captions, and a location’s with the organization’s beside them', async () => {
      assert.deepEqual(await ok(admin.get(`${CONFIG}/callCaptions`), 200), { orgClosedCaptionsEnabled: true, orgTranscriptsEnabled: true });
      await ok(admin.put(`${CONFIG}/callCaptions`, { orgTranscriptsEnabled: false }));
      const path = `${CONFIG}/locations/${hq.id}/callCaptions`;
      await ok(admin.put(path, { useOrgSettingsEnabled: false, locationClosedCaptionsEnabled: false }));
      assert.deepEqual(await ok(admin.get(path), 200), {
        locationClosedCaptionsEnabled: false,
        locationTranscriptsEnabled: true,
        useOrgSettingsEnabled: false,
        orgClosedCaptionsEnabled: true,
        orgTranscriptsEnabled: false,
      });
      const india = await createCallingLocation(admin, {
        address: { address1: '1 MG Road', city: 'Bengaluru', state: 'KA', postalCode: '560001', country: 'IN' },
      });
      assertWebexError(await admin.put(`${CONFIG}/locations/${india.id}/callCaptions`, { useOrgSettingsEnabled: false }), 400, /India/);
      const plain = await createLocation(admin);
      assertWebexError(await admin.get(`${CONFIG}/locations/${plain.id}/callCaptions`), 404);
      assertWebexError(await admin.put(`${CONFIG}/callCaptions`, { orgTranscriptsEnabled: 'yes' }), 400);
    });

    it('keeps the music on hold theme (OPUS or LEGACY)', async () => {
      assert.deepEqual(await ok(admin.get(`${CONFIG}/moh/settings`), 200), { defaultOrgMoh: 'OPUS' });
      await ok(admin.put(`${CONFIG}/moh/settings`, { defaultOrgMoh: 'LEGACY' }));
      assert.deepEqual(await ok(admin.get(`${CONFIG}/moh/settings`), 200), { defaultOrgMoh: 'LEGACY' });
      assertWebexError(await admin.put(`${CONFIG}/moh/settings`, { defaultOrgMoh: 'JAZZ' }), 400);
    });

    it('answers the large organization status from the number of calling users', async () => {
      const status = await ok(admin.get(`${CONFIG}/largeOrgStatus`), 200);
      assert.equal(status.isLargeOrg, false);
      assert.ok(Number.isInteger(status.largeOrgThresholdPercentage) && status.largeOrgThresholdPercentage >= 0);
    });

    it('keeps the storage region of the organization and of a location, among the available regions', async () => {
      const regions = (await ok(admin.get(`${CONFIG}/dataPolicies/regions`), 200)).regions as { code: string }[];
      assert.ok(regions.some((r) => r.code === 'JP'));
      assert.deepEqual(await ok(admin.get(`${CONFIG}/dataPolicies`), 200), { orgDataRegion: 'US', allowEditEnabled: true });
      await ok(admin.put(`${CONFIG}/dataPolicies`, { orgDataRegion: 'JP' }));
      assertWebexError(await admin.put(`${CONFIG}/dataPolicies`, { orgDataRegion: 'XX' }), 400);
      const path = `${CONFIG}/locations/${hq.id}/dataPolicies`;
      assert.deepEqual(await ok(admin.get(path), 200), { orgDataRegion: 'JP', locationDataRegion: 'JP', useOrgDataRegionEnabled: true, allowEditEnabled: true });
      assertWebexError(await admin.put(path, { useOrgDataRegionEnabled: false }), 400, /locationDataRegion is required/);
      await ok(admin.put(path, { useOrgDataRegionEnabled: false, locationDataRegion: 'US' }));
      assert.deepEqual(await ok(admin.get(path), 200), { orgDataRegion: 'JP', locationDataRegion: 'US', useOrgDataRegionEnabled: false, allowEditEnabled: true });
    });

    it('lists the MS Teams settings at the global level until one is set for the organization', async () => {
      const before = await ok(admin.get(`${CONFIG}/settings/msTeams`), 200);
      assert.equal(before.level, 'GLOBAL');
      assert.deepEqual(before.settings.map((s: { settingName: string; value: boolean }) => [s.settingName, s.value]), [['HIDE_WEBEX_APP', false], ['PRESENCE_SYNC', false]]);
      await ok(admin.put(`${CONFIG}/settings/msTeams`, { settingName: 'PRESENCE_SYNC', value: true }));
      const afterPut = await ok(admin.get(`${CONFIG}/settings/msTeams`), 200);
      assert.equal(afterPut.level, 'ORGANIZATION');
      const sync = afterPut.settings.find((s: { settingName: string }) => s.settingName === 'PRESENCE_SYNC');
      assert.deepEqual([sync.level, sync.value], ['ORGANIZATION', true]);
      assertWebexError(await admin.put(`${CONFIG}/settings/msTeams`, { settingName: 'OTHER', value: true }), 400);
      assertWebexError(await admin.put(`${CONFIG}/settings/msTeams`, { settingName: 'PRESENCE_SYNC' }), 400);
    });

    it('registers webhook interests per user and client, replaces them, expires and deletes them', async () => {
      const path = '/v1/telephony/webhookInterestRegistrations';
      assertWebexError(await admin.get(path), 404);
      await ok(admin.post(path, { interests: [{ resource: 'Agent' }, { actor: 'Workspaces' }] }));
      const got = await ok(admin.get(path), 200);
      assert.deepEqual(got.interests, [{ resource: 'Agent' }, { actor: 'Workspaces' }]);
      const days = (Date.parse(got.expiresAt) - Date.now()) / 86_400_000;
      assert.ok(days > 59 && days <= 60.01, `${days} days`);
      await ok(admin.post(path, { interests: [{ resource: 'Queue' }], duration: 7 }));
      assert.deepEqual((await ok(admin.get(path), 200)).interests, [{ resource: 'Queue' }]);
      assertWebexError(await admin.post(path, { interests: [] }), 400);
      assertWebexError(await admin.post(path, { interests: [{ resource: 'Agent', actor: 'Workspaces' }] }), 400);
      assertWebexError(await admin.post(path, { interests: [{ resource: 'Agent' }], duration: 0 }), 400);
      // Another administrator's registration is their own.
      const me = (await admin.get('/v1/people/me')).body.id;
      const other = await clientWithScopes(admin, me, ['spark-admin:calls_read']);
      assert.equal((await other.get(path)).status, 200);
      await ok(admin.delete(path));
      assertWebexError(await admin.get(path), 404);
      assertWebexError(await admin.delete(path), 404);
    });
  });
}
