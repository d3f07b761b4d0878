import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readWav } from '../../src/domain/announcements/wav.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const TTS = '/v1/telephony/config/textToSpeech';
const GENERATE = `${TTS}/actions/generate/invoke`;
const TEXT = 'Welcome to our service. Please hold while we connect you.';

for (const dialect of dialects) {
  describe(`Text-to-speech (${dialect})`, () => {
    let server: TestServer;
    let clock: SandboxClock;
    let admin: Client;

    const generate = async (client: Client, body: Record<string, unknown> = { voice: 'ashley', text: TEXT, languageCode: 'en_us' }) => {
      const reply = await client.post(GENERATE, body);
      assert.equal(reply.status, 202, reply.text);
      return reply.body.id as string;
    };

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      admin = server.admin;
    });
    after(() => server.close());

    it('lists the voices of en_us by default, and none for a language no voice speaks', async () => {
      const voices = await admin.get(`${TTS}/voices`);
      assert.equal(voices.status, 200, voices.text);
      assert.deepEqual(voices.body.voices.map((v: { id: string }) => v.id), ['ashley', 'steve']);
      assert.deepEqual((await admin.get(`${TTS}/voices`, { languageCode: 'fr_fr' })).body, { voices: [] });
    });

    it('given a request, answers 202 with an ID, IN_PROGRESS until the server clock passes, then SUCCESS with a WAV prompt', async () => {
      const id = await generate(admin);
      assert.match(Buffer.from(id, 'base64url').toString(), /^ciscospark:\/\/us\/TEXT_TO_SPEECH\/[0-9a-f-]{36}$/);
      const pending = await admin.get(`${TTS}/${id}`);
      assert.equal(pending.status, 200, pending.text);
      assert.deepEqual(pending.body, { id, voice: 'ashley', text: TEXT, languageCode: 'en_us', status: 'IN_PROGRESS' });

      await clock.advance(10_000);
      const done = (await admin.get(`${TTS}/${id}`)).body;
      assert.equal(done.status, 'SUCCESS');
      assert.match(done.fileUri, /^cmf:\/\/customers\/[0-9a-f-]{36}\/media\/urls\/[0-9a-f-]{36}$/);
      const prompt = await fetch(done.promptUrl);
      assert.equal(prompt.status, 200);
      assert.equal(prompt.headers.get('content-type'), 'audio/wav');
      const wav = readWav(new Uint8Array(await prompt.arrayBuffer()));
      assert.ok(wav.ok);
      assert.deepEqual([wav.info.format, wav.info.channels, wav.info.sampleRate, wav.info.bitsPerSample], [1, 1, 8000, 16]);
      assert.ok(wav.info.seconds >= 5, `${wav.info.seconds}s`);
    });

    it('given longer text, the prompt is longer', async () => {
      const seconds = async (text: string) => {
        const id = await generate(admin, { voice: 'steve', text, languageCode: 'en_us' });
        await clock.advance(60_000);
        const bytes = new Uint8Array(await (await fetch((await admin.get(`${TTS}/${id}`)).body.promptUrl)).arrayBuffer());
        const wav = readWav(bytes);
        assert.ok(wav.ok);
        return wav.info.seconds;
      };
      const short = await seconds(TEXT);
      const long = await seconds(`${TEXT} `.repeat(6));
      assert.ok(long > short * 3, `${short}s then ${long}s`);
    });

    it('given a finished prompt, its fileUri makes an announcement', async () => {
      const id = await generate(admin);
      await clock.advance(10_000);
      const { fileUri } = (await admin.get(`${TTS}/${id}`)).body;
      const created = await admin.post('/v1/telephony/config/announcements', { name: unique('Prompt '), fileUri, fileName: 'prompt.wav', isTextToSpeech: true });
      assert.equal(created.status, 201, created.text);
      assert.equal((await admin.get(`/v1/telephony/config/announcements/${created.body.id}`)).body.mediaFileType, 'WAV');
    });

    it('given an unknown voice, a voice that does not speak the language, or no text, answers 400', async () => {
      assertWebexError(await admin.post(GENERATE, { voice: 'hal', text: 'x', languageCode: 'en_us' }), 400, /voice "hal"/);
      assertWebexError(await admin.post(GENERATE, { voice: 'ashley', text: 'x', languageCode: 'de_de' }), 400, /does not speak/);
      assertWebexError(await admin.post(GENERATE, { voice: 'ashley', text: '  ', languageCode: 'en_us' }), 400, /text is required/);
      assertWebexError(await admin.post(GENERATE, { voice: 'ashley', text: 'x' }), 400);
    });

    it('counts requests per organization and stops at the daily limit, naming when it resets', async () => {
      const other = await createOrganization(server.anonymous);
      assert.deepEqual((await other.admin.get(`${TTS}/usage`)).body, { noOfApiCalls: 0, maxAllowedApiCalls: 150 });
      await generate(other.admin);
      await generate(other.admin);
      assert.deepEqual((await other.admin.get(`${TTS}/usage`)).body, { noOfApiCalls: 2, maxAllowedApiCalls: 150 });
      for (let i = 2; i < 150; i++) await generate(other.admin, { voice: 'ashley', text: `Prompt ${i}`, languageCode: 'en_us' });
      const full = (await other.admin.get(`${TTS}/usage`)).body;
      assert.equal(full.noOfApiCalls, 150);
      assert.match(full.usageResetTimestamp, /T00:00:00\.000Z$/);
      assertWebexError(await other.admin.post(GENERATE, { voice: 'ashley', text: 'one more', languageCode: 'en_us' }), 429);
      await clock.set(new Date(full.usageResetTimestamp));
      assert.equal((await other.admin.get(`${TTS}/usage`)).body.noOfApiCalls, 0);
    });

    it("given another organization's request ID, answers 404; a read-only token may not generate", async () => {
      const id = await generate(admin);
      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.get(`${TTS}/${id}`), 404);
      const me = (await admin.get('/v1/people/me')).body;
      const reader = await clientWithScopes(admin, me.id, ['spark-admin:telephony_config_read']);
      assertWebexError(await reader.post(GENERATE, { voice: 'ashley', text: 'x', languageCode: 'en_us' }), 403);
      assert.equal((await reader.get(`${TTS}/${id}`)).status, 200);
    });
  });
}
