import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebexError } from '../errors.ts';
import { encodeId } from '../webex-ids.ts';
import { matchesCallFilter, parseCallFilter, parseFilterPairs } from './webhook-filter.ts';

const PERSON = '0a1b2c3d-4e5f-4000-8000-000000000001';
const refused = (fn: () => unknown, message: RegExp) =>
  assert.throws(fn, (error) => error instanceof WebexError && error.status === 400 && message.test(error.message));

describe('webhook filters', () => {
  it('reads key=value conditions joined by &, URL-decoding values', () => {
    assert.deepEqual(parseFilterPairs('roomId=abc&mentionedPeople=me%40example.com'), [
      ['roomId', 'abc'],
      ['mentionedPeople', 'me@example.com'],
    ]);
  });

  it('keeps + as it is (IDs in the standard base64 alphabet hold it)', () => {
    assert.deepEqual(parseFilterPairs('roomId=a+b/c'), [['roomId', 'a+b/c']]);
  });

  it('refuses broken syntax with the reason', () => {
    refused(() => parseFilterPairs(''), /empty condition/);
    refused(() => parseFilterPairs('a=b&'), /empty condition/);
    refused(() => parseFilterPairs('a'), /"a" is not key=value/);
    refused(() => parseFilterPairs('=b'), /has no key/);
    refused(() => parseFilterPairs('a='), /"a" has no value/);
    refused(() => parseFilterPairs('a=1&a=2'), /appears more than once/);
    refused(() => parseFilterPairs('a=%E0%A4%A'), /not valid URL encoding/);
  });

  it('reads a telephony_calls filter on every key, a person ID becoming its uuid', () => {
    assert.deepEqual(parseCallFilter(`personality=clickToDial&state=remoteHeld&callType=organization&personId=${encodeId('PEOPLE', PERSON)}`), {
      personality: 'clickToDial',
      state: 'remoteHeld',
      callType: 'organization',
      personId: PERSON,
    });
  });

  it('refuses unknown keys and values outside the enums', () => {
    refused(() => parseCallFilter('roomId=x'), /"roomId" is not a telephony_calls filter key/);
    refused(() => parseCallFilter('state=ringing'), /state must be one of/);
    refused(() => parseCallFilter('personality=callee'), /personality must be one of/);
    refused(() => parseCallFilter('callType=pstn'), /callType must be one of/);
    refused(() => parseCallFilter(`personId=${encodeId('LOCATION', PERSON)}`), /personId must be a person ID/);
  });

  it('matches when every condition holds', () => {
    const facts = { personId: PERSON, personality: 'terminator', state: 'alerting', callType: 'external' };
    assert.equal(matchesCallFilter({}, facts), true);
    assert.equal(matchesCallFilter({ personality: 'terminator', state: 'alerting' }, facts), true);
    assert.equal(matchesCallFilter({ personality: 'terminator', state: 'connected' }, facts), false);
    assert.equal(matchesCallFilter({ callType: 'location' }, facts), false);
    assert.equal(matchesCallFilter({ personId: PERSON }, facts), true);
    assert.equal(matchesCallFilter({ personId: '0a1b2c3d-4e5f-4000-8000-000000000002' }, facts), false);
  });
});
