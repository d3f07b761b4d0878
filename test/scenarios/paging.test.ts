import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callAction, callsOf, onlyCall, pstnCall, session, type Caller } from '../support/calls.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { defaultLocation, freeNumbers } from '../support/factories.ts';
import { callWorld, inWorld } from '../support/worlds.ts';

// Paging groups end to end: the group is set up through the API, pages come from a person's
// phone (Call Controls) or a PSTN caller (the simulator).

const CALLER = '+14155550123';

async function world(dialect: Dialect) {
  const { server, clock, admin, ...people } = await callWorld(dialect);
  const hq = await defaultLocation(server.admin);
  const [number] = await freeNumbers(server.admin, hq.id);
  const pagingGroup = async (targets: Caller[], originators: Caller[], extra: Record<string, unknown> = {}) => {
    const reply = await server.admin.post(`/v1/telephony/config/locations/${hq.id}/paging`, {
      name: 'All staff',
      extension: '5300',
      phoneNumber: number,
      targets: targets.map((t) => t.id),
      originators: originators.map((o) => o.id),
      ...extra,
    });
    assert.equal(reply.status, 201, reply.text);
    return reply.body.id as string;
  };
  /** The person dials and answers their own click-to-dial leg: the call goes out. */
  const page = async (who: Caller, destination: string) => {
    const dialled = await callAction(who, 'dial', { destination }, 201);
    await callAction(who, 'answer', { callId: dialled.callId });
    return dialled.callId as string;
  };
  return { server, clock, admin: server.admin, number: number!, pagingGroup, page, ...people };
}

for (const dialect of dialects) {
  describe(`paging group calls (${dialect})`, () => {
    it('given a paging group, when an originator dials its extension, then every free target is connected at once, one way, and leaving is per target', () =>
      inWorld(() => world(dialect), async ({ admin, pagingGroup, page, alex, blair, casey, devon, morgan }) => {
        await pagingGroup([blair, casey, devon], [alex]);
        // Devon is on a call already: a page does not reach a busy target.
        await pstnCall(admin, CALLER, devon.extension);
        await callAction(devon, 'answer', { callId: (await onlyCall(devon)).id });
        const callId = await page(alex, '5300');
        const mine = await onlyCall(alex);
        assert.deepEqual([mine.id, mine.state], [callId, 'connected']);
        for (const target of [blair, casey]) {
          const paged = await onlyCall(target);
          assert.deepEqual([paged.personality, paged.state, paged.muted], ['terminator', 'connected', true], target.name);
          assert.deepEqual([paged.remoteParty.name, paged.remoteParty.number], ['All staff', '5300'], 'targets see the paging group as the caller');
        }
        assert.equal((await callsOf(devon)).length, 1);
        const legs = (await session(admin, mine.callSessionId)).legs;
        assert.equal(legs.length, 3, 'one session holds the originator and both targets');

        await callAction(blair, 'hangup', { callId: (await onlyCall(blair)).id });
        assert.deepEqual(await callsOf(blair), []);
        assert.deepEqual([(await onlyCall(alex)).state, (await onlyCall(casey)).state], ['connected', 'connected']);
        await callAction(alex, 'hangup', { callId });
        assert.deepEqual([(await callsOf(alex)).length, (await callsOf(casey)).length], [0, 0]);

        // Morgan is not one of the originators: the page does not go out.
        await page(morgan, '5300');
        assert.deepEqual(await callsOf(morgan), []);
        assert.deepEqual(await callsOf(blair), []);
      }));

    it('given originator caller ID, when a PSTN caller pages the group number, then targets see the caller, and the page ends with the last target', () =>
      inWorld(() => world(dialect), async ({ admin, number, pagingGroup, blair }) => {
        await pagingGroup([blair], [], { originatorCallerIdEnabled: true });
        const inbound = await pstnCall(admin, CALLER, number);
        const paged = await onlyCall(blair);
        assert.deepEqual([paged.state, paged.remoteParty.number], ['connected', CALLER]);
        await callAction(blair, 'hangup', { callId: paged.id });
        const legs = (await session(admin, inbound.callSessionId)).legs;
        assert.deepEqual(legs, [], 'nobody is left on the page');
      }));
  });
}
