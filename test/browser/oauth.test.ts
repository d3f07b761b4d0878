import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as oauth from 'oauth4webapi';
import type { Page } from 'playwright-core';
import { createPerson } from '../support/factories.ts';
import { authorizationServer, authorizationUrl, insecure, registerApp, type RegisteredApp } from '../support/oauth.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { launchChromium, type Browser } from './chromium.ts';

// The consent page in Debian's headless Chromium: an integration sends the browser to
// /v1/authorize, the person picks who they are and accepts (or denies), and the browser lands on
// the integration's redirect URI, whose code oauth4webapi exchanges. Then the console lists the
// app and the authorization, and revoking it there stops the token.

/** The integration's redirect target: a local server that answers 200. */
async function startCallback(): Promise<{ url: string; close(): Promise<void> }> {
  const server: HttpServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Signed in.</p>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/callback`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the OAuth consent page and the console’s apps in Chromium', () => {
  let server: TestServer;
  let callback: Awaited<ReturnType<typeof startCallback>>;
  let browser: Browser;
  let page: Page;
  let app: RegisteredApp;
  let accessToken: string;
  const pageErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    callback = await startCallback();
    server = await startServer('sqlite', { config: { adminToken: undefined } });
    app = await registerApp(server.admin, { name: 'Acme Dialer', redirectUris: [callback.url], scopes: 'spark:people_read spark:calls_read' });
    await createPerson(server.admin, { firstName: 'Dana', lastName: 'Lee', displayName: 'Dana Lee', emails: ['dana.lee@oauth-test.example'] });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await callback?.close();
  });

  it('signs Dana Lee in through the consent page, and the code it returns gives her a token', async () => {
    const request = await authorizationUrl(server.url, app, 'spark:people_read', callback.url);
    await page.goto(request.url.toString());
    await page.getByRole('heading', { level: 1, name: 'Sign in to Acme Dialer' }).waitFor();
    assert.deepEqual(await page.locator('#scopes li').allTextContents(), ['spark:people_read']);
    await page.getByLabel('Sign in as').selectOption({ label: 'Dana Lee (dana.lee@oauth-test.example)' });
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL((url) => url.toString().startsWith(callback.url));
    await page.getByText('Signed in.').waitFor();

    const as = authorizationServer(server.url);
    const client = { client_id: app.clientId };
    const params = oauth.validateAuthResponse(as, client, new URL(page.url()), request.state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretPost(app.clientSecret), params, callback.url, request.verifier, insecure);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    accessToken = tokens.access_token;
    const me = await server.anonymous.withToken(accessToken).get('/v1/people/me');
    assert.equal(me.body.displayName, 'Dana Lee');
  });

  it('sends the browser back with error=access_denied when the person denies', async () => {
    const request = await authorizationUrl(server.url, app, 'spark:calls_read', callback.url);
    await page.goto(request.url.toString());
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL((url) => url.toString().startsWith(callback.url));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('error'), 'access_denied');
    assert.equal(url.searchParams.get('state'), request.state);
    assert.equal(url.searchParams.get('code'), null);
  });

  it('shows an unregistered redirect URI on the page and goes nowhere', async () => {
    const request = await authorizationUrl(server.url, app, 'spark:people_read', 'http://127.0.0.1:9/elsewhere');
    const response = await page.goto(request.url.toString());
    assert.equal(response?.status(), 400);
    await page.getByRole('alert').filter({ hasText: 'redirect_uri is not one the app registered' }).waitFor();
    assert.ok(page.url().startsWith(server.url));
  });

  it('lists the app and Dana’s authorization in the console, and revoking it there stops her token', async () => {
    await page.goto(`${server.url}/console/`);
    await page.waitForFunction("document.querySelector('input[type=password]')?.value !== ''");
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('region', { name: 'Registered apps' }).getByRole('row').filter({ hasText: 'Acme Dialer' }).filter({ hasText: app.clientId }).waitFor();
    const row = page.getByRole('region', { name: 'Authorizations' }).getByRole('row').filter({ hasText: 'Acme Dialer' }).filter({ hasText: 'Dana Lee' });
    await row.waitFor();
    await page.getByRole('button', { name: 'Revoke Acme Dialer for Dana Lee' }).click();
    await row.waitFor({ state: 'detached' });
    assert.equal((await server.anonymous.withToken(accessToken).get('/v1/people/me')).status, 401);
  });

  it('registers a service app from the console and shows its secret once', async () => {
    await page.getByRole('button', { name: 'Register app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register app' });
    await dialog.getByLabel('App name').fill('Nightly Report');
    await dialog.getByLabel('Type').selectOption('service');
    await dialog.getByLabel('Scopes').fill('spark-admin:people_read');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const secret = await page.getByRole('note').filter({ hasText: 'Client secret of Nightly Report' }).locator('code').textContent();
    assert.match(secret ?? '', /^[0-9a-f]{64}$/);
    await page.getByRole('region', { name: 'Registered apps' }).getByRole('row').filter({ hasText: 'Nightly Report' }).filter({ hasText: 'service' }).waitFor();
    const listed = (await server.admin.get('/sandbox/v1/apps')).body.items.find((a: { name: string }) => a.name === 'Nightly Report');
    assert.deepEqual(listed.scopes, ['spark-admin:people_read']);
    assert.deepEqual(pageErrors, []);
  });
});
