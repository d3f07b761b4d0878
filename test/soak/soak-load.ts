import { Client, type Reply } from '../support/client.ts';
import { unique, usNational } from '../support/factories.ts';
import { seeded } from '../support/random.ts';

// The soak's mixed load: provisioning (people with numbers and extensions made, read, renamed and
// removed; locations made and removed; lists read) and calls (inbound PSTN calls answered, held,
// resumed and hung up; calls out to the PSTN; click-to-dial through the Call Controls). Each
// worker owns one callee, so its calls never meet another worker's. Every answer is checked
// against the status it must have; anything else counts as an error.

export type Callee = { id: string; extension: string; api: Client };

export type LoadSetup = {
  admin: Client;
  hq: string;
  license: string;
  /** Free numbers of the default location, E.164; people take them and give them back. */
  numbers: string[];
  callees: Callee[];
};

export type LoadStats = { requests: number; errors: number; samples: string[]; byStep: Map<string, number> };

/** Past this many people of its own, a worker removes before it adds. */
const POPULATION = 25;

/** Starts the load; `stats` can be read while it runs, `done` settles once every worker stopped. */
export function runLoad(setup: LoadSetup, stopped: () => boolean, seed: number): { done: Promise<void>; stats: () => LoadStats } {
  const stats: LoadStats = { requests: 0, errors: 0, samples: [], byStep: new Map() };
  let extension = 600_000;
  let pstn = 0;

  const expect = (step: string, reply: Reply, status: number) => {
    stats.requests++;
    if (reply.status === status) return true;
    stats.errors++;
    if (stats.samples.length < 20) stats.samples.push(`${step}: ${reply.status} (expected ${status}) ${reply.text.slice(0, 200)}`);
    return false;
  };

  const worker = async (callee: Callee, index: number) => {
    const random = seeded(seed + index);
    const { admin } = setup;
    const people: { id: string; number: string; extension: string }[] = [];
    const phone = (action: string, body: unknown) => admin.post(`/sandbox/v1/people/${callee.id}/calls/${action}`, body);

    const steps: [weight: number, name: string, run: () => Promise<unknown>][] = [
      [
        3,
        'provision a calling person',
        async () => {
          if (people.length >= POPULATION || setup.numbers.length === 0) return removePerson();
          const number = setup.numbers.pop()!;
          const ext = String(++extension);
          const created = await admin.post(
            '/v1/people',
            { emails: [`${unique('soak')}@example.com`], displayName: `Soak ${ext}`, phoneNumbers: [{ type: 'work', value: usNational(number) }], extension: ext, locationId: setup.hq, licenses: [setup.license] },
            { callingData: true },
          );
          if (!expect('create person', created, 200)) return setup.numbers.push(number);
          people.push({ id: created.body.id, number, extension: ext });
          const read = await admin.get(`/v1/people/${created.body.id}`, { callingData: true });
          if (!expect('get person', read, 200)) return;
          expect('rename person', await admin.put(`/v1/people/${created.body.id}`, { ...read.body, displayName: `Soak ${ext} renamed` }, { callingData: true }), 200);
        },
      ],
      [2, 'remove a person', () => removePerson()],
      [
        3,
        'read lists',
        async () => {
          expect('list people', await admin.get('/v1/people', { callingData: true, max: 100 }), 200);
          expect('list numbers', await admin.get('/v1/telephony/config/numbers', { max: 100 }), 200);
          expect('list licenses', await admin.get('/v1/licenses'), 200);
          expect('get location', await admin.get(`/v1/telephony/config/locations/${setup.hq}`), 200);
        },
      ],
      [
        1,
        'make and remove a location',
        async () => {
          const created = await admin.post('/v1/locations', {
            name: unique('Soak '),
            timeZone: 'America/Chicago',
            preferredLanguage: 'en_us',
            announcementLanguage: 'en_us',
            address: { address1: '1 Soak Way', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
          });
          if (expect('create location', created, 201)) expect('delete location', await admin.delete(`/v1/locations/${created.body.id}`), 204);
        },
      ],
      [
        4,
        'inbound PSTN call: answer, hold, resume, hang up',
        async () => {
          const placed = await admin.post('/sandbox/v1/calls', { from: `+1415777${String(1000 + (pstn++ % 9000))}`, to: callee.extension });
          if (!expect('place call', placed, 201)) return;
          const callId = placed.body.legs.find((l: { party: { personId?: string } }) => l.party.personId === callee.id)?.callId;
          if (!expect('answer', await phone('answer', { callId }), 204)) return;
          if (!expect('hold', await callee.api.post('/v1/telephony/calls/hold', { callId }), 204)) return;
          if (!expect('resume', await callee.api.post('/v1/telephony/calls/resume', { callId }), 204)) return;
          expect('list calls', await callee.api.get('/v1/telephony/calls'), 200);
          expect('hang up', await callee.api.post('/v1/telephony/calls/hangup', { callId }), 204);
        },
      ],
      [
        2,
        'outgoing call to the PSTN, hung up',
        async () => {
          const placed = await admin.post('/sandbox/v1/calls', { from: callee.id, to: `+1415888${String(1000 + (pstn++ % 9000))}` });
          if (!expect('place outgoing call', placed, 201)) return;
          const callId = placed.body.legs.find((l: { party: { personId?: string } }) => l.party.personId === callee.id)?.callId;
          expect('hang up outgoing', await phone('hangup', { callId }), 204);
        },
      ],
      [
        2,
        'click-to-dial, answered on the phone, hung up',
        async () => {
          const dialed = await callee.api.post('/v1/telephony/calls/dial', { destination: `+1415999${String(1000 + (pstn++ % 9000))}` });
          if (!expect('dial', dialed, 201)) return;
          if (!expect('answer click-to-dial', await phone('answer', { callId: dialed.body.callId }), 204)) return;
          expect('hang up click-to-dial', await callee.api.post('/v1/telephony/calls/hangup', { callId: dialed.body.callId }), 204);
          expect('call history', await callee.api.get('/v1/telephony/calls/history'), 200);
        },
      ],
    ];
    const total = steps.reduce((sum, [weight]) => sum + weight, 0);

    async function removePerson() {
      const person = people.splice(Math.floor(random() * people.length), 1)[0];
      if (!person) return;
      if (expect('delete person', await admin.delete(`/v1/people/${person.id}`), 204)) setup.numbers.push(person.number);
    }

    while (!stopped()) {
      let roll = random() * total;
      const [, name, run] = steps.find(([weight]) => (roll -= weight) < 0) ?? steps[0]!;
      stats.byStep.set(name, (stats.byStep.get(name) ?? 0) + 1);
      try {
        await run();
      } catch (error) {
        stats.errors++;
        if (stats.samples.length < 20) stats.samples.push(`${name}: ${(error as Error).message}`);
      }
    }
    // Leave no people behind: the next run starts from the same state.
    while (people.length > 0) await removePerson();
  };

  const done = Promise.all(setup.callees.map(worker)).then(() => undefined);
  return { done, stats: () => stats };
}
