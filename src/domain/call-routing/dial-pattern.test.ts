import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDialPatterns, dialPatternProblem, isValidDialPattern } from './dial-pattern.ts';

describe('dial pattern grammar', () => {
  it('given E.164 patterns of digits then X wildcards, accepts them', () => {
    for (const pattern of ['+14085551234', '+1408XXX', '+1XXXXXXXXXX', '+4420XXXXXXXX', '+1']) {
      assert.equal(dialPatternProblem(pattern), undefined, pattern);
    }
  });

  it('given an E.164 pattern ending in one !, accepts it', () => {
    for (const pattern of ['+1408!', '+44!', '+1408XX!', '+1!']) assert.equal(dialPatternProblem(pattern), undefined, pattern);
  });

  it('given enterprise patterns of digits then X without +, accepts them', () => {
    for (const pattern of ['8XXXX', '1234', '0XXX', '5', '20XXXXXX']) assert.equal(dialPatternProblem(pattern), undefined, pattern);
  });

  it('given ! in an enterprise pattern, refuses it: ! is for E.164 patterns only', () => {
    assert.match(dialPatternProblem('8XXX!')!, /only at the end of an E\.164 pattern/);
    assert.match(dialPatternProblem('12!')!, /E\.164/);
  });

  it('given ! twice or not at the end, refuses it', () => {
    assert.match(dialPatternProblem('+1408!!')!, /only once, at the end/);
    assert.match(dialPatternProblem('+1!408')!, /only once, at the end/);
    assert.match(dialPatternProblem('+1!X')!, /only once, at the end/);
  });

  it('given a digit after a wildcard, refuses it: wildcards follow the digits', () => {
    assert.match(dialPatternProblem('+1X08')!, /must follow all the digits/);
    assert.match(dialPatternProblem('8X1X')!, /must follow all the digits/);
  });

  it('given a pattern without a leading digit, refuses it', () => {
    for (const pattern of ['XXXX', '+XXX', '+', '+!', '!']) assert.equal(isValidDialPattern(pattern), false, pattern);
    assert.match(dialPatternProblem('XXXX')!, /at least one digit/);
    assert.match(dialPatternProblem('+')!, /at least one digit/);
  });

  it('given an E.164 pattern starting with 0, refuses it: country codes never start with 0', () => {
    assert.match(dialPatternProblem('+0123XX')!, /country code/);
  });

  it('given more than 15 digits and wildcards, refuses it', () => {
    assert.equal(dialPatternProblem('+123456789012345'), undefined);
    assert.match(dialPatternProblem('+1234567890123456')!, /15 digits/);
    assert.match(dialPatternProblem('+12345678901234XX')!, /15 digits/);
    assert.equal(dialPatternProblem('12345678901234X'), undefined);
    assert.match(dialPatternProblem('12345678901234XX')!, /longer than 15/);
  });

  it('given an empty pattern, lower-case x, spaces or other characters, refuses it', () => {
    for (const pattern of ['', '+1408xxx', '+1 408', ' +1408', '+1-408', '*67', '#1', '+1408XXX ']) {
      assert.equal(isValidDialPattern(pattern), false, JSON.stringify(pattern));
    }
    assert.match(dialPatternProblem('')!, /must not be empty/);
  });
});

describe('checking a list of dial patterns', () => {
  const nowhere = () => undefined;

  it('given valid, distinct and unused patterns, answers no problem', () => {
    assert.deepEqual(checkDialPatterns(['+1408XXX', '8XXXX', '+44!'], nowhere), []);
  });

  it('given an invalid pattern, reports it INVALID with the reason', () => {
    const [problem, ...rest] = checkDialPatterns(['+1408XXX', '+1X08'], nowhere);
    assert.deepEqual(rest, []);
    assert.equal(problem!.dialPattern, '+1X08');
    assert.equal(problem!.patternStatus, 'INVALID');
    assert.match(problem!.message, /must follow all the digits/);
  });

  it('given a pattern repeated in the list, reports each repetition after the first as DUPLICATE_IN_LIST', () => {
    const problems = checkDialPatterns(['+1408XXX', '8XXXX', '+1408XXX', '+1408XXX'], nowhere);
    assert.deepEqual(
      problems.map((p) => [p.dialPattern, p.patternStatus]),
      [
        ['+1408XXX', 'DUPLICATE_IN_LIST'],
        ['+1408XXX', 'DUPLICATE_IN_LIST'],
      ],
    );
  });

  it('given a pattern an existing dial plan holds, reports it DUPLICATE naming that plan', () => {
    const held = new Map([['8XXXX', 'Branch plan']]);
    const problems = checkDialPatterns(['+1408XXX', '8XXXX'], (p) => held.get(p));
    assert.deepEqual(
      problems.map((p) => [p.dialPattern, p.patternStatus]),
      [['8XXXX', 'DUPLICATE']],
    );
    assert.match(problems[0]!.message, /dial plan "Branch plan"/);
  });

  it('given an invalid pattern repeated, reports INVALID for each occurrence rather than DUPLICATE_IN_LIST', () => {
    const problems = checkDialPatterns(['X1', 'X1'], nowhere);
    assert.deepEqual(
      problems.map((p) => p.patternStatus),
      ['INVALID', 'INVALID'],
    );
  });
});
