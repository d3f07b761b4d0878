import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.ts';
import { launchChromium, type Browser } from './chromium.ts';

// The console's developer tools, in Debian's headless Chromium against the real server: a deep
// link that survives sign-in, the not-found page, the webhook tools (test event, redelivery,
// request headers, health) delivered to a real receiver, the free-number count, every call
// control of Live calls (divert, mute, DTMF, recording, park and retrieve) with the first event
// on a new call's timeline, the clock and fault controls, and what stays visible at phone width.

type Received = { headers: IncomingHttpHeaders; body: { data?: { eventType?: string } } };

async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: HttpServer = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(text || '{}') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/tools`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const CALLER = '+14155550177';

describe('the console’s developer tools in Chromium', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let browser: Browser;
  let page: Page;
  let webhookId: string;
  let people: Record<string, { id: string; displayName: string; extension: string; email: string }>;
  const pageErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    receiver = await startReceiver();
    server = await startServer('sqlite', { config: { adminToken: undefined } });
    const created = await server.admin.post('/v1/webhooks', {
      name: 'Tools receiver',
      targetUrl: receiver.url,
      resource: 'telephony_calls',
      event: 'all',
      ownedBy: 'org',
      secret: 'tools-secret',
      // Only the test event and its redelivery: no call event of the calls below.
      filter: `personId=${Buffer.from('ciscospark://us/PEOPLE/00000000-0000-4000-8000-000000000000').toString('base64url')}`,
    });
    assert.equal(created.status, 200, created.text);
    webhookId = created.body.id;
    const listed = (await server.admin.get('/v1/people', { max: 100, callingData: true })).body.items as { id: string; firstName: string; displayName: string; extension: string; emails: string[] }[];
    people = Object.fromEntries(listed.map((p) => [p.firstName, { id: p.id, displayName: p.displayName, extension: p.extension, email: p.emails[0]! }]));
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

  it('keeps a deep link through sign-in', async () => {
    await page.goto(`${server.url}/console/#/webhooks/${webhookId}`);
    await page.waitForFunction("document.querySelector('input[type=password]')?.value !== ''");
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: 'Delivery log: Tools receiver' }).waitFor();
    assert.equal(new URL(page.url()).hash, `#/webhooks/${webhookId}`);
  });

  it('shows a not-found page for an unknown route', async () => {
    await page.goto(`${server.url}/console/#/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Callplane Demo' }).waitFor();
  });

  it('counts on Overview as many free numbers as available=true lists', async () => {
    const available = (await server.admin.get('/v1/telephony/config/numbers', { available: true, max: 1000 })).body.phoneNumbers as unknown[];
    await page.locator('dd.free-numbers').filter({ hasText: new RegExp(`^${available.length}$`) }).waitFor();
  });

  it('sends a test event, shows the request headers sent and the webhook’s health, and redelivers it', async () => {
    await goTo('Webhooks');
    await page.getByRole('button', { name: 'Send a test event to Tools receiver' }).click();
    const log = page.getByRole('region', { name: 'Delivery log: Tools receiver' });
    const test = log.locator('details.delivery').filter({ has: page.locator('.delivery-what', { hasText: 'test' }) });
    await test.locator('summary').filter({ hasText: 'delivered' }).filter({ hasText: '200' }).waitFor();
    assert.equal(receiver.received.length, 1);
    const signature = receiver.received[0]!.headers['x-spark-signature'];
    assert.ok(signature);
    await test.locator('summary').click();
    await test.locator('pre.request-headers').filter({ hasText: `x-spark-signature: ${signature}` }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Tools receiver' }).filter({ hasText: 'last 200' }).waitFor();

    await test.getByRole('button', { name: 'Redeliver' }).click();
    const again = log.locator('details.delivery').filter({ has: page.locator('.delivery-what', { hasText: 'redelivery' }) });
    await again.locator('summary').filter({ hasText: 'delivered' }).waitFor();
    assert.equal(receiver.received.length, 2);
    assert.equal(receiver.received[1]!.headers['x-spark-signature'], signature);
  });

  /** The row of a person's leg in the first active call, once it shows this text. */
  const legRow = (name: string, text: string) => page.locator('.call-list').first().getByRole('row').filter({ hasText: name }).filter({ hasText: text });

  it('shows a new call’s first event on its timeline, and diverts it while it alerts', async () => {
    const alex = people.Alex!;
    const blair = people.Blair!;
    await goTo('Live calls');
    await page.getByLabel('From (external number)').fill(CALLER);
    await page.getByLabel('To', { exact: true }).fill(alex.extension);
    await page.getByRole('button', { name: 'Place call' }).click();
    await legRow(alex.displayName, 'alerting').waitFor();
    const card = page.getByRole('article').filter({ hasText: CALLER }).first();
    await card.locator('.timeline-list li').filter({ hasText: 'received' }).first().waitFor();

    await page.getByRole('button', { name: `Divert ${alex.displayName}’s call` }).click();
    await page.getByLabel('Divert to').fill(blair.extension);
    await page.getByRole('button', { name: 'Divert', exact: true }).click();
    await legRow(blair.displayName, 'alerting').waitFor();
    await page.getByRole('button', { name: `Answer as ${blair.displayName}` }).click();
    await legRow(blair.displayName, 'connected').waitFor();
  });

  it('mutes, sends DTMF, records (pause, resume, stop) and shows the recording state', async () => {
    const blair = people.Blair!.displayName;
    await page.getByRole('button', { name: `Mute as ${blair}` }).click();
    await legRow(blair, 'muted').waitFor();
    await page.getByRole('button', { name: `Unmute as ${blair}` }).click();
    await page.getByRole('button', { name: `Mute as ${blair}` }).waitFor();

    await page.getByRole('button', { name: `DTMF ${blair}’s call` }).click();
    await page.getByLabel('Digits').fill('123#');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(`DTMF: done as ${blair}.`).waitFor();

    await page.getByRole('button', { name: `Record as ${blair}` }).click();
    await legRow(blair, 'recording started').waitFor();
    await page.getByRole('button', { name: `Pause recording as ${blair}` }).click();
    await legRow(blair, 'recording paused').waitFor();
    await page.getByRole('button', { name: `Resume recording as ${blair}` }).click();
    await legRow(blair, 'recording started').waitFor();
    await page.getByRole('button', { name: `Stop recording as ${blair}` }).click();
    await legRow(blair, 'recording stopped').waitFor();
  });

  it('parks the call and retrieves it from Live calls', async () => {
    const blair = people.Blair!.displayName;
    await page.getByRole('button', { name: `Park as ${blair}` }).click();
    await page.getByRole('button', { name: `Retrieve as ${blair}` }).click();
    await legRow(blair, 'alerting').waitFor();
    await page.getByRole('button', { name: `Answer as ${blair}` }).click();
    await legRow(blair, 'connected').waitFor();
    const call = (await server.admin.get('/sandbox/v1/calls')).body.items as { legs: { party: { number?: string }; state: string }[] }[];
    assert.ok(call.some((s) => s.legs.some((l) => l.party.number === CALLER && l.state === 'connected')), JSON.stringify(call));
    await page.getByRole('button', { name: `Hang up as ${blair}` }).click();
    await page.getByText('No call right now').waitFor();
  });

  it('switches the clock to manual, advances it and back; adds and removes a fault', async () => {
    await goTo('Clock & faults');
    const clock = page.getByRole('region', { name: 'Server clock' });
    await clock.locator('.clock-mode-value').filter({ hasText: 'real' }).waitFor();
    await clock.getByRole('button', { name: 'Switch to manual' }).click();
    await clock.locator('.clock-mode-value').filter({ hasText: 'manual' }).waitFor();
    const before = (await server.admin.get('/sandbox/v1/clock')).body.now as string;
    await clock.getByLabel('Advance by (seconds)').fill('3600');
    await clock.getByRole('button', { name: 'Advance' }).click();
    await page.getByText('Advanced by 3600 s.').waitFor();
    const after = (await server.admin.get('/sandbox/v1/clock')).body.now as string;
    assert.ok(Date.parse(after) - Date.parse(before) >= 3600_000, `${before} → ${after}`);
    await clock.getByRole('button', { name: 'Switch to real time' }).click();
    await clock.locator('.clock-mode-value').filter({ hasText: 'real' }).waitFor();

    const faults = page.getByRole('region', { name: 'Faults' });
    await faults.getByLabel('Path').fill('/v1/locations');
    await faults.getByLabel('Status').selectOption('503');
    await faults.getByRole('button', { name: 'Add fault' }).click();
    await faults.getByRole('listitem').filter({ hasText: 'any /v1/locations' }).waitFor();
    assert.equal((await server.admin.get('/v1/locations')).status, 503);
    await faults.getByRole('button', { name: 'Remove the fault on any /v1/locations' }).click();
    await faults.getByText('No fault').waitFor();
    assert.equal((await server.admin.get('/v1/locations')).status, 200);
  });

  it('at phone width shows a person’s email, location and licenses, the webhook target and the PSTN call form', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const alex = people.Alex!;
    await goTo('People');
    await page.getByLabel('Find').fill('Alex');
    const row = page.getByRole('row').filter({ hasText: alex.displayName });
    for (const text of [alex.email, 'Professional', 'Headquarters']) {
      const cell = row.getByRole('cell').filter({ hasText: text }).first();
      await cell.waitFor();
      assert.ok(await cell.isVisible(), `${text} is visible`);
    }
    await goTo('Webhooks');
    const target = page.getByRole('cell').filter({ hasText: receiver.url }).first();
    await target.waitFor();
    assert.ok(await target.isVisible(), 'the webhook target is visible');
    await goTo('Live calls');
    const form = page.getByRole('form', { name: 'Call from the PSTN' });
    await form.waitFor();
    await form.scrollIntoViewIfNeeded();
    for (const control of [form.getByLabel('From (external number)'), form.getByLabel('To', { exact: true }), form.getByRole('button', { name: 'Place call' })]) {
      assert.ok(await control.isVisible());
      const box = (await control.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `within the screen: ${JSON.stringify(box)}`);
    }
    const width: number = await page.evaluate("document.documentElement.scrollWidth");
    assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
  });

  it('raised no error in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
