import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server.ts';
import { launchChromium, type Browser } from './chromium.ts';

// A location's features in the console, in Debian's headless Chromium against the real server:
// create a hunt group and a call queue with their agents, see and edit their members, delete one,
// and watch calls in Live calls say which feature routed them (the queue with the caller's place
// in line, the hunt group). Every change is checked through the Webex API too.

const CALLER = '+14155550123';
type Member = { id: string; firstName: string };

describe('the console’s location features in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let hq: { id: string; name: string };
  const pageErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startServer('sqlite', { config: { adminToken: undefined } });
    hq = (await server.admin.get('/v1/locations')).body.items[0];
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const goTo = (name: string) => page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name }).click();
  const section = (title: string) => page.getByRole('region', { name: title, exact: true });
  /** The feature of this kind and name, through the Webex API. */
  const find = async (list: string, key: string, name: string) => {
    const reply = await server.admin.get(`/v1/telephony/config/${list}`, { locationId: hq.id, name });
    assert.equal(reply.status, 200, reply.text);
    return reply.body[key].find((f: { name: string }) => f.name === name) as { id: string; extension: string } | undefined;
  };
  const details = async (path: string) => {
    const reply = await server.admin.get(`/v1/telephony/config/locations/${hq.id}/${path}`);
    assert.equal(reply.status, 200, reply.text);
    return reply.body;
  };
  /** Adds a person to the members of one role (the fieldset `role`) in the open dialog. */
  const addMember = async (dialog: ReturnType<Page['getByRole']>, role: string, who: string) => {
    const members = dialog.getByRole('group', { name: role });
    await members.getByRole('searchbox').fill(who);
    await members.getByRole('button', { name: new RegExp(`^${who}`) }).click();
    await members.getByRole('listitem').filter({ hasText: who }).getByRole('button', { name: /^Remove/ }).waitFor();
  };

  it('signs in and opens the features of the first calling location', async () => {
    await page.goto(`${server.url}/console/`);
    await page.waitForFunction("document.querySelector('input[type=password]')?.value !== ''");
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Callplane Demo' }).waitFor();
    await goTo('Features');
    await page.getByRole('heading', { level: 1, name: 'Features' }).waitFor();
    assert.equal(await page.getByLabel('Location').inputValue(), hq.id);
    for (const title of ['Hunt groups', 'Call queues', 'Auto attendants', 'Call parks', 'Call pickups', 'Paging groups']) {
      await section(title).getByText(/^No /).waitFor();
    }
  });

  it('creates a hunt group with an agent, shows its members, and edits it', async () => {
    await page.getByRole('button', { name: 'New hunt group' }).click();
    const dialog = page.getByRole('dialog', { name: 'New hunt group' });
    await dialog.getByLabel('Name').fill('Sales');
    await dialog.getByLabel('Extension', { exact: true }).fill('5100');
    await dialog.getByLabel('Policy').selectOption('CIRCULAR');
    await addMember(dialog, 'Agents', 'Alex Rivera');
    await dialog.getByRole('button', { name: 'Create hunt group' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section('Hunt groups').getByRole('row').filter({ hasText: 'Sales' }).filter({ hasText: '5100' }).waitFor();

    const created = await find('huntGroups', 'huntGroups', 'Sales');
    assert.ok(created, 'the hunt group exists');
    const group = await details(`huntGroups/${created.id}`);
    assert.equal(group.callPolicies.policy, 'CIRCULAR');
    assert.deepEqual(group.agents.map((a: Member) => a.firstName), ['Alex']);

    await page.getByRole('button', { name: 'Members of Sales' }).click();
    const members = page.getByRole('dialog', { name: 'Members of Sales' });
    await members.getByRole('region', { name: 'Agents' }).getByRole('listitem').filter({ hasText: 'Alex Rivera' }).waitFor();
    await page.keyboard.press('Escape');
    await members.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Edit Sales' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Sales' });
    await edit.getByRole('listitem').filter({ hasText: 'Alex Rivera' }).waitFor();
    await edit.getByLabel('Name').fill('Sales desk');
    await addMember(edit, 'Agents', 'Blair Chen');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await section('Hunt groups').getByRole('row').filter({ hasText: 'Sales desk' }).waitFor();
    const edited = await details(`huntGroups/${created.id}`);
    assert.equal(edited.name, 'Sales desk');
    assert.equal(edited.callPolicies.policy, 'CIRCULAR', 'the policy is kept');
    assert.deepEqual(edited.agents.map((a: Member) => a.firstName), ['Alex', 'Blair']);
  });

  it('creates a call queue with an agent', async () => {
    await page.getByRole('button', { name: 'New call queue' }).click();
    const dialog = page.getByRole('dialog', { name: 'New call queue' });
    await dialog.getByLabel('Name').fill('Support');
    await dialog.getByLabel('Extension', { exact: true }).fill('5300');
    await dialog.getByLabel('Queue size').fill('5');
    await addMember(dialog, 'Agents', 'Casey Okafor');
    await dialog.getByRole('button', { name: 'Create call queue' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section('Call queues').getByRole('row').filter({ hasText: 'Support' }).filter({ hasText: '5300' }).waitFor();
    const created = await find('queues', 'queues', 'Support');
    assert.ok(created, 'the queue exists');
    const queue = await details(`queues/${created.id}`);
    assert.equal(queue.queueSettings.queueSize, 5);
    assert.deepEqual(queue.agents.map((a: Member & { joinEnabled: boolean }) => [a.firstName, a.joinEnabled]), [['Casey', true]]);
  });

  it('shows a queued call in Live calls with its queue and place in line, and the agent offered it', async () => {
    // Casey is on another call: the queue has nobody free, so the caller waits in line.
    const busy = await server.admin.post('/sandbox/v1/calls', { from: '+14155550177', to: '1003' });
    assert.equal(busy.status, 201, busy.text);
    const casey = busy.body.legs.find((l: { party: { kind: string } }) => l.party.kind === 'person');
    const answered = await server.admin.post(`/sandbox/v1/people/${casey.party.personId}/calls/answer`, { callId: casey.callId });
    assert.equal(answered.status, 204, answered.text);

    await goTo('Live calls');
    await page.getByLabel('From (external number)').fill(CALLER);
    await page.getByLabel('To', { exact: true }).fill('5300');
    await page.getByRole('button', { name: 'Place call' }).click();
    const queued = page.getByRole('article').filter({ hasText: CALLER });
    await queued.locator('.routed-by').filter({ hasText: 'Call queue Support' }).filter({ hasText: 'waiting, position 1' }).waitFor();

    // Casey is free again: the queue offers the call to her (within its 5-second look for free
    // agents), and her event names the queue with its extension.
    await server.admin.post(`/sandbox/v1/calls/${busy.body.callSessionId}/pstn/hangup`);
    await queued.getByRole('row').filter({ hasText: 'Casey Okafor' }).filter({ hasText: 'alerting' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Answer as Casey Okafor' }).click();
    await queued.getByRole('row').filter({ hasText: 'Casey Okafor' }).filter({ hasText: 'connected' }).waitFor();
    const routed = queued.locator('.routed-by');
    await routed.filter({ hasText: 'Call queue Support (5300)' }).waitFor();
    assert.doesNotMatch(await routed.innerText(), /waiting/, 'no longer waiting once answered');
    await page.getByRole('button', { name: 'Hang up as Casey Okafor' }).click();
    await page.getByText('No call right now').waitFor();
  });

  it('shows a call through the hunt group with the group that routed it', async () => {
    await page.getByLabel('To', { exact: true }).fill('5100');
    await page.getByRole('button', { name: 'Place call' }).click();
    const call = page.getByRole('article').filter({ hasText: CALLER }).filter({ hasText: 'alerting' });
    await call.locator('.routed-by').filter({ hasText: 'Hunt group Sales desk (5100)' }).waitFor();
    await call.getByRole('button', { name: `Hang up as ${CALLER}` }).click();
    await page.getByText('No call right now').waitFor();
  });

  it('creates an auto attendant (with an "Always open" schedule made for it) and shows a caller in its menu', async () => {
    await goTo('Features');
    await page.getByRole('button', { name: 'New auto attendant' }).click();
    const dialog = page.getByRole('dialog', { name: 'New auto attendant' });
    await dialog.getByLabel('Name').fill('Reception');
    await dialog.getByLabel('Extension', { exact: true }).fill('5200');
    await dialog.getByLabel('Business hours').selectOption('Always open');
    await dialog.getByLabel('Operator extension').fill('1000');
    await dialog.getByRole('button', { name: 'Create auto attendant' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section('Auto attendants').getByRole('row').filter({ hasText: 'Reception' }).filter({ hasText: '5200' }).waitFor();
    await page.getByRole('button', { name: 'Members of Reception' }).click();
    const menus = page.getByRole('dialog', { name: 'Members of Reception' });
    await menus.getByRole('region', { name: 'Business hours menu' }).getByText('0: TRANSFER_TO_OPERATOR 1000').waitFor();
    await page.keyboard.press('Escape');

    await goTo('Live calls');
    await page.getByLabel('To', { exact: true }).fill('5200');
    await page.getByRole('button', { name: 'Place call' }).click();
    const call = page.getByRole('article').filter({ hasText: CALLER });
    await call.locator('.routed-by').filter({ hasText: 'Auto attendant Reception · business hours menu · waiting for a key' }).waitFor();
    await call.getByRole('button', { name: `Hang up as ${CALLER}` }).click();
    await page.getByText('No call right now').waitFor();
  });

  it('creates a paging group with an originator and a target', async () => {
    await goTo('Features');
    await page.getByRole('button', { name: 'New paging group' }).click();
    const dialog = page.getByRole('dialog', { name: 'New paging group' });
    await dialog.getByLabel('Name').fill('All staff');
    await dialog.getByLabel('Extension', { exact: true }).fill('5400');
    await addMember(dialog, 'Originators', 'Alex Rivera');
    await addMember(dialog, 'Targets', 'Blair Chen');
    await dialog.getByRole('button', { name: 'Create paging group' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section('Paging groups').getByRole('row').filter({ hasText: 'All staff' }).waitFor();
    const created = await find('paging', 'locationPaging', 'All staff');
    assert.ok(created, 'the paging group exists');
    const group = await details(`paging/${created.id}`);
    assert.deepEqual([group.originators.map((m: Member) => m.firstName), group.targets.map((m: Member) => m.firstName)], [['Alex'], ['Blair']]);
  });

  it('deletes the hunt group', async () => {
    await goTo('Features');
    await page.getByRole('button', { name: 'Delete Sales desk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Sales desk?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section('Hunt groups').getByText('No hunt group in this location.').waitFor();
    assert.equal(await find('huntGroups', 'huntGroups', 'Sales desk'), undefined);
  });

  it('raised no error in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
