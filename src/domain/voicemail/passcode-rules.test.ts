import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebexError } from '../errors.ts';
import { checkPasscode, DEFAULT_PASSCODE_RULES, nextPasscode, type StoredPasscode } from './passcode-rules.ts';

const none: StoredPasscode = { current: null, previous: [], set: null };
const refused = (passcode: string, stored = none, own: string[] = ['1001', '+14155550100'], pattern?: RegExp) =>
  assert.throws(() => checkPasscode(passcode, DEFAULT_PASSCODE_RULES, own, 'salt', stored), (e: unknown) => e instanceof WebexError && e.status === 400 && (!pattern || pattern.test(e.message)));
const accepted = (passcode: string, stored = none) => assert.doesNotThrow(() => checkPasscode(passcode, DEFAULT_PASSCODE_RULES, ['1001', '+14155550100'], 'salt', stored));

describe('voicemail passcode rules (Webex defaults)', () => {
  it('takes 6 to 30 digits that break no rule', () => {
    accepted('740215');
    accepted('7402159630');
  });

  it('refuses length, non-digits, repeats, sequences and patterns', () => {
    refused('74021', none, [], /6 to 30/);
    refused('7'.repeat(31), none, [], /6 to 30/);
    refused('74a215', none, [], /digits only/);
    refused('711117', none, [], /repeat more than 3/);
    refused('701234', none, [], /ascending/);
    refused('709876', none, [], /descending/);
    refused('472472', none, [], /pattern/);
  });

  it('refuses the box’s own extension or number, and their reverse', () => {
    refused('951001', none, undefined, /own extension/);
    refused('971001', none, ['1001'], /own extension/);
    refused('741001', none, ['1001'], /own extension/);
    refused('381007', none, ['7001'], /reversed/);
  });

  it('refuses the current passcode reversed and the last 10 passcodes', () => {
    let stored = nextPasscode(none, 'salt', '740215', 't1');
    refused('512047', stored, [], /reversed/);
    refused('740215', stored, [], /last 10/);
    stored = nextPasscode(stored, 'salt', '830462', 't2');
    refused('740215', stored, [], /last 10/);
    accepted('962840', stored);
  });
});
