import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { upload, wav } from '../support/announcements.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const ORG = '/v1/telephony/config/announcements';
const atLocation = (locationId: string) => `/v1/telephony/config/locations/${locationId}/announcements`;
const UPLOAD_URL = `${ORG}/uploadUrls/actions/generate/invoke`;
const MEDIA = '/v1/telephony/config/media/urls';
const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split('/').pop()!;
/** The s3Path of a fileUri: what follows /media/urls/. */
const s3PathOf = (fileUri: string) => fileUri.split('/media/urls/')[1]!;

for (const dialect of dialects) {
  describe(`Announcement Repository with Media URLs (${dialect})`, () => {
    let server: TestServer;
    let clock: SandboxClock;
    let admin: Client;
    let orgUuid: string;
    let hq: { id: string };

    const create = async (path: string, content = wav({ seconds: 6 })) => {
      const reply = await upload(admin, 'POST', path, { name: unique('Greeting '), fileName: 'greeting.wav', content });
      assert.equal(reply.status, 201, reply.text);
      return { id: reply.body.id as string, content };
    };
    /** GETs a signed link without a token, as a browser or player would. */
    const fetchLink = (url: string) => fetch(url).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) }));

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
      orgUuid = decode((await admin.get('/v1/people/me')).body.orgId);
      hq = await defaultLocation(admin);
    });
    after(() => server.close());

    it('given an organization announcement, its fileUri leads to a download URL that serves the stored bytes without a token', async () => {
      const { id, content } = await create(ORG);
      const uri = await admin.get(`${ORG}/${id}/fileUri`);
      assert.equal(uri.status, 200, uri.text);
      assert.equal(uri.body.fileUri, `cmf://customers/${orgUuid}/media/urls/${decode(id)}`);
      const download = await admin.get(`${MEDIA}/${s3PathOf(uri.body.fileUri)}`);
      assert.equal(download.status, 200, download.text);
      assert.match(download.body.kmsKeyUri, /^kms:\/\//);
      assert.ok(download.body.preSignedUrl.startsWith(server.url), download.body.preSignedUrl);
      const file = await fetchLink(download.body.preSignedUrl);
      assert.equal(file.status, 200);
      assert.equal(file.type, 'audio/wav');
      assert.deepEqual(file.bytes, Buffer.from(content));
    });

    it('given a location announcement, the location path answers its fileUri and the organization path a 404', async () => {
      const { id } = await create(atLocation(hq.id));
      const uri = await admin.get(`${atLocation(hq.id)}/${id}/fileUri`);
      assert.equal(uri.status, 200, uri.text);
      assert.match(uri.body.fileUri, new RegExp(`/media/urls/${decode(id)}$`));
      assertWebexError(await admin.get(`${ORG}/${id}/fileUri`), 404);
    });

    it('given an upload URL, a PUT of a WAV file stores it and an announcement created from the fileUri plays those bytes', async () => {
      const generated = await admin.post(UPLOAD_URL);
      assert.equal(generated.status, 200, generated.text);
      assert.deepEqual(Object.keys(generated.body).sort(), ['fileUri', 'kmsKeyUri', 'preSignedUrl']);
      const content = wav({ seconds: 7 });
      const put = await fetch(generated.body.preSignedUrl, { method: 'PUT', headers: { 'content-type': 'audio/wav', 'x-amz-tagging': 'tmp=true' }, body: content });
      assert.equal(put.status, 200, await put.text());

      const name = unique('Uploaded ');
      const created = await admin.post(ORG, { name, fileUri: generated.body.fileUri, fileName: 'uploaded.wav', isTextToSpeech: false });
      assert.equal(created.status, 201, created.text);
      const details = await admin.get(`${ORG}/${created.body.id}`);
      assert.equal(details.status, 200, details.text);
      assert.equal(details.body.name, name);
      assert.equal(details.body.fileSize, String(Math.ceil(content.length / 1024)));
      const stored = await server.app.store.announcements.content(orgUuid, decode(created.body.id));
      assert.deepEqual(Buffer.from(stored!), Buffer.from(content));
    });

    it('given a fileUri whose upload URL received nothing, creating an announcement answers 400', async () => {
      const generated = await admin.post(UPLOAD_URL);
      assertWebexError(await admin.post(ORG, { name: unique('Empty '), fileUri: generated.body.fileUri, fileName: 'x.wav', isTextToSpeech: false }), 400, /nothing was uploaded/);
      assertWebexError(await admin.get(`${MEDIA}/${s3PathOf(generated.body.fileUri)}`), 404);
    });

    it('given an uploaded file that is not WAV, the announcement is refused as an upload would be', async () => {
      const generated = await admin.post(UPLOAD_URL);
      await fetch(generated.body.preSignedUrl, { method: 'PUT', body: 'not audio at all' });
      assertWebexError(await admin.post(ORG, { name: unique('Bad '), fileUri: generated.body.fileUri, fileName: 'bad.wav', isTextToSpeech: false }), 400, /not a WAV file/);
    });

    it('given a signed link, an altered signature, another method or an expired link is a 403', async () => {
      const { id } = await create(ORG);
      const download = (await admin.get(`${MEDIA}/${decode(id)}`)).body.preSignedUrl as string;
      const altered = download.replace(/signature=./, (m) => (m.endsWith('A') ? 'signature=B' : 'signature=A'));
      assert.equal((await fetchLink(altered)).status, 403);
      assert.equal((await fetch(download, { method: 'PUT', body: 'x' })).status, 403);
      const other = download.replace(decode(id), '00000000-0000-4000-8000-000000000000');
      assert.equal((await fetchLink(other)).status, 403);
      await clock.advance(61 * 60 * 1000);
      const expired = await fetchLink(download);
      assert.equal(expired.status, 403);
      assert.match(expired.bytes.toString(), /expired/);
    });

    it("given another organization, its admin cannot read this organization's fileUri or media", async () => {
      const { id } = await create(ORG);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(`${ORG}/${id}/fileUri`), 404);
      assertWebexError(await other.admin.get(`${MEDIA}/${decode(id)}`), 404);
      const generated = await admin.post(UPLOAD_URL);
      assertWebexError(await other.admin.post(ORG, { name: 'x', fileUri: generated.body.fileUri, fileName: 'x.wav', isTextToSpeech: false }), 400, /not a file URI of this organization/);
    });

    it('given a token without telephony_config_write, generating an upload URL is a 403; a read-only token reads file URIs', async () => {
      const { id } = await create(ORG);
      const me = (await admin.get('/v1/people/me')).body;
      const reader = await clientWithScopes(admin, me.id, ['spark-admin:telephony_config_read']);
      assertWebexError(await reader.post(UPLOAD_URL), 403);
      assert.equal((await reader.get(`${ORG}/${id}/fileUri`)).status, 200);
    });

    it('given an s3Path that names nothing, answers 404', async () => {
      assertWebexError(await admin.get(`${MEDIA}/not-a-path`), 404);
      assertWebexError(await admin.get(`${MEDIA}/00000000-0000-4000-8000-000000000000`), 404);
    });
  });
}
