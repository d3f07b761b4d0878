import assert from 'node:assert/strict';
import * as oauth from 'oauth4webapi';
import type { Client } from './client.ts';
import { unique } from './factories.ts';

// OAuth helpers for tests: a registered app and oauth4webapi configured by hand for a Callplane
// (a plain OAuth 2 server: no discovery document).

export type RegisteredApp = { id: string; clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[]; type: string; name: string };

export const REDIRECT_URI = 'http://127.0.0.1:9/callback';

export async function registerApp(admin: Client, overrides: Record<string, unknown> = {}): Promise<RegisteredApp> {
  const reply = await admin.post('/sandbox/v1/apps', { name: unique('App '), redirectUris: [REDIRECT_URI], scopes: 'spark:people_read spark:calls_read', ...overrides });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

/** The authorization server as oauth4webapi needs it, written by hand. */
export const authorizationServer = (baseUrl: string): oauth.AuthorizationServer => ({
  issuer: new URL(baseUrl).origin,
  authorization_endpoint: new URL('/v1/authorize', baseUrl).toString(),
  token_endpoint: new URL('/v1/access_token', baseUrl).toString(),
});

/** Callplane in tests listens on http://127.0.0.1: oauth4webapi asks for https unless told. */
export const insecure = { [oauth.allowInsecureRequests]: true } as const;

export type PkceRequest = { url: URL; state: string; verifier: string; challenge: string };

/** An authorization URL with PKCE S256, as an integration builds it. */
export async function authorizationUrl(baseUrl: string, app: RegisteredApp, scope: string, redirectUri = REDIRECT_URI): Promise<PkceRequest> {
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const state = oauth.generateRandomState();
  const url = new URL('/v1/authorize', baseUrl);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return { url, state, verifier, challenge };
}

/** Submits the consent page's form as the browser would; answers the raw response (302 expected). */
export async function submitConsent(baseUrl: string, request: PkceRequest, personId: string, decision: 'accept' | 'deny' = 'accept'): Promise<Response> {
  const form = new URLSearchParams(request.url.searchParams);
  form.set('personId', personId);
  form.set('decision', decision);
  return fetch(new URL('/v1/authorize', baseUrl), { method: 'POST', body: form, redirect: 'manual', headers: { accept: 'text/html' } });
}

/** Posts a form to /v1/access_token without a library, for the error cases. */
export async function postToken(baseUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(new URL('/v1/access_token', baseUrl), { method: 'POST', body: new URLSearchParams(fields), headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** Asserts an OAuth error answer: RFC 6749's fields and Webex's. */
export function assertOAuthError(reply: { status: number; body: Record<string, any> }, status: number, error: string) {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.error, error, JSON.stringify(reply.body));
  assert.equal(typeof reply.body.error_description, 'string');
  assert.equal(reply.body.message, reply.body.error_description);
  assert.equal(typeof reply.body.trackingId, 'string');
}
