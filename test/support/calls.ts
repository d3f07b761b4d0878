import assert from 'node:assert/strict';
import type { Client } from './client.ts';
import { clientWithScopes } from './factories.ts';

// Helpers for call tests: the demo's people with their own tokens, and short ways to read
// their calls and drive the simulator.

export const CALL_SCOPES = ['spark:calls_read', 'spark:calls_write', 'spark:people_read'];

export type Caller = { id: string; name: string; extension: string; number?: string; api: Client };

/** The demo people (Morgan 1000, Alex 1001, Blair 1002, Casey 1003, Devon 1004), each with a token. */
export async function demoCallers(admin: Client): Promise<Record<'morgan' | 'alex' | 'blair' | 'casey' | 'devon', Caller>> {
  const people = (await admin.get('/v1/people', { callingData: true, max: 100 })).body.items as {
    id: string;
    firstName: string;
    displayName: string;
    extension: string;
    phoneNumbers?: { type: string; value: string }[];
  }[];
  const byName = async (firstName: string): Promise<Caller> => {
    const person = people.find((p) => p.firstName === firstName);
    assert.ok(person, firstName);
    const number = person.phoneNumbers?.find((n) => n.type === 'work')?.value;
    return {
      id: person.id,
      name: person.displayName,
      extension: person.extension,
      ...(number ? { number } : {}),
      api: await clientWithScopes(admin, person.id, CALL_SCOPES),
    };
  };
  return {
    morgan: await byName('Morgan'),
    alex: await byName('Alex'),
    blair: await byName('Blair'),
    casey: await byName('Casey'),
    devon: await byName('Devon'),
  };
}

export type CallView = {
  id: string;
  callSessionId: string;
  personality: string;
  state: string;
  remoteParty: { name?: string; number?: string; personId?: string; callType: string; privacyEnabled: boolean };
  appearance?: number;
  created: string;
  answered?: string;
  redirections?: unknown[];
  recall?: { type: string; party: unknown };
  recordingState?: string;
  muteCapable: boolean;
  muted: boolean;
};

export async function callsOf(caller: Caller): Promise<CallView[]> {
  const reply = await caller.api.get('/v1/telephony/calls');
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items;
}

/** Who of these is being offered a call now (alerting), by name. */
export async function ringing(...who: Caller[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of who) if ((await callsOf(c)).some((call) => call.state === 'alerting')) out.push(c.name);
  return out;
}

/** The caller's only call. */
export async function onlyCall(caller: Caller): Promise<CallView> {
  const calls = await callsOf(caller);
  assert.equal(calls.length, 1, `${caller.name} has ${calls.length} calls: ${JSON.stringify(calls)}`);
  return calls[0]!;
}

export async function callAction(caller: Caller, action: string, body: Record<string, unknown>, status = 204) {
  const reply = await caller.api.post(`/v1/telephony/calls/${action}`, body);
  assert.equal(reply.status, status, `${action}: ${reply.text}`);
  return reply.body;
}

/** A PSTN call from an external number into the organization (the simulator). */
export async function pstnCall(admin: Client, from: string, to: string) {
  const reply = await admin.post('/sandbox/v1/calls', { from, to });
  assert.equal(reply.status, 201, reply.text);
  return reply.body as { callSessionId: string; legs: { callId: string; party: { kind: string; number?: string }; state: string }[] };
}

export async function session(admin: Client, callSessionId: string) {
  const reply = await admin.get(`/sandbox/v1/calls/${callSessionId}`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body as { legs: { callId: string; party: { kind: string; number?: string; personId?: string; virtualLineId?: string }; state: string; personality: string }[] };
}

export async function history(caller: Caller, type?: string) {
  const reply = await caller.api.get('/v1/telephony/calls/history', type ? { type } : {});
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items as { type: string; name?: string; number?: string; privacyEnabled: boolean; time: string }[];
}
