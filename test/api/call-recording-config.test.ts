import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { upload, wav } from '../support/announcements.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, defaultLocation } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CR = '/v1/telephony/config/callRecording';
const at = (locationId: string) => `/v1/telephony/config/locations/${locationId}/callRecording`;

for (const dialect of dialects) {
  describe(`Features: Call Recording of the organization and locations (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('shows the organization’s settings, vendors and regions, and changes the vendor through a completed job', async () => {
      const settings = (await admin.get(CR)).body;
      assert.equal(settings.enabled, true);
      assert.equal(settings.vendorName, 'Webex');
      const vendors = (await admin.get(`${CR}/vendors`)).body;
      assert.equal(vendors.vendorId, settings.vendorId);
      assert.equal(vendors.failureBehavior, 'PROCEED_WITH_CALL_NO_ANNOUNCEMENT');
      const dubber = vendors.vendors.items.find((v: { name: string }) => v.name === 'Dubber');
      assert.ok(dubber);
      assert.ok((await admin.get(`${CR}/regions`)).body.regions.some((r: { code: string; defaultEnabled: boolean }) => r.code === 'US' && r.defaultEnabled));

      const changed = await admin.put(`${CR}/vendor`, { vendorId: dubber.id, failureBehavior: 'END_CALL_WITH_ANNOUNCEMENT' });
      assert.equal(changed.status, 200, changed.text);
      const job = await admin.get(`/v1/telephony/config/jobs/callRecording/${changed.body.jobId}`);
      assert.equal(job.status, 200, job.text);
      assert.equal(job.body.latestExecutionStatus, 'COMPLETED');
      assert.equal(job.body.vendorId, dubber.id);
      assert.ok((await admin.get('/v1/telephony/config/jobs/callRecording')).body.items.some((j: { id: string }) => j.id === changed.body.jobId));
      assert.deepEqual((await admin.get(`/v1/telephony/config/jobs/callRecording/${changed.body.jobId}/errors`)).body, { items: [] });
      assert.equal((await admin.get(CR)).body.vendorName, 'Dubber');
      assert.equal((await admin.get(`${CR}/vendors`)).body.failureBehavior, 'END_CALL_WITH_ANNOUNCEMENT');
      assertWebexError(await admin.put(`${CR}/vendor`, { vendorId: 'nope' }), 400);
      assertWebexError(await admin.put(`${CR}/vendor`, { vendorId: dubber.id, failureBehavior: 'SOMETIMES' }), 400);
      assertWebexError(await admin.get(`/v1/telephony/config/jobs/callRecording/${encodeURIComponent('Y2lzY29zcGFyazovL3VzL0pPQl9JRC8wMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA')}`), 404);
    });

    it('keeps terms of service per vendor', async () => {
      const vendors = (await admin.get(`${CR}/vendors`)).body.vendors.items as { id: string; name: string }[];
      const tos = `${CR}/vendors/${vendors[1]!.id}/termsOfService`;
      assert.equal((await admin.get(tos)).body.termsOfServiceEnabled, false);
      assert.equal((await admin.put(tos, { termsOfServiceEnabled: true })).status, 204);
      assert.equal((await admin.get(tos)).body.termsOfServiceEnabled, true);
      assert.equal((await admin.get(`${CR}/vendors/${vendors[2]!.id}/termsOfService`)).body.termsOfServiceEnabled, false);
      assertWebexError(await admin.get(`${CR}/vendors/unknown/termsOfService`), 404);
    });

    it('stores announcements and the compliance announcement for the organization and a location', async () => {
      const file = await upload(admin, 'POST', '/v1/telephony/config/announcements', { name: 'Recording notice', fileName: 'notice.wav', content: wav() });
      assert.equal(file.status, 201, file.text);
      assert.equal((await admin.get(`${CR}/announcements`)).body.start.type, 'DEFAULT');
      assert.equal((await admin.put(`${CR}/announcements`, { start: { type: 'CUSTOM', audioAnnouncementFileId: file.body.id } })).status, 204);
      const org = (await admin.get(`${CR}/announcements`)).body;
      assert.equal(org.start.type, 'CUSTOM');
      assert.equal(org.start.audioAnnouncementFile.id, file.body.id);
      assert.equal(org.stop.type, 'DEFAULT');
      assertWebexError(await admin.put(`${CR}/announcements`, { stop: { type: 'CUSTOM' } }), 400);

      assert.equal((await admin.get(`${at(hq.id)}/announcements`)).body.useOrgLevelAnnouncementEnabled, true);
      assert.equal((await admin.put(`${at(hq.id)}/announcements`, { useOrgLevelAnnouncementEnabled: false, pause: { type: 'DEFAULT' } })).status, 204);
      assert.equal((await admin.get(`${at(hq.id)}/announcements`)).body.useOrgLevelAnnouncementEnabled, false);

      const compliance = (await admin.get(`${CR}/complianceAnnouncement`)).body;
      assert.equal(compliance.inboundPSTNCallsEnabled, false);
      assert.equal((await admin.put(`${CR}/complianceAnnouncement`, { inboundPSTNCallsEnabled: true, outboundPSTNCallsDelayEnabled: true, delayInSeconds: 5 })).status, 204);
      const after = (await admin.get(`${CR}/complianceAnnouncement`)).body;
      assert.equal(after.inboundPSTNCallsEnabled, true);
      assert.equal(after.delayInSeconds, 5);
      assertWebexError(await admin.put(`${CR}/complianceAnnouncement`, { delayInSeconds: 99 }), 400);
      const local = (await admin.get(`${at(hq.id)}/complianceAnnouncement`)).body;
      assert.equal(local.useOrgSettingsEnabled, true);
      assert.equal(local.customComplianceAnnouncement.type, 'DEFAULT');
      assert.equal((await admin.put(`${at(hq.id)}/complianceAnnouncement`, { useOrgSettingsEnabled: false, outboundPSTNCallsEnabled: true })).status, 204);
      assert.equal((await admin.get(`${at(hq.id)}/complianceAnnouncement`)).body.outboundPSTNCallsEnabled, true);
    });

    it('gives a location its own vendor (200 {jobId}) or the organization’s (204), and lists vendor users', async () => {
      const vendors = (await admin.get(`${CR}/vendors`)).body.vendors.items as { id: string; name: string }[];
      const before = (await admin.get(`${at(hq.id)}/vendors`)).body;
      assert.equal(before.orgDefaultEnabled, true);
      const own = await admin.put(`${at(hq.id)}/vendor`, { id: vendors[2]!.id });
      assert.equal(own.status, 200, own.text);
      assert.ok(own.body.jobId);
      const mine = (await admin.get(`${at(hq.id)}/vendors`)).body;
      assert.equal(mine.orgDefaultEnabled, false);
      assert.equal(mine.defaultVendorName, vendors[2]!.name);
      assert.equal((await admin.get(`${at(hq.id)}/vendorUsers`)).body.vendorId, vendors[2]!.id);
      assert.equal((await admin.put(`${at(hq.id)}/vendor`, { orgDefaultEnabled: true })).status, 204);
      assert.equal((await admin.get(`${at(hq.id)}/vendors`)).body.orgDefaultEnabled, true);
      const users = (await admin.get(`${CR}/vendorUsers`, { max: 2 })).body;
      assert.ok(users.members.length > 0 && users.members.length <= 2);
      assert.equal(users.members[0].type, 'PEOPLE');
      assertWebexError(await admin.put(`${at(hq.id)}/vendor`, { orgDefaultEnabled: false }), 400);
    });

    it('turns recording off and on for the organization', async () => {
      assertWebexError(await admin.put(CR, {}), 400);
      assert.equal((await admin.put(CR, { enabled: false })).status, 204);
      assert.equal((await admin.get(CR)).body.enabled, false);
      assert.equal((await admin.put(CR, { enabled: true })).status, 204);
    });
  });
}
