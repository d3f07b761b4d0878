import { createHash } from 'node:crypto';
import { badRequest } from '../errors.ts';

// Voicemail passcodes (PINs) and the rules they must follow: a location's voice portal passcode
// rules (Webex's defaults, with the organization's voicemail rules laid over them). Only digests
// of passcodes are stored, never the digits.

export type PasscodeRules = {
  expirePasscode: { enabled: boolean; numberOfDays: number };
  failedAttempts: { enabled: boolean; attempts: number };
  blockPreviousPasscodes: { enabled: boolean; numberOfPasscodes: number };
  blockRepeatedDigits: { enabled: boolean; max: number };
  blockContiguousSequences: { enabled: boolean; numberOfAscendingDigits: number; numberOfDescendingDigits: number };
  length: { min: number; max: number };
  blockRepeatedPatternsEnabled: boolean;
  blockUserNumberEnabled: boolean;
  blockReversedUserNumberEnabled: boolean;
  blockReversedOldPasscodeEnabled: boolean;
};

/** Webex's passcode rules for a location nobody changed (as wxc_sdk records them). */
export const DEFAULT_PASSCODE_RULES: PasscodeRules = {
  expirePasscode: { enabled: false, numberOfDays: 180 },
  failedAttempts: { enabled: true, attempts: 3 },
  blockPreviousPasscodes: { enabled: true, numberOfPasscodes: 10 },
  blockRepeatedDigits: { enabled: true, max: 3 },
  blockContiguousSequences: { enabled: true, numberOfAscendingDigits: 3, numberOfDescendingDigits: 3 },
  length: { min: 6, max: 30 },
  blockRepeatedPatternsEnabled: true,
  blockUserNumberEnabled: true,
  blockReversedUserNumberEnabled: true,
  blockReversedOldPasscodeEnabled: true,
};

/** A box's passcode as stored: digests of the current and earlier passcodes, newest first. */
export type StoredPasscode = { current: string | null; previous: string[]; set: string | null };

export const digestOf = (salt: string, passcode: string) => createHash('sha256').update(`${salt}:${passcode}`).digest('hex');

const reverse = (s: string) => [...s].reverse().join('');

/** The longest run of digits each one more (step 1) or one less (step -1) than the last. */
function longestRun(passcode: string, step: 1 | -1): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < passcode.length; i++) {
    run = Number(passcode[i]) - Number(passcode[i - 1]) === step ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

function longestRepeat(passcode: string): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < passcode.length; i++) {
    run = passcode[i] === passcode[i - 1] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** A passcode that is one group of digits written out again and again (1212, 123123). */
function repeatsAPattern(passcode: string): boolean {
  for (let size = 2; size <= passcode.length / 2; size++) {
    if (passcode.length % size === 0 && passcode.slice(0, size).repeat(passcode.length / size) === passcode) return true;
  }
  return false;
}

/**
 * Throws Webex's 400 when `passcode` breaks a rule. `ownNumbers` are the box's extension and
 * number (their digits); `salt` and `stored` let earlier passcodes be compared by digest.
 */
export function checkPasscode(passcode: string, rules: PasscodeRules, ownNumbers: readonly string[], salt: string, stored: StoredPasscode): void {
  const refuse = (why: string) => badRequest(`The passcode does not follow the passcode rules: ${why}.`);
  if (!/^\d+$/.test(passcode)) throw refuse('it must contain digits only');
  if (passcode.length < rules.length.min || passcode.length > rules.length.max) {
    throw refuse(`it must be ${rules.length.min} to ${rules.length.max} digits long`);
  }
  if (rules.blockRepeatedDigits.enabled && longestRepeat(passcode) > rules.blockRepeatedDigits.max) {
    throw refuse(`no digit may repeat more than ${rules.blockRepeatedDigits.max} times in a row`);
  }
  const sequences = rules.blockContiguousSequences;
  if (sequences.enabled && longestRun(passcode, 1) > sequences.numberOfAscendingDigits) {
    throw refuse(`no more than ${sequences.numberOfAscendingDigits} ascending digits in a row`);
  }
  if (sequences.enabled && longestRun(passcode, -1) > sequences.numberOfDescendingDigits) {
    throw refuse(`no more than ${sequences.numberOfDescendingDigits} descending digits in a row`);
  }
  if (rules.blockRepeatedPatternsEnabled && repeatsAPattern(passcode)) throw refuse('it may not repeat a pattern of digits');
  const numbers = ownNumbers.map((n) => n.replace(/\D/g, '')).filter((n) => n.length >= 2);
  if (rules.blockUserNumberEnabled && numbers.some((n) => passcode.includes(n) || n.endsWith(passcode))) {
    throw refuse("it may not contain the box's own extension or number");
  }
  if (rules.blockReversedUserNumberEnabled && numbers.some((n) => passcode.includes(reverse(n)) || reverse(n).endsWith(passcode))) {
    throw refuse("it may not contain the box's own extension or number reversed");
  }
  if (rules.blockReversedOldPasscodeEnabled && stored.current !== null && digestOf(salt, reverse(passcode)) === stored.current) {
    throw refuse('it may not be the current passcode reversed');
  }
  const earlier = [stored.current, ...stored.previous].filter((d): d is string => d !== null);
  if (rules.blockPreviousPasscodes.enabled && earlier.slice(0, rules.blockPreviousPasscodes.numberOfPasscodes).includes(digestOf(salt, passcode))) {
    throw refuse(`it may not be one of the last ${rules.blockPreviousPasscodes.numberOfPasscodes} passcodes`);
  }
}

/** The stored passcode after a change to `passcode` (remembering up to 10 earlier ones). */
export function nextPasscode(stored: StoredPasscode, salt: string, passcode: string | null, at: string): StoredPasscode {
  const previous = stored.current === null ? stored.previous : [stored.current, ...stored.previous];
  return { current: passcode === null ? null : digestOf(salt, passcode), previous: previous.slice(0, 10), set: at };
}
