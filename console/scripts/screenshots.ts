import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/browser/chromium.ts';
import type { Client } from '../../test/support/client.ts';
import { startServer } from '../../test/support/server.ts';

// `npm run screenshots`: starts the real server on an in-memory store, gives the demo
// organization some life (calls under way and ended, webhooks that succeed and fail), and
// photographs each page of the console at laptop (1440×900) and phone (390×844) width into
// docs/screenshots/. Needs Debian's Chromium, like the browser tests.

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const SIZES = { laptop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

async function receiver(status: number): Promise<{ url: string; close(): void }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '{"ok":true}' : '{"error":"maintenance"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex/calls`, close: () => server.close() };
}

async function must(reply: Promise<{ status: number; text: string; body: any }>) {
  const answer = await reply;
  if (answer.status >= 300) throw new Error(`${answer.status} ${answer.text}`);
  return answer.body;
}

async function person(admin: Client, email: string): Promise<{ id: string; extension: string }> {
  return (await must(admin.get('/v1/people', { email, callingData: true }))).items[0];
}

/** The demo organization's first location (the features are made there). */
const headquarters = async (admin: Client): Promise<string> => (await must(admin.get('/v1/locations', { name: 'Headquarters' }))).items[0].id;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls that ended (history, chart, deliveries) and calls under way (the live page). */
async function seed(admin: Client): Promise<void> {
  const alex = await person(admin, 'alex.rivera@callplane-demo.example');
  const blair = await person(admin, 'blair.chen@callplane-demo.example');
  const devon = await person(admin, 'devon.patel@callplane-demo.example');
  const casey = await person(admin, 'casey.okafor@callplane-demo.example');
  const phone = (p: { id: string }, action: string, body: object) => must(admin.post(`/sandbox/v1/people/${p.id}/calls/${action}`, body));
  const callsOf = async (p: { id: string }) => (await must(admin.get(`/sandbox/v1/people/${p.id}/calls`))).items as { id: string; state: string }[];

  // Two more locations: one enabled for calling with a routing prefix, one not enabled.
  const chicago = { name: 'Chicago Office', timeZone: 'America/Chicago', preferredLanguage: 'en_us', announcementLanguage: 'en_us', address: { address1: '233 S Wacker Dr', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'US' } };
  const { id: chicagoId } = await must(admin.post('/v1/locations', chicago));
  await must(admin.post('/v1/telephony/config/locations', { id: chicagoId, ...chicago }));
  await must(admin.put(`/v1/telephony/config/locations/${chicagoId}`, { routingPrefix: '8312' }));
  await must(
    admin.post('/v1/locations', { name: 'Lisbon Lab', timeZone: 'Europe/Lisbon', preferredLanguage: 'en_us', announcementLanguage: 'pt_pt', address: { address1: 'Av. da Liberdade 110', city: 'Lisboa', state: 'Lisboa', postalCode: '1269-046', country: 'PT' } }),
  );

  const licenses = (await must(admin.get('/v1/licenses'))).items as { id: string; name: string }[];
  const professional = licenses.find((l) => l.name === 'Webex Calling - Professional')!.id;
  await must(
    admin.post('/v1/people?callingData=true', { emails: ['jordan.lee@callplane-demo.example'], firstName: 'Jordan', lastName: 'Lee', extension: '1005', licenses: [professional] }),
  );
  // Answered and ended calls from the PSTN, and one missed.
  for (const [from, to] of [['+14155550123', alex.extension], ['+12125550142', blair.extension], ['+13125550177', devon.extension]] as const) {
    const session = await must(admin.post('/sandbox/v1/calls', { from, to }));
    const [call] = await callsOf(to === alex.extension ? alex : to === blair.extension ? blair : devon);
    if (from !== '+13125550177') await phone(to === alex.extension ? alex : blair, 'answer', { callId: call!.id });
    await wait(150);
    await must(admin.post(`/sandbox/v1/calls/${session.callSessionId}/pstn/hangup`));
  }
  // Features of Headquarters: a hunt group, and a queue whose only agent (Casey) has their phone
  // busy, so an outside caller waits in line (Live calls shows the queue and their place).
  const hq = await headquarters(admin);
  const features = `/v1/telephony/config/locations/${hq}`;
  const noAnswer = { nextAgentEnabled: true, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false };
  await must(admin.post(`${features}/huntGroups`, { name: 'Sales', extension: '5100', enabled: true, callPolicies: { policy: 'CIRCULAR', noAnswer }, agents: [{ id: alex.id }, { id: devon.id }] }));
  await must(
    admin.post(`${features}/queues`, {
      name: 'Support',
      extension: '5300',
      callPolicies: { routingType: 'PRIORITY_BASED', policy: 'REGULAR', callBounce: { callBounceEnabled: true, callBounceMaxRings: 5 }, distinctiveRing: { enabled: false } },
      queueSettings: { queueSize: 10, overflow: { action: 'PERFORM_BUSY_TREATMENT', greeting: 'DEFAULT' } },
      agents: [{ id: casey.id }],
    }),
  );
  await must(admin.post(`${features}/callPickups`, { name: 'Front desk', agents: [alex.id, blair.id] }));
  await must(admin.post(`${features}/paging`, { name: 'All staff', extension: '5400', originators: [alex.id], targets: [blair.id, devon.id] }));
  await must(admin.put(`/sandbox/v1/people/${casey.id}/phone`, { busy: true }));
  await must(admin.post('/sandbox/v1/calls', { from: '+14085550161', to: '5300' }));
  await wait(100);
  // Under way: Alex talks to Blair (held), and an outside caller rings Devon.
  await must(admin.post('/sandbox/v1/calls', { from: alex.id, to: blair.extension }));
  await wait(100);
  const [blairCall] = await callsOf(blair);
  await phone(blair, 'answer', { callId: blairCall!.id });
  const [alexCall] = await callsOf(alex);
  await phone(alex, 'hold', { callId: alexCall!.id });
  await must(admin.post('/sandbox/v1/calls', { from: '+16175550108', to: devon.extension }));

  await wait(1500);
}

async function capture(page: Page, name: string, size: keyof typeof SIZES, prepare?: () => Promise<void>) {
  await page.setViewportSize(SIZES[size]);
  await prepare?.();
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await wait(400);
  await page.screenshot({ path: `${OUT}${name}-${size}.png` });
  process.stdout.write(`  docs/screenshots/${name}-${size}.png\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const ok = await receiver(200);
  const failing = await receiver(503);
  const server = await startServer('sqlite', { config: { adminToken: undefined, webhooks: { maxFailures: 50, retryBaseMs: 2000, retryMaxMs: 60_000, timeoutMs: 5000, egress: { allowLoopback: true, allowPrivate: false } } } });
  const browser = await launchChromium(SIZES.laptop);
  try {
    const admin = server.admin;
    const hook = await must(admin.post('/v1/webhooks', { name: 'Call recorder', targetUrl: ok.url, resource: 'telephony_calls', event: 'all', ownedBy: 'org' }));
    await must(admin.post('/v1/webhooks', { name: 'CRM sync (down)', targetUrl: failing.url, resource: 'telephony_calls', event: 'created', ownedBy: 'org' }));
    await seed(admin);
    const alex = await person(admin, 'alex.rivera@callplane-demo.example');

    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const base = `${server.url}/console/`;
    await page.goto(base);
    await page.waitForFunction("document.querySelector('input[type=password]')?.value !== ''");
    for (const size of ['laptop', 'phone'] as const) await capture(page, 'sign-in', size);
    await page.setViewportSize(SIZES.laptop);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Live', { exact: true }).waitFor();

    const pages: [string, string, (() => Promise<void>)?][] = [
      ['overview', '#/overview'],
      ['people', '#/people'],
      ['locations', '#/locations'],
      ['features', `#/features/${await headquarters(admin)}`, () => page.getByRole('region', { name: 'Call queues: list' }).waitFor()],
      ['calls', '#/calls', () => page.getByRole('button', { name: /^Answer as Devon/ }).waitFor()],
      ['phone', `#/phones/${alex.id}`, () => page.getByRole('table', { name: /Call history/ }).waitFor()],
      [
        'webhooks',
        `#/webhooks/${hook.id}`,
        async () => {
          const first = page.locator('details.delivery').filter({ hasText: 'delivered' }).first();
          await first.waitFor();
          if ((await first.getAttribute('open')) === null) await first.locator('summary').click();
        },
      ],
    ];
    for (const [name, hash, prepare] of pages) {
      await page.goto(`${base}${hash}`);
      for (const size of ['laptop', 'phone'] as const) await capture(page, name, size, prepare);
    }
  } finally {
    await browser.close();
    await server.close();
    ok.close();
    failing.close();
  }
}

await main();
