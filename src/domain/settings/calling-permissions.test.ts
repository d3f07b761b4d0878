import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Party } from '../../engine/types.ts';
import { classifyCall } from '../calls/call-permissions.ts';
import { DEFAULT_CALLING_PERMISSIONS, matchesPattern, mergeCallingPermissions } from './calling-permissions.ts';

// The pure rules of outgoing permissions: call types, digit patterns, and partial updates.

const pstn = (number: string, emergency = false): Party => ({ kind: 'pstn', number, name: null, emergency });

describe('classifyCall', () => {
  it('classifies from the number and the caller’s country', () => {
    const cases: [Party, string, string][] = [
      [{ kind: 'voicemail', personId: 'p', name: 'n', number: null }, 'US', 'INTERNAL_CALL'],
      [pstn('911', true), 'US', 'EMERGENCY'],
      [pstn('0'), 'US', 'OPERATOR_ASSISTED'],
      [pstn('411'), 'US', 'CHARGEABLE_DIRECTORY_ASSISTED'],
      [pstn('+14155551212'), 'US', 'CHARGEABLE_DIRECTORY_ASSISTED'],
      [pstn('311'), 'US', 'SPECIAL_SERVICES_I'],
      [pstn('4999'), 'US', 'INTERNAL_CALL'],
      [pstn('+18005551234'), 'US', 'TOLL_FREE'],
      [pstn('+19005551234'), 'US', 'PREMIUM_SERVICES_I'],
      [pstn('+442071234567'), 'US', 'INTERNATIONAL'],
      [pstn('+442071234567'), 'GB', 'NATIONAL'],
      [pstn('+14155550177'), 'CA', 'NATIONAL'],
      [pstn('+14155550177'), 'US', 'NATIONAL'],
    ];
    for (const [party, country, expected] of cases) assert.equal(classifyCall(party, country), expected, `${JSON.stringify(party)} from ${country}`);
  });
});

describe('digit patterns', () => {
  it('X is any digit, a final ! any number of digits, the rest literal', () => {
    assert.equal(matchesPattern('1900!', '19005551234'), true);
    assert.equal(matchesPattern('1900!', '1900'), true);
    assert.equal(matchesPattern('1900!', '1800555'), false);
    assert.equal(matchesPattern('1XXX', '1234'), true);
    assert.equal(matchesPattern('1XXX', '12345'), false);
    assert.equal(matchesPattern('411', '411'), true);
  });
});

describe('mergeCallingPermissions', () => {
  it('changes only the call types listed and keeps Webex’s order', () => {
    const merged = mergeCallingPermissions(DEFAULT_CALLING_PERMISSIONS, [{ callType: 'NATIONAL', action: 'BLOCK' }]);
    assert.deepEqual(merged.find((p) => p.callType === 'NATIONAL'), { callType: 'NATIONAL', action: 'BLOCK', transferEnabled: true });
    assert.deepEqual(merged.map((p) => p.callType), DEFAULT_CALLING_PERMISSIONS.map((p) => p.callType));
    assert.throws(() => mergeCallingPermissions(undefined, [{ callType: 'NATIONAL' }, { callType: 'NATIONAL' }]), /twice/);
  });
});
