import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { upload, wav, type UploadParts } from '../support/announcements.ts';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createCallingLocation, createLocation, createOrganization, defaultLocation, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const ORG = '/v1/telephony/config/announcements';
const atLocation = (locationId: string) => `/v1/telephony/config/locations/${locationId}/announcements`;
const musicOnHold = (locationId: string) => `/v1/telephony/config/locations/${locationId}/musicOnHold`;

/** IDs that no organization holds. */
const ghost = (type: string) => Buffer.from(`ciscospark://us/${type}/00000000-0000-4000-8000-000000000000`).toString('base64url');
const ghostAnnouncement = ghost('ANNOUNCEMENT');
const ghostLocation = ghost('LOCATION');

const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
const MB = 1024 * 1024;

type Item = {
  id: string;
  name: string;
  fileName: string;
  fileSize: string;
  mediaFileType: string;
  lastUpdated: string;
  level: 'ORGANIZATION' | 'LOCATION';
  location?: { id: string; name: string };
};

for (const dialect of dialects) {
  describe(`Announcement repository and Music On Hold API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let hq: { id: string; name: string };
    let orgId: string;
    let adminPersonId: string;

    const post = (path: string, parts: UploadParts, query?: Record<string, string>) => upload(admin, 'POST', path, parts, query);
    const put = (path: string, parts: UploadParts, query?: Record<string, string>) => upload(admin, 'PUT', path, parts, query);
    /** Uploads a valid file and answers its ID. */
    const create = async (path = ORG, parts: UploadParts = {}) => {
      const reply = await post(path, { name: unique('Greeting '), fileName: `${unique('file')}.wav`, content: wav(), ...parts });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id as string;
    };
    const list = async (query: Record<string, string | number> = {}, client: Client = admin) => {
      const reply = await client.get(ORG, query);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.announcements as Item[];
    };
    const listAll = async (query: Record<string, string | number> = {}) => {
      const items: Item[] = [];
      let reply = await admin.get(ORG, query);
      for (;;) {
        assert.equal(reply.status, 200, reply.text);
        items.push(...reply.body.announcements);
        const next = nextLink(reply.headers);
        if (!next) return items;
        reply = await admin.follow(next);
      }
    };
    const details = async (path: string) => {
      const reply = await admin.get(path);
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const getMoh = async (locationId: string) => {
      const reply = await admin.get(musicOnHold(locationId));
      assert.equal(reply.status, 200, reply.text);
      return reply.body;
    };
    const setMoh = async (locationId: string, body: Record<string, unknown>) => {
      const reply = await admin.put(musicOnHold(locationId), body);
      assert.equal(reply.status, 204, reply.text);
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      hq = await defaultLocation(admin);
      const me = (await admin.get('/v1/people/me')).body;
      orgId = me.orgId;
      adminPersonId = me.id;
    });
    after(() => server.close());

    describe('uploading a file', () => {
      it('given a WAV file and a name at organization level, answers 201 {id} and lists it at ORGANIZATION level', async () => {
        const name = unique('Welcome ');
        const content = wav({ seconds: 6 });
        const reply = await post(ORG, { name, fileName: 'welcome.wav', content });
        assert.equal(reply.status, 201, reply.text);
        assert.deepEqual(Object.keys(reply.body), ['id']);
        assert.match(decode(reply.body.id), /^ciscospark:\/\/us\/ANNOUNCEMENT\/[0-9a-f-]{36}$/);
        const [item] = (await list({ name })) as Item[];
        assert.deepEqual(item, {
          id: reply.body.id,
          name,
          fileName: 'welcome.wav',
          fileSize: String(Math.ceil(content.length / 1024)),
          mediaFileType: 'WAV',
          lastUpdated: item!.lastUpdated,
          level: 'ORGANIZATION',
        });
        assert.match(item!.lastUpdated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      });

      it('given a calling location, answers 201 and lists the file at LOCATION level with its location', async () => {
        const name = unique('Branch hold ');
        const reply = await post(atLocation(hq.id), { name, fileName: 'hold.wav', content: wav() });
        assert.equal(reply.status, 201, reply.text);
        const items = await list({ locationId: hq.id, name });
        assert.deepEqual(
          items.map((i) => [i.id, i.level, i.location]),
          [[reply.body.id, 'LOCATION', { id: hq.id, name: hq.name }]],
        );
      });

      it('given 16 kHz 16-bit PCM, µ-law and A-law audio, accepts each', async () => {
        for (const options of [{ sampleRate: 16000, bitsPerSample: 16 }, { format: 7 }, { format: 6 }]) {
          const reply = await post(ORG, { name: unique('Codec '), content: wav(options) });
          assert.equal(reply.status, 201, `${JSON.stringify(options)}: ${reply.text}`);
        }
      });

      it('given the bytes stored, they are exactly the bytes uploaded', async () => {
        const content = wav({ seconds: 5.5 });
        const id = await create(ORG, { content });
        const uuid = decode(id).split('/').pop()!;
        const stored = await server.app.store.announcements.content(decode(orgId).split('/').pop()!, uuid);
        assert.ok(stored);
        assert.deepEqual(Buffer.from(stored), Buffer.from(content));
      });

      it('given a file that is not WAV, answers 400 and stores nothing', async () => {
        const name = unique('Not wav ');
        const text = new TextEncoder().encode('this is plain text pretending to be audio, long enough to have a header');
        assertWebexError(await post(ORG, { name, fileName: 'fake.wav', content: text }), 400, /not a WAV file/);
        const avi = wav();
        avi.set(new TextEncoder().encode('AVI '), 8);
        assertWebexError(await post(ORG, { name, fileName: 'fake.wav', content: avi }), 400, /RIFF\/WAVE/);
        const noData = wav().subarray(0, 36);
        assertWebexError(await post(ORG, { name, fileName: 'fake.wav', content: noData }), 400, /no data chunk/);
        assert.deepEqual(await list({ name }), []);
      });

      it('given WAV audio Webex does not take (stereo, 44.1 kHz, 24-bit, float), answers 400', async () => {
        for (const options of [{ channels: 2 }, { sampleRate: 44100 }, { bitsPerSample: 24 }, { format: 3, bitsPerSample: 32 }]) {
          assertWebexError(await post(ORG, { name: unique('Odd '), content: wav({ ...options, seconds: 5 }) }), 400, /Unsupported audio/);
        }
      });

      it('given audio shorter than 5 seconds or longer than 10 minutes, answers 400', async () => {
        assertWebexError(await post(ORG, { name: unique('Short '), content: wav({ seconds: 4 }) }), 400, /shorter than the 5 seconds/);
        assertWebexError(await post(ORG, { name: unique('Long '), content: wav({ seconds: 601 }) }), 400, /longer than the 10 minutes/);
      });

      it('given a file larger than 5 MB, answers 400 and stores nothing', async () => {
        const name = unique('Big ');
        const reply = await post(ORG, { name, content: new Uint8Array(5 * MB + 1) });
        assertWebexError(reply, 400, /larger than the 5120 KB/);
        assert.deepEqual(await list({ name }), []);
      });

      it('given no file, or the file in a part not named "file", answers 400', async () => {
        assertWebexError(await post(ORG, { name: unique('No file ') }), 400, /no file/);
        assertWebexError(await post(ORG, { name: unique('Wrong part '), content: wav(), field: 'audio' }), 400, /no file/);
      });

      it('given no name or a blank name, answers 400', async () => {
        assertWebexError(await post(ORG, { content: wav() }), 400, /name is required/);
        assertWebexError(await post(ORG, { name: '   ', content: wav() }), 400, /name is required/);
        assertWebexError(await post(ORG, { name: 'x'.repeat(257), content: wav() }), 400, /longer than 256/);
      });

      it('given a file name that is not a .wav name, answers 400', async () => {
        assertWebexError(await post(ORG, { name: unique('Mp3 '), fileName: 'hold.mp3', content: wav() }), 400, /\.wav file name/);
      });

      it('given two files, answers 400', async () => {
        const form = new FormData();
        form.append('name', unique('Two '));
        form.append('file', new Blob([wav() as Uint8Array<ArrayBuffer>]), 'a.wav');
        form.append('file', new Blob([wav() as Uint8Array<ArrayBuffer>]), 'b.wav');
        const response = await fetch(admin.url(ORG), { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
        const body = await response.json();
        assertWebexError({ status: response.status, headers: response.headers, body, text: JSON.stringify(body) }, 400, /one file/);
      });

      it('given a JSON body without a fileUri (the file inline, say), answers 400; another media type, 415', async () => {
        assertWebexError(await admin.post(ORG, { name: 'x', file: 'UklGRg==' }), 400, /fileUri is required/);
        assertWebexError(await admin.post(atLocation(hq.id), { name: 'x' }), 400, /fileUri is required/);
        const text = await admin.request('POST', ORG, { rawBody: 'name=x', headers: { 'content-type': 'text/plain' } });
        assertWebexError(text, 415, /multipart\/form-data/);
      });

      it('given a malformed multipart body, answers 400', async () => {
        const truncated = '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\nRIFF';
        const reply = await admin.request('POST', ORG, { rawBody: truncated, headers: { 'content-type': 'multipart/form-data; boundary=xyz' } });
        assertWebexError(reply, 400, /malformed/);
        const noBoundary = await admin.request('POST', ORG, { rawBody: 'x', headers: { 'content-type': 'multipart/form-data' } });
        assertWebexError(noBoundary, 400, /malformed/);
      });

      it('given a location not enabled for calling, answers 400; an unknown location, 404', async () => {
        const branch = await createLocation(admin);
        assertWebexError(await post(atLocation(branch.id), { name: 'x', content: wav() }), 400, /not enabled for Webex Calling/);
        assertWebexError(await post(atLocation(ghostLocation), { name: 'x', content: wav() }), 404, /Location not found/);
        assertWebexError(await post(atLocation('not-an-id'), { name: 'x', content: wav() }), 404);
      });
    });

    describe('listing files', () => {
      let tag: string;
      let orgFiles: string[];
      let hqFile: string;
      let branch: { id: string; name: string };
      let branchFile: string;

      before(async () => {
        tag = unique('lst');
        branch = await createCallingLocation(admin);
        orgFiles = [];
        for (const [index, seconds] of [6, 5, 7].entries()) {
          orgFiles.push(await create(ORG, { name: `${tag} org ${'cba'[index]}`, fileName: `${tag}-${'abc'[index]}.wav`, content: wav({ seconds }) }));
        }
        hqFile = await create(atLocation(hq.id), { name: `${tag} hq`, fileName: `${tag}-hq.WAV` });
        branchFile = await create(atLocation(branch.id), { name: `${tag} branch`, fileName: `${tag}-branch.wav` });
      });

      it('given no locationId, answers the organization-level files only, by name', async () => {
        const items = await list({ name: tag });
        assert.deepEqual(
          items.map((i) => i.id),
          [...orgFiles].reverse(),
        );
        assert.ok(items.every((i) => i.level === 'ORGANIZATION' && i.location === undefined));
      });

      it('given locationId=all, answers every level; locations, the location-level files; a location ID, that location’s', async () => {
        assert.deepEqual(new Set((await list({ name: tag, locationId: 'all' })).map((i) => i.id)), new Set([...orgFiles, hqFile, branchFile]));
        assert.deepEqual(new Set((await list({ name: tag, locationId: 'locations' })).map((i) => i.id)), new Set([hqFile, branchFile]));
        assert.deepEqual(
          (await list({ name: tag, locationId: branch.id })).map((i) => [i.id, i.location]),
          [[branchFile, { id: branch.id, name: branch.name }]],
        );
      });

      it('given a locationId that is neither all, locations nor a location of the organization, answers 400', async () => {
        assertWebexError(await admin.get(ORG, { locationId: 'everywhere' }), 400, /locationId/);
        assertWebexError(await admin.get(ORG, { locationId: ghostLocation }), 400, /locationId/);
      });

      it('given fileName or name, answers the files containing it in any case', async () => {
        assert.deepEqual(
          (await list({ fileName: `${tag}-B.WAV` })).map((i) => i.id),
          [orgFiles[1]],
        );
        assert.deepEqual(
          (await list({ locationId: 'all', fileName: `${tag}-hq` })).map((i) => i.id),
          [hqFile],
        );
        assert.deepEqual(
          (await list({ name: `${tag} ORG A` })).map((i) => i.id),
          [orgFiles[2]],
        );
        assert.deepEqual(await list({ name: `${tag}%` }), [], 'LIKE wildcards match literally');
      });

      it('given mediaFileType or fileType, WAV and AUDIO match every file, others none', async () => {
        assert.equal((await list({ name: tag, mediaFileType: 'WAV' })).length, 3);
        assert.equal((await list({ name: tag, fileType: 'audio' })).length, 3);
        assert.deepEqual(await list({ name: tag, mediaFileType: 'WMA' }), []);
        assert.deepEqual(await list({ name: tag, fileType: 'VIDEO' }), []);
      });

      it('given order, sorts by fileName or fileSize, ascending unless -desc', async () => {
        assert.deepEqual(
          (await list({ name: tag, order: 'fileName' })).map((i) => i.id),
          orgFiles,
        );
        assert.deepEqual(
          (await list({ name: tag, order: 'fileSize' })).map((i) => i.id),
          [orgFiles[1], orgFiles[0], orgFiles[2]],
        );
        assert.deepEqual(
          (await list({ name: tag, order: 'fileSize-desc' })).map((i) => i.id),
          [orgFiles[2], orgFiles[0], orgFiles[1]],
        );
        assertWebexError(await admin.get(ORG, { order: 'size' }), 400, /order/);
      });

      it('given max, when following Link rel="next" verbatim, then sees every file once and ends without a Link', async () => {
        const first = await admin.get(ORG, { locationId: 'all', name: tag, max: 2 });
        assert.equal(first.status, 200, first.text);
        assert.equal(first.body.announcements.length, 2);
        const next = nextLink(first.headers);
        assert.ok(next);
        assert.match(next, /start=2/);
        assert.match(next, new RegExp(`name=${encodeURIComponent(tag).replace(/%20/g, '(\\+|%20)')}`), 'the filter stays on the next page');
        const all = await listAll({ locationId: 'all', name: tag, max: 2 });
        assert.equal(all.length, 5);
        assert.equal(new Set(all.map((i) => i.id)).size, 5);
        const last = await admin.get(ORG, { locationId: 'all', name: tag, max: 5 });
        assert.equal(nextLink(last.headers), undefined);
      });

      it('given start and max, answers that slice; max above the limit is clamped', async () => {
        const all = await list({ name: tag });
        assert.deepEqual(await list({ name: tag, start: 1, max: 1 }), [all[1]]);
        assert.deepEqual(await list({ name: tag, max: 100000 }), all);
      });

      it('given query values of the wrong type, answers 400', async () => {
        assertWebexError(await admin.get(ORG, { start: -1 }), 400);
        assertWebexError(await admin.get(ORG, { start: 'abc' }), 400);
        assertWebexError(await admin.get(ORG, { max: 'many' }), 400);
      });
    });

    describe('reading one file', () => {
      it('given an organization-level file, answers its details with no feature references', async () => {
        const content = wav();
        const id = await create(ORG, { name: 'Details', fileName: 'details.wav', content });
        const body = await details(`${ORG}/${id}`);
        assert.deepEqual(body, {
          id,
          name: 'Details',
          fileName: 'details.wav',
          fileSize: String(Math.ceil(content.length / 1024)),
          mediaFileType: 'WAV',
          lastUpdated: body.lastUpdated,
          featureReferenceCount: 0,
          featureReferences: [],
        });
      });

      it('given a location-level file, answers it on the location path only; an organization file only on the organization path', async () => {
        const local = await create(atLocation(hq.id));
        const global = await create(ORG);
        assert.equal((await details(`${atLocation(hq.id)}/${local}`)).id, local);
        assertWebexError(await admin.get(`${ORG}/${local}`), 404, /Announcement not found/);
        assertWebexError(await admin.get(`${atLocation(hq.id)}/${global}`), 404, /Announcement not found/);
      });

      it('given an unknown ID, an ID of another type or a malformed one, answers 404', async () => {
        assertWebexError(await admin.get(`${ORG}/${ghostAnnouncement}`), 404);
        assertWebexError(await admin.get(`${ORG}/${hq.id}`), 404);
        assertWebexError(await admin.get(`${ORG}/nonsense`), 404);
        assertWebexError(await admin.get(`${atLocation(ghostLocation)}/${ghostAnnouncement}`), 404);
      });
    });

    describe('replacing a file', () => {
      it('given a new file and name, answers 204 and the details show them', async () => {
        const id = await create(ORG, { name: 'Before', fileName: 'before.wav' });
        const content = wav({ seconds: 9, sampleRate: 16000, bitsPerSample: 16 });
        const reply = await put(`${ORG}/${id}`, { name: 'After', fileName: 'after.wav', content });
        assert.equal(reply.status, 204, reply.text);
        assert.equal(reply.text, '');
        const body = await details(`${ORG}/${id}`);
        assert.equal(body.name, 'After');
        assert.equal(body.fileName, 'after.wav');
        assert.equal(body.fileSize, String(Math.ceil(content.length / 1024)));
        const stored = await server.app.store.announcements.content(decode(orgId).split('/').pop()!, decode(id).split('/').pop()!);
        assert.deepEqual(Buffer.from(stored!), Buffer.from(content));
      });

      it('given a location-level file, replaces it on the location path', async () => {
        const id = await create(atLocation(hq.id), { name: 'Local before' });
        const reply = await put(`${atLocation(hq.id)}/${id}`, { name: 'Local after', content: wav() });
        assert.equal(reply.status, 204, reply.text);
        assert.equal((await details(`${atLocation(hq.id)}/${id}`)).name, 'Local after');
      });

      it('given a file that is not WAV, a missing file or a JSON body, answers 4xx and keeps the old file', async () => {
        const id = await create(ORG, { name: 'Keep me', fileName: 'keep.wav' });
        assertWebexError(await put(`${ORG}/${id}`, { name: 'Broken', content: new TextEncoder().encode('nope nope nope') }), 400, /not a WAV/);
        assertWebexError(await put(`${ORG}/${id}`, { name: 'Broken' }), 400, /no file/);
        assertWebexError(await put(`${ORG}/${id}`, { name: 'Big', content: new Uint8Array(5 * MB + 10) }), 400, /larger than/);
        assertWebexError(await admin.put(`${ORG}/${id}`, { name: 'Json' }), 400, /fileUri is required/);
        const body = await details(`${ORG}/${id}`);
        assert.deepEqual([body.name, body.fileName], ['Keep me', 'keep.wav']);
      });

      it('given an unknown announcement or the wrong level, answers 404', async () => {
        assertWebexError(await put(`${ORG}/${ghostAnnouncement}`, { name: 'x', content: wav() }), 404);
        const local = await create(atLocation(hq.id));
        assertWebexError(await put(`${ORG}/${local}`, { name: 'x', content: wav() }), 404);
      });
    });

    describe('deleting a file', () => {
      it('given a file no feature uses, answers 204 and it is gone', async () => {
        const id = await create(ORG);
        const reply = await admin.delete(`${ORG}/${id}`);
        assert.equal(reply.status, 204, reply.text);
        assertWebexError(await admin.get(`${ORG}/${id}`), 404);
        assertWebexError(await admin.delete(`${ORG}/${id}`), 404);
        const local = await create(atLocation(hq.id));
        assert.equal((await admin.delete(`${atLocation(hq.id)}/${local}`)).status, 204);
        assertWebexError(await admin.get(`${atLocation(hq.id)}/${local}`), 404);
      });

      it('given a file Music On Hold plays, answers 400 with Webex’s error code 6675 until the location stops playing it', async () => {
        const id = await create(ORG);
        await setMoh(hq.id, { greeting: 'CUSTOM', audioFile: { id } });
        const refused = await admin.delete(`${ORG}/${id}`);
        assertWebexError(refused, 400, /in use by Music On Hold/);
        assert.equal(refused.body.errors[0].errorCode, 6675);
        assert.equal((await details(`${ORG}/${id}`)).id, id, 'still there');
        await setMoh(hq.id, { greeting: 'SYSTEM' });
        assert.equal((await admin.delete(`${ORG}/${id}`)).status, 204);
      });

      it('given a location-level file at the organization path, answers 404 and keeps it', async () => {
        const local = await create(atLocation(hq.id));
        assertWebexError(await admin.delete(`${ORG}/${local}`), 404);
        assert.equal((await details(`${atLocation(hq.id)}/${local}`)).id, local);
      });
    });

    describe('repository usage', () => {
      it('given uploads, the organization usage counts every level and the location usage its own files', async () => {
        const orgBefore = (await admin.get(`${ORG}/usage`)).body;
        const hqBefore = (await admin.get(`${atLocation(hq.id)}/usage`)).body;
        assert.deepEqual(
          { ...orgBefore, totalFileSizeUsedKB: 0 },
          { totalFileSizeUsedKB: 0, maxAudioFileSizeAllowedKB: 5120, maxVideoFileSizeAllowedKB: 120000, totalFileSizeLimitMB: 1000 },
        );
        await create(ORG, { content: wav({ seconds: 64 }) }); // 512,044 bytes
        await create(atLocation(hq.id), { content: wav({ seconds: 128 }) }); // 1,024,044 bytes
        const orgAfter = (await admin.get(`${ORG}/usage`)).body;
        const hqAfter = (await admin.get(`${atLocation(hq.id)}/usage`)).body;
        assert.ok(Math.abs(orgAfter.totalFileSizeUsedKB - orgBefore.totalFileSizeUsedKB - 1500) <= 1, JSON.stringify([orgBefore, orgAfter]));
        assert.ok(Math.abs(hqAfter.totalFileSizeUsedKB - hqBefore.totalFileSizeUsedKB - 1000) <= 1, JSON.stringify([hqBefore, hqAfter]));
      });

      it('given a location not enabled for calling or unknown, answers 400 or 404', async () => {
        const branch = await createLocation(admin);
        assertWebexError(await admin.get(`${atLocation(branch.id)}/usage`), 400);
        assertWebexError(await admin.get(`${atLocation(ghostLocation)}/usage`), 404);
      });
    });

    describe('Music On Hold', () => {
      let branch: { id: string; name: string };
      before(async () => {
        branch = await createCallingLocation(admin);
      });

      it('given a location never configured, answers Webex’s defaults: hold and park music, SYSTEM greeting', async () => {
        const fresh = await createCallingLocation(admin);
        assert.deepEqual(await getMoh(fresh.id), { callHoldEnabled: true, callParkEnabled: true, greeting: 'SYSTEM' });
      });

      it('given CUSTOM with an organization-level file, answers 204; GET shows the file and its details the reference', async () => {
        const id = await create(ORG, { fileName: 'org-hold.wav' });
        await setMoh(branch.id, { greeting: 'CUSTOM', callHoldEnabled: true, callParkEnabled: false, audioFile: { id } });
        assert.deepEqual(await getMoh(branch.id), {
          callHoldEnabled: true,
          callParkEnabled: false,
          greeting: 'CUSTOM',
          audioFile: { id, fileName: 'org-hold.wav', mediaFileType: 'WAV', level: 'ORGANIZATION' },
        });
        const body = await details(`${ORG}/${id}`);
        assert.equal(body.featureReferenceCount, 1);
        assert.deepEqual(body.featureReferences, [
          { id: branch.id, name: 'Music On Hold', type: 'Music On Hold', locationId: branch.id, locationName: branch.name },
        ]);
      });

      it('given CUSTOM with a file of this location (audioFile as GET shows it), plays it at LOCATION level', async () => {
        const id = await create(atLocation(branch.id), { fileName: 'local-hold.wav' });
        await setMoh(branch.id, { greeting: 'CUSTOM', audioFile: { id, fileName: 'local-hold.wav', mediaFileType: 'WAV', level: 'LOCATION' } });
        assert.deepEqual((await getMoh(branch.id)).audioFile, { id, fileName: 'local-hold.wav', mediaFileType: 'WAV', level: 'LOCATION' });
        assert.equal((await details(`${atLocation(branch.id)}/${id}`)).featureReferenceCount, 1);
      });

      it('given a GET-modify-PUT round trip, answers 204 and changes only what changed', async () => {
        const id = await create(ORG);
        await setMoh(branch.id, { greeting: 'CUSTOM', audioFile: { id } });
        const current = await getMoh(branch.id);
        await setMoh(branch.id, { ...current, callParkEnabled: !current.callParkEnabled });
        assert.deepEqual(await getMoh(branch.id), { ...current, callParkEnabled: !current.callParkEnabled });
      });

      it('given CUSTOM without audioFile, keeps the file already set, and refuses when there is none', async () => {
        const id = await create(ORG);
        await setMoh(branch.id, { greeting: 'CUSTOM', audioFile: { id } });
        await setMoh(branch.id, { greeting: 'CUSTOM', callHoldEnabled: false });
        const moh = await getMoh(branch.id);
        assert.equal(moh.audioFile.id, id);
        assert.equal(moh.callHoldEnabled, false);
        const fresh = await createCallingLocation(admin);
        assertWebexError(await admin.put(musicOnHold(fresh.id), { greeting: 'CUSTOM' }), 400, /audioFile is required/);
        assert.equal((await getMoh(fresh.id)).greeting, 'SYSTEM');
      });

      it('given SYSTEM, answers 204, drops the file and omitted flags keep their value', async () => {
        const id = await create(ORG);
        await setMoh(branch.id, { greeting: 'CUSTOM', callHoldEnabled: false, callParkEnabled: true, audioFile: { id } });
        await setMoh(branch.id, { greeting: 'SYSTEM' });
        assert.deepEqual(await getMoh(branch.id), { callHoldEnabled: false, callParkEnabled: true, greeting: 'SYSTEM' });
        assert.equal((await details(`${ORG}/${id}`)).featureReferenceCount, 0);
      });

      it('given a file of another location, an unknown file or a malformed ID, answers 400 and changes nothing', async () => {
        const before = await getMoh(branch.id);
        const hqFile = await create(atLocation(hq.id));
        for (const id of [hqFile, ghostAnnouncement, 'nonsense', hq.id]) {
          assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'CUSTOM', audioFile: { id } }), 400, /not found/);
        }
        assert.deepEqual(await getMoh(branch.id), before);
      });

      it('given an audioFile whose level or media type contradicts the file, answers 400', async () => {
        const id = await create(ORG);
        assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'CUSTOM', audioFile: { id, level: 'LOCATION' } }), 400, /level/);
        assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'CUSTOM', audioFile: { id, mediaFileType: 'WMA' } }), 400, /mediaFileType/);
      });

      it('given a playlistId, answers 400: Callplane has no playlists', async () => {
        const before = await getMoh(branch.id);
        assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'CUSTOM', playlistId: ghost('PLAYLIST') }), 400, /playlist not found/);
        assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'SYSTEM', playlistId: 'x' }), 400, /playlist/);
        assert.deepEqual(await getMoh(branch.id), before);
      });

      it('given a body without greeting or with values of the wrong type, answers 400', async () => {
        assertWebexError(await admin.put(musicOnHold(branch.id), { callHoldEnabled: true }), 400, /greeting/);
        assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'LOUD' }), 400, /greeting/);
        assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'SYSTEM', callHoldEnabled: 'yes' }), 400, /callHoldEnabled/);
        assertWebexError(await admin.put(musicOnHold(branch.id), { greeting: 'CUSTOM', audioFile: 'id' }), 400, /audioFile/);
      });

      it('given a location not enabled for calling, answers 400; an unknown location, 404', async () => {
        const plain = await createLocation(admin);
        assertWebexError(await admin.get(musicOnHold(plain.id)), 400, /not enabled for Webex Calling/);
        assertWebexError(await admin.put(musicOnHold(plain.id), { greeting: 'SYSTEM' }), 400, /not enabled for Webex Calling/);
        assertWebexError(await admin.get(musicOnHold(ghostLocation)), 404, /Location not found/);
        assertWebexError(await admin.put(musicOnHold(ghostLocation), { greeting: 'SYSTEM' }), 404, /Location not found/);
      });
    });

    describe('isolation and scopes', () => {
      it('given another organization’s files and locations, answers 404 and never lists them', async () => {
        const other = await createOrganization(server.anonymous);
        const theirHq = await defaultLocation(other.admin);
        const theirs = await upload(other.admin, 'POST', ORG, { name: 'Theirs', content: wav() });
        assert.equal(theirs.status, 201, theirs.text);
        const theirLocal = await upload(other.admin, 'POST', atLocation(theirHq.id), { name: 'Theirs local', content: wav() });
        assert.equal(theirLocal.status, 201, theirLocal.text);
        const id = theirs.body.id;
        assertWebexError(await admin.get(`${ORG}/${id}`), 404);
        assertWebexError(await put(`${ORG}/${id}`, { name: 'Mine now', content: wav() }), 404);
        assertWebexError(await admin.delete(`${ORG}/${id}`), 404);
        assertWebexError(await post(atLocation(theirHq.id), { name: 'x', content: wav() }), 404);
        assertWebexError(await admin.get(`${atLocation(theirHq.id)}/${theirLocal.body.id}`), 404);
        assertWebexError(await admin.delete(`${atLocation(theirHq.id)}/${theirLocal.body.id}`), 404);
        assertWebexError(await admin.get(`${atLocation(theirHq.id)}/usage`), 404);
        assertWebexError(await admin.get(musicOnHold(theirHq.id)), 404);
        assertWebexError(await admin.put(musicOnHold(theirHq.id), { greeting: 'SYSTEM' }), 404);
        assertWebexError(await admin.put(musicOnHold(hq.id), { greeting: 'CUSTOM', audioFile: { id } }), 400, /not found/);
        assertWebexError(await admin.get(ORG, { locationId: theirHq.id }), 400);
        const ours = await listAll({ locationId: 'all' });
        assert.ok(!ours.some((i) => i.id === id || i.id === theirLocal.body.id));
        const seen = await list({ locationId: 'all' }, other.admin);
        assert.deepEqual(new Set(seen.map((i) => i.id)), new Set([id, theirLocal.body.id]));
        assert.equal((await other.admin.get(`${ORG}/${id}`)).body.name, 'Theirs', 'theirs unchanged');
      });

      it('given orgId of another organization, answers 403 on every operation', async () => {
        const other = await createOrganization(server.anonymous);
        const query = { orgId: other.orgId };
        const id = await create(ORG);
        assertWebexError(await admin.get(ORG, query), 403);
        assertWebexError(await post(ORG, { name: 'x', content: wav() }, query), 403);
        assertWebexError(await admin.get(`${ORG}/usage`, query), 403);
        assertWebexError(await admin.get(`${ORG}/${id}`, query), 403);
        assertWebexError(await put(`${ORG}/${id}`, { name: 'x', content: wav() }, query), 403);
        assertWebexError(await admin.delete(`${ORG}/${id}`, undefined, query), 403);
        assertWebexError(await admin.get(musicOnHold(hq.id), query), 403);
        assertWebexError(await admin.put(musicOnHold(hq.id), { greeting: 'SYSTEM' }, query), 403);
        assert.equal((await details(`${ORG}/${id}`)).id, id);
      });

      it('given orgId of its own organization, answers as without it', async () => {
        const reply = await admin.get(ORG, { orgId });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, (await admin.get(ORG)).body);
      });

      it('given a token with only spark-admin:telephony_config_read, reads but cannot write', async () => {
        const reader = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_read']);
        const id = await create(ORG);
        assert.equal((await reader.get(ORG)).status, 200);
        assert.equal((await reader.get(`${ORG}/${id}`)).status, 200);
        assert.equal((await reader.get(`${ORG}/usage`)).status, 200);
        assert.equal((await reader.get(`${atLocation(hq.id)}/usage`)).status, 200);
        assert.equal((await reader.get(musicOnHold(hq.id))).status, 200);
        assertWebexError(await upload(reader, 'POST', ORG, { name: 'x', content: wav() }), 403);
        assertWebexError(await upload(reader, 'POST', atLocation(hq.id), { name: 'x', content: wav() }), 403);
        assertWebexError(await upload(reader, 'PUT', `${ORG}/${id}`, { name: 'x', content: wav() }), 403);
        assertWebexError(await reader.delete(`${ORG}/${id}`), 403);
        assertWebexError(await reader.put(musicOnHold(hq.id), { greeting: 'SYSTEM' }), 403);
        assert.equal((await details(`${ORG}/${id}`)).id, id);
      });

      it('given a token without spark-admin:telephony_config_read, cannot read', async () => {
        const other = await clientWithScopes(admin, adminPersonId, ['spark-admin:locations_read', 'spark-admin:telephony_config_write']);
        assertWebexError(await other.get(ORG), 403);
        assertWebexError(await other.get(`${ORG}/usage`), 403);
        assertWebexError(await other.get(`${ORG}/${ghostAnnouncement}`), 403);
        assertWebexError(await other.get(musicOnHold(hq.id)), 403);
      });

      it('given a token with spark-admin:telephony_config_write, uploads, replaces, sets Music On Hold and deletes', async () => {
        const writer = await clientWithScopes(admin, adminPersonId, ['spark-admin:telephony_config_write']);
        const created = await upload(writer, 'POST', ORG, { name: unique('Writer '), content: wav() });
        assert.equal(created.status, 201, created.text);
        const id = created.body.id;
        assert.equal((await upload(writer, 'PUT', `${ORG}/${id}`, { name: 'Writer 2', content: wav() })).status, 204);
        assert.equal((await writer.put(musicOnHold(hq.id), { greeting: 'CUSTOM', audioFile: { id } })).status, 204);
        assert.equal((await writer.put(musicOnHold(hq.id), { greeting: 'SYSTEM' })).status, 204);
        assert.equal((await writer.delete(`${ORG}/${id}`)).status, 204);
      });

      it('given no token or an unknown token, answers 401', async () => {
        for (const client of [server.anonymous, server.anonymous.withToken('not-a-real-token')]) {
          assertWebexError(await client.get(ORG), 401);
          assertWebexError(await upload(client, 'POST', ORG, { name: 'x', content: wav() }), 401);
          assertWebexError(await client.get(`${ORG}/usage`), 401);
          assertWebexError(await client.get(musicOnHold(hq.id)), 401);
          assertWebexError(await client.put(musicOnHold(hq.id), { greeting: 'SYSTEM' }), 401);
        }
      });
    });
  });
}
