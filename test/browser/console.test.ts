import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.ts';
import { launchChromium, type Browser } from './chromium.ts';

// The web console end to end, in Debian's headless Chromium against the real server: sign in,
// create a person, call them from the PSTN, watch the call live, answer, hold, resume and hang up
// from the console, then find the call in the person's history and in the delivery log of a
// webhook. Without Chromium this fails (launchChromium says how to install it); it never skips.

type Received = { body: { data?: { eventType?: string; state?: string } } };

/** A webhook receiver: answers 200 and keeps every body. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: HttpServer = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      received.push({ body: JSON.parse(text || '{}') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webex`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const PERSON = { first: 'Riley', last: 'Quinn', email: 'riley.quinn@console-test.example', extension: '2345' };
const NAME = `${PERSON.first} ${PERSON.last}`;
const CALLER = '+14155550123';

describe('the web console in Chromium', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let browser: Browser;
  let page: Page;
  let webhookId: string;
  const pageErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    receiver = await startReceiver();
    // No configured admin token: the demo one is generated, and the sign-in page offers it.
    server = await startServer('sqlite', { config: { adminToken: undefined } });
    const created = await server.admin.post('/v1/webhooks', {
      name: 'Console test receiver',
      targetUrl: receiver.url,
      resource: 'telephony_calls',
      event: 'all',
      ownedBy: 'org',
    });
    assert.equal(created.status, 200, created.text);
    webhookId = created.body.id;
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  const goTo = (name: string) => page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name }).click();

  /** The row of the person's leg in the active call, once it shows this state. */
  const legRow = (state: string) => page.locator('.call-list').first().getByRole('row').filter({ hasText: NAME }).filter({ hasText: state });

  it('signs in with the demo administrator token it offers', async () => {
    await page.goto(`${server.url}/console/`);
    const token = page.getByLabel('Access token');
    // The page asks GET /sandbox/v1/demo, then fills the field in.
    await page.waitForFunction("document.querySelector('input[type=password]')?.value !== ''");
    assert.equal(await token.inputValue(), server.demo.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Callplane Demo' }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
  });

  it('creates a person through the People API', async () => {
    await goTo('People');
    await page.getByRole('button', { name: 'New person' }).click();
    const dialog = page.getByRole('dialog', { name: 'New person' });
    await dialog.getByLabel('First name').fill(PERSON.first);
    await dialog.getByLabel('Last name').fill(PERSON.last);
    await dialog.getByLabel('Email').fill(PERSON.email);
    await dialog.getByLabel('Extension').fill(PERSON.extension);
    await dialog.getByRole('button', { name: 'Create person' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByLabel('Find').fill('Riley');
    await page.getByRole('row').filter({ hasText: NAME }).filter({ hasText: PERSON.extension }).waitFor();

    const listed = await server.admin.get('/v1/people', { email: PERSON.email, callingData: true });
    assert.equal(listed.body.items[0]?.extension, PERSON.extension);
  });

  it('edits the person, and creates a location enabled for calling', async () => {
    await page.getByRole('button', { name: `Edit ${NAME}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${NAME}` });
    await edit.getByLabel('Display name').fill(`${NAME} (Support)`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: `${NAME} (Support)` }).waitFor();
    const saved = await server.admin.get('/v1/people', { email: PERSON.email, callingData: true });
    assert.equal(saved.body.items[0]?.displayName, `${NAME} (Support)`);
    assert.equal(saved.body.items[0]?.extension, PERSON.extension, 'the calling data is kept');
    await server.admin.put(`/v1/people/${saved.body.items[0].id}`, { ...saved.body.items[0], displayName: NAME });

    await goTo('Locations');
    await page.getByRole('button', { name: 'New location' }).click();
    const create = page.getByRole('dialog', { name: 'New location' });
    await create.getByLabel('Name').fill('Chicago Office');
    await create.getByLabel('Time zone').fill('America/Chicago');
    await create.getByLabel('Street address').fill('233 S Wacker Dr');
    await create.getByLabel('City').fill('Chicago');
    await create.getByLabel('State or region').fill('IL');
    await create.getByLabel('Postal code').fill('60606');
    await create.getByRole('button', { name: 'Create location' }).click();
    await create.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: 'Chicago Office' }).filter({ hasText: 'enabled' }).waitFor();
  });

  it('places a PSTN call to the person and sees it alerting live', async () => {
    await goTo('Live calls');
    await page.getByLabel('From (external number)').fill(CALLER);
    await page.getByLabel('To', { exact: true }).fill(PERSON.extension);
    await page.getByRole('button', { name: 'Place call' }).click();
    await legRow('alerting').waitFor();
    await page.locator('.call-list').first().getByRole('row').filter({ hasText: CALLER }).waitFor();
  });

  it('answers, holds, resumes and hangs up from the console', async () => {
    await page.getByRole('button', { name: `Answer as ${NAME}` }).click();
    await legRow('connected').waitFor();
    await page.getByRole('button', { name: `Hold as ${NAME}` }).click();
    await legRow('held').waitFor();
    await page.getByRole('button', { name: `Resume as ${NAME}` }).click();
    await legRow('connected').waitFor();
    await page.getByRole('button', { name: `Hang up as ${NAME}` }).click();
    await page.getByText('No call right now').waitFor();

    // The timeline of the ended call shows each transition, as the stream carried them.
    const ended = page.getByRole('article').filter({ hasText: NAME }).first();
    await ended.locator('summary').click();
    for (const step of ['received', 'answered', 'held', 'resumed', 'disconnected']) {
      await ended.locator('.timeline-list li').filter({ hasText: step }).first().waitFor();
    }
  });

  it('shows a call placed by someone else the moment it happens (the live stream, no reload)', async () => {
    const placed = await server.admin.post('/sandbox/v1/calls', { from: '+14155550199', to: PERSON.extension });
    assert.equal(placed.status, 201, placed.text);
    await legRow('alerting').waitFor();
    await server.admin.post(`/sandbox/v1/calls/${placed.body.callSessionId}/pstn/hangup`);
    await page.getByText('No call right now').waitFor();
  });

  it('shows the call in the person’s call history', async () => {
    const person = (await server.admin.get('/v1/people', { email: PERSON.email })).body.items[0];
    await page.goto(`${server.url}/console/#/phones/${person.id}`);
    const history = page.getByRole('table', { name: `Call history of ${NAME}` });
    await history.getByRole('row').filter({ hasText: 'received' }).filter({ hasText: CALLER }).waitFor();
    await history.getByRole('row').filter({ hasText: 'missed' }).filter({ hasText: '+14155550199' }).waitFor();
  });

  it('shows each event sent to the webhook in its delivery log, with status and body', async () => {
    await goTo('Webhooks');
    await page.getByRole('button', { name: 'Delivery log of Console test receiver' }).click();
    const log = page.getByRole('region', { name: 'Delivery log: Console test receiver' });
    const answered = log.locator('details.delivery').filter({ has: page.locator('.delivery-what', { hasText: /^answered\b/ }) });
    await answered.locator('summary').filter({ hasText: 'delivered' }).filter({ hasText: '200' }).waitFor({ timeout: 20_000 });
    await answered.locator('summary').click();
    await answered.locator('pre.json').filter({ hasText: '"eventType": "answered"' }).waitFor();
    assert.ok(receiver.received.some((r) => r.body.data?.eventType === 'answered'), 'the receiver got the answered event');
    assert.equal(new URL(page.url()).hash, `#/webhooks/${webhookId}`);
  });

  it('lists the person’s voice messages on their page', async () => {
    const person = (await server.admin.get('/v1/people', { email: PERSON.email })).body.items[0];
    assert.equal((await server.admin.put(`/v1/people/${person.id}/features/voicemail`, { enabled: true, sendAllCalls: { enabled: true } })).status, 204);
    const call = await server.admin.post('/sandbox/v1/calls', { from: '+14155550188', to: PERSON.extension });
    assert.equal(call.status, 201, call.text);
    const left = await server.admin.post(`/sandbox/v1/calls/${call.body.callSessionId}/voicemail/message`, { durationSeconds: 27 });
    assert.equal(left.status, 201, left.text);
    await goTo('People');
    await page.getByLabel('Find').fill('Riley');
    await page.getByRole('button', { name: `Edit ${NAME}` }).click();
    const messages = page.getByRole('table', { name: `Voice messages of ${NAME}` });
    await messages.getByRole('row').filter({ hasText: '+14155550188' }).filter({ hasText: '27 s' }).filter({ hasText: 'New' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('raised no error in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
