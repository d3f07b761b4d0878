import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeCallId, decodeSessionId } from '../../src/domain/calls/call-ids.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Client } from '../support/client.ts';
import { defaultLocation, licenses, unique, usNational } from '../support/factories.ts';
import { newNumber } from '../support/location-numbers.ts';
import { WebhookSink } from '../support/webhook-sink.ts';
import { brokenInvariants } from './support/invariants.ts';
import { seeded } from '../support/random.ts';
import { newAdminToken, newStore, startProcess, storeKinds, type ServerProcess } from './support/server-process.ts';
import { databaseOf } from './support/store-digest.ts';

// kill -9 during a write load: after a restart every acknowledged write (a 2xx received) is
// there, nothing is half-written, and every call event of an acknowledged call reaches the
// webhook that wanted it.

/** The load runs at least this long, then until it has enough acknowledged work (ENOUGH), at most LOAD_BOUND_MS. */
const LOAD_MS = 1500;
const LOAD_BOUND_MS = 60_000;
const ENOUGH = { people: 20, calls: 5 };
const WORKERS = 12;

type Acknowledged = {
  people: Map<string, { email: string; number?: string; extension?: string }>;
  deleted: Set<string>;
  calls: Map<string, { personId: string; callId: string; answered: boolean; hungUp: boolean }>;
  /** Answers of the load before the kill that were neither 2xx nor an expected refusal. */
  unexpected: string[];
};

type Target = { id: string; extension: string };

/** Runs the write load until `stopped()`; every 2xx is recorded as it arrives. */
async function writeLoad(admin: Client, ack: Acknowledged, setup: { hq: string; license: string; numbers: string[]; targets: Target[] }, stopped: () => boolean, seed: number) {
  const random = seeded(seed);
  let extension = 80_000;
  let caller = 0;
  const note = (what: string, reply: { status: number; text: string }) => {
    if (!stopped()) ack.unexpected.push(`${what} → ${reply.status}: ${reply.text.slice(0, 200)}`);
  };
  const step = async () => {
    const roll = random();
    if (roll < 0.4 && setup.numbers.length > 0) {
      const number = setup.numbers.pop()!;
      const email = `${unique('crash')}@example.com`;
      const ext = String(++extension);
      const reply = await admin.post(
        '/v1/people',
        { emails: [email], displayName: `Crash ${ext}`, phoneNumbers: [{ type: 'work', value: usNational(number) }], extension: ext, locationId: setup.hq, licenses: [setup.license] },
        { callingData: true },
      );
      if (reply.status === 200) ack.people.set(reply.body.id, { email, number, extension: ext });
      else note('create a calling person', reply);
    } else if (roll < 0.55) {
      const email = `${unique('crash')}@example.com`;
      const reply = await admin.post('/v1/people', { emails: [email], displayName: 'Crash Plain' });
      if (reply.status === 200) ack.people.set(reply.body.id, { email });
      else note('create a person', reply);
    } else if (roll < 0.65) {
      const candidates = [...ack.people.keys()].filter((id) => !ack.deleted.has(id));
      const id = candidates[Math.floor(random() * candidates.length)];
      if (!id) return;
      ack.deleted.add(`pending:${id}`);
      const reply = await admin.delete(`/v1/people/${id}`);
      if (reply.status === 204) ack.deleted.add(id);
      else if (reply.status !== 404) note('delete a person', reply);
    } else {
      const target = setup.targets[Math.floor(random() * setup.targets.length)]!;
      const placed = await admin.post('/sandbox/v1/calls', { from: `+1415666${String(1000 + (caller++ % 9000))}`, to: target.extension });
      if (placed.status !== 201) return note('place a call', placed);
      const leg = placed.body.legs.find((l: { party: { personId?: string } }) => l.party.personId === target.id);
      const call = { personId: target.id, callId: leg.callId as string, answered: false, hungUp: false };
      ack.calls.set(placed.body.callSessionId, call);
      const answered = await admin.post(`/sandbox/v1/people/${target.id}/calls/answer`, { callId: call.callId });
      if (answered.status !== 204) return note('answer', answered);
      call.answered = true;
      const hungUp = await admin.post(`/sandbox/v1/people/${target.id}/calls/hangup`, { callId: call.callId });
      if (hungUp.status !== 204) return note('hang up', hungUp);
      call.hungUp = true;
    }
  };
  const worker = async () => {
    while (!stopped()) {
      try {
        await step();
      } catch (error) {
        // The connection died with the server: the request in flight is not acknowledged.
        if (!stopped()) ack.unexpected.push(`network error before the kill: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
}

for (const kind of storeKinds) {
  describe(`Crash safety: kill -9 during a write load (${kind})`, () => {
    const store = newStore(kind);
    const token = newAdminToken();
    const env = { DATABASE_URL: store.url, CALLPLANE_ADMIN_TOKEN: token, CALLPLANE_WEBHOOK_TIMEOUT: '1' };
    const running: ServerProcess[] = [];
    let sink: WebhookSink | undefined;

    after(async () => {
      for (const server of running) await server.kill();
      await sink?.close();
      await store.drop();
    });

    it('given acknowledged writes, they all survive the kill; nothing is half-written; their call events are delivered', async (t) => {
      const first = await startProcess(env);
      running.push(first);
      let admin = new Client(first.url, token);

      // Room to write: units, numbers, and callees (the demo people) known by extension.
      const hq = (await defaultLocation(admin)).id;
      const { professional } = await licenses(admin);
      assert.equal((await admin.put(`/sandbox/v1/licenses/${professional}`, { totalUnits: 5000 })).status, 200);
      const numbers = Array.from({ length: 300 }, () => newNumber('US', '571'));
      for (let i = 0; i < numbers.length; i += 100) {
        const added = await admin.post(`/v1/telephony/config/locations/${hq}/numbers`, { phoneNumbers: numbers.slice(i, i + 100) });
        assert.equal(added.status, 201, added.text);
      }
      const me = (await admin.get('/v1/people/me')).body.id;
      const demo = (await admin.get('/v1/people', { callingData: true, max: 100 })).body.items as { id: string; extension?: string }[];
      const targets = demo.filter((p) => p.extension && p.id !== me).map((p) => ({ id: p.id, extension: p.extension! }));
      assert.ok(targets.length >= 3, 'demo people to call');

      // The organization's webhook for every call, to a receiver that stays up.
      sink = await WebhookSink.start();
      const hook = await admin.post('/v1/webhooks', { name: 'Crash', targetUrl: sink.url(), resource: 'telephony_calls', event: 'all', ownedBy: 'org' });
      assert.equal(hook.status, 200, hook.text);

      const ack: Acknowledged = { people: new Map(), deleted: new Set(), calls: new Map(), unexpected: [] };
      let killed = false;
      const load = writeLoad(admin, ack, { hq, license: professional, numbers, targets }, () => killed, 20260115);
      // A busy machine acknowledges less per second: wait for the work, not for a time that assumes a rate.
      const started = Date.now();
      const enough = () => ack.people.size > ENOUGH.people && ack.calls.size > ENOUGH.calls;
      while ((Date.now() - started < LOAD_MS || !enough()) && Date.now() - started < LOAD_BOUND_MS && ack.unexpected.length === 0) await sleep(50);
      const loadMs = Date.now() - started;
      killed = true;
      await first.kill();
      await load;
      assert.deepEqual(ack.unexpected, [], 'every answer before the kill was a success');
      const deleted = new Set([...ack.deleted].filter((id) => !id.startsWith('pending:')));
      const pendingDeletes = new Set([...ack.deleted].filter((id) => id.startsWith('pending:')).map((id) => id.slice('pending:'.length)));
      assert.ok(enough(), `a real load within ${LOAD_BOUND_MS} ms: ${ack.people.size} people, ${ack.calls.size} calls acknowledged`);
      t.diagnostic(`killed after ${loadMs} ms: ${ack.people.size} people created, ${deleted.size} deleted, ${ack.calls.size} calls placed (${[...ack.calls.values()].filter((c) => c.hungUp).length} answered and hung up) acknowledged`);

      const second = await startProcess(env);
      running.push(second);
      admin = new Client(second.url, token);

      // Every acknowledged person is there as acknowledged; every acknowledged deletion stands.
      const missing: string[] = [];
      for (const [id, person] of ack.people) {
        const reply = await admin.get(`/v1/people/${id}`, { callingData: true });
        if (deleted.has(id)) {
          if (reply.status !== 404) missing.push(`${id}: deleted (204), yet answers ${reply.status}`);
          continue;
        }
        if (pendingDeletes.has(id) && reply.status === 404) continue;
        if (reply.status !== 200) {
          missing.push(`${id} (${person.email}): acknowledged, answers ${reply.status}`);
          continue;
        }
        if (person.extension && reply.body.extension !== person.extension) missing.push(`${id}: extension ${reply.body.extension}, acknowledged ${person.extension}`);
        const work = (reply.body.phoneNumbers ?? []).find((n: { type: string }) => n.type === 'work')?.value;
        if (person.number && work !== person.number) missing.push(`${id}: number ${work}, acknowledged ${person.number}`);
      }
      assert.deepEqual(missing, [], 'acknowledged people after the restart');

      const db = await openStore(store.config);
      try {
        // Every acknowledged call, answer and hang-up is in the store.
        const lost: string[] = [];
        for (const [publicId, call] of ack.calls) {
          const sessionId = decodeSessionId(publicId)!;
          const callId = decodeCallId(call.callId)!;
          const row = await db.calls.get(sessionId);
          if (!row) {
            lost.push(`session ${sessionId}: acknowledged (201), not in the store`);
            continue;
          }
          const leg = (JSON.parse(row.data) as { legs: { id: string; state: string; answered: string | null }[] }).legs.find((l) => l.id === callId);
          if (!leg) lost.push(`session ${sessionId}: no leg ${call.callId}`);
          else if (call.answered && leg.answered === null) lost.push(`call ${call.callId}: answer acknowledged, not answered`);
          else if (call.hungUp && leg.state !== 'disconnected') lost.push(`call ${call.callId}: hang-up acknowledged, still ${leg.state}`);
        }
        assert.deepEqual(lost, [], 'acknowledged calls after the restart');

        // Every event of an acknowledged call reaches the webhook, at least once.
        const sessions = [...ack.calls.keys()].map((id) => decodeSessionId(id)!);
        const events = (await databaseOf(db).selectFrom('call_events').select(['session_id', 'data']).execute()).filter((e) => sessions.includes(e.session_id));
        const expected = new Set(events.map((e) => JSON.stringify(JSON.parse(e.data))));
        const delivered = () => new Set(sink!.received.map((r) => JSON.stringify(r.body?.data)));
        const deadline = Date.now() + 30_000;
        while ([...expected].some((e) => !delivered().has(e)) && Date.now() < deadline) await sleep(100);
        const undelivered = [...expected].filter((e) => !delivered().has(e));
        t.diagnostic(`${expected.size - undelivered.length} of ${expected.size} call events of acknowledged calls delivered ${((Date.now() - deadline + 30_000) / 1000).toFixed(1)} s after the restart`);
        assert.equal(undelivered.length, 0, `${undelivered.length} of ${expected.size} call events never delivered, e.g. ${undelivered.slice(0, 3).join('\n')}`);

        assert.equal(await second.stop(), 0, 'the restarted server stops cleanly');
        assert.deepEqual(await brokenInvariants(databaseOf(db)), [], 'the store is sound');
      } finally {
        await db.close();
      }
    });
  });
}
