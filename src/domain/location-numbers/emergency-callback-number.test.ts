import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locationOption, memberOption } from './emergency-callback-number.ts';

const MAIN = '+15715550100';
const OWN = '+15715550101';
const person = { firstName: 'Alex', lastName: 'Rivera', inLocation: true };

describe('emergency callback number fallbacks', () => {
  it('given an active main number, the location option is that number; without one or inactive, NONE', () => {
    assert.deepEqual(locationOption({ phoneNumber: MAIN, state: 'ACTIVE' }), {
      phoneNumber: MAIN,
      quality: 'RECOMMENDED',
      effectiveLevel: 'LOCATION_NUMBER',
      effectiveValue: MAIN,
    });
    assert.deepEqual(locationOption({ phoneNumber: MAIN, state: 'INACTIVE' }), {
      phoneNumber: MAIN,
      quality: 'INVALID',
      effectiveLevel: 'NONE',
      effectiveValue: null,
    });
    assert.deepEqual(locationOption(undefined), { phoneNumber: null, quality: 'INVALID', effectiveLevel: 'NONE', effectiveValue: null });
  });

  it('given a member with an active number, the member option is that number', () => {
    const option = memberOption({ id: 'm', person, number: { phoneNumber: OWN, state: 'ACTIVE' } }, locationOption(undefined));
    assert.deepEqual([option.quality, option.effectiveLevel, option.effectiveValue], ['RECOMMENDED', 'LOCATION_MEMBER_NUMBER', OWN]);
  });

  for (const [what, member] of [
    ['an inactive number', { id: 'm', person, number: { phoneNumber: OWN, state: 'INACTIVE' as const } }],
    ['no number', { id: 'm', person, number: undefined }],
    ['a deleted person', { id: 'm', person: undefined, number: undefined }],
    ['a person who left the location', { id: 'm', person: { ...person, inLocation: false }, number: { phoneNumber: OWN, state: 'ACTIVE' as const } }],
  ] as const) {
    it(`given a member with ${what}, the member is INVALID and falls back to the location number, or to NONE`, () => {
      const toMain = memberOption(member, locationOption({ phoneNumber: MAIN, state: 'ACTIVE' }));
      assert.deepEqual([toMain.quality, toMain.effectiveLevel, toMain.effectiveValue], ['INVALID', 'LOCATION_NUMBER', MAIN]);
      const toNone = memberOption(member, locationOption(undefined));
      assert.deepEqual([toNone.quality, toNone.effectiveLevel, toNone.effectiveValue], ['INVALID', 'NONE', null]);
    });
  }
});
