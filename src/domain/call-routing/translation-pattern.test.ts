import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestTranslation, translate, translationPatternProblem } from './translation-pattern.ts';

describe('translation patterns', () => {
  it('given Cisco’s example, accepts it and translates a matching number to the replacement', () => {
    assert.equal(translationPatternProblem('+91[2-7]XX21', '+91352133'), undefined);
    assert.equal(translate({ matchingPattern: '+91[2-7]XX21', replacementPattern: '+91352133' }, '+9134521'), '+91352133');
    assert.equal(translate({ matchingPattern: '+91[2-7]XX21', replacementPattern: '+91352133' }, '+9184521'), undefined);
  });

  it('given X in the replacement, copies the digits the wildcards matched, in order', () => {
    assert.equal(translate({ matchingPattern: '9XXXX', replacementPattern: '+1408555XXXX' }, '91234'), '+14085551234');
    assert.equal(translate({ matchingPattern: '8[1-3]XX', replacementPattern: '+4420X' }, '8245'), '+44202');
  });

  it('given ! at the end, matches one or more digits and carries them into the replacement', () => {
    assert.equal(translate({ matchingPattern: '011!', replacementPattern: '+!' }, '011442071234567'), '+442071234567');
    assert.equal(translate({ matchingPattern: '011!', replacementPattern: '+!' }, '011'), undefined);
  });

  it('given a dialled string longer or shorter than the pattern, does not match', () => {
    assert.equal(translate({ matchingPattern: '9XXX', replacementPattern: '1' }, '91234'), undefined);
    assert.equal(translate({ matchingPattern: '9XXX', replacementPattern: '1' }, '912'), undefined);
  });

  it('given bad patterns, says why', () => {
    assert.match(translationPatternProblem('', '1')!, /empty/);
    assert.match(translationPatternProblem('12!3', '1')!, /only come last/);
    assert.match(translationPatternProblem('1[9-2]', '1')!, /set of digits/);
    assert.match(translationPatternProblem('1[2', '1')!, /not closed/);
    assert.match(translationPatternProblem('1A', '1')!, /may not contain A/);
    assert.match(translationPatternProblem('1X', 'XX')!, /2 X/);
    assert.match(translationPatternProblem('1X', '1!')!, /ends with !/);
    assert.match(translationPatternProblem('1X', '1+2')!, /replacement pattern is an optional \+/);
  });

  it('given several matching rules, the most specific wins', () => {
    const rules = [
      { name: 'any', matchingPattern: '9!', replacementPattern: '+1!' },
      { name: 'four', matchingPattern: '9XXX', replacementPattern: '+1408555XXX' },
      { name: 'exact', matchingPattern: '9123', replacementPattern: '+14155550123' },
    ];
    assert.equal(bestTranslation(rules, '9123')?.rule.name, 'exact');
    assert.equal(bestTranslation(rules, '9124')?.rule.name, 'four');
    assert.equal(bestTranslation(rules, '91245')?.translated, '+11245');
    assert.equal(bestTranslation(rules, '8124'), undefined);
  });
});
