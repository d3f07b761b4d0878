import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUPPORTED_COUNTRIES, defaultVoice } from './ai-receptionist-catalogue.ts';
import { checkDialByName, checkDirectLineCallerIdName, checkGuidelines, checkName, checkTransparency, checkVoice } from './ai-receptionist-rules.ts';

const refuses = (fn: () => unknown, pattern: RegExp) => assert.throws(fn, (e: { status?: number; message?: string }) => e.status === 400 && pattern.test(e.message ?? ''));

describe('AI receptionist field rules', () => {
  it('names: trimmed, 1 to 128 characters', () => {
    assert.equal(checkName('  Front desk '), 'Front desk');
    refuses(() => checkName('   '), /1 to 128/);
    refuses(() => checkName('x'.repeat(129)), /128/);
  });

  it('dialByName refuses %, +, \\, " and Unicode characters', () => {
    assert.equal(checkDialByName('Front Desk 2'), 'Front Desk 2');
    for (const bad of ['50%', 'a+b', 'a\\b', 'say "hi"', 'Café']) refuses(() => checkDialByName(bad), /not allowed/);
  });

  it('directLineCallerIdName: CUSTOM_NAME needs its customName', () => {
    assert.deepEqual(checkDirectLineCallerIdName({}), { directLineCallerIdNameSelection: 'DISPLAY_NAME' });
    refuses(() => checkDirectLineCallerIdName({ directLineCallerIdNameSelection: 'CUSTOM_NAME' }), /customName/);
    refuses(() => checkDirectLineCallerIdName({ directLineCallerIdNameSelection: 'OTHER' }), /DISPLAY_NAME or CUSTOM_NAME/);
  });

  it('voices: of the catalogue, PRO_US in the United States only', () => {
    assert.equal(checkVoice({ aiEngine: 'PRO_US', displayName: 'en-US-Jess' }, 'US').languageCode, 'en-US');
    refuses(() => checkVoice({ aiEngine: 'PRO_US', displayName: 'en-US-Jess' }, 'GB'), /aiEngine/);
    refuses(() => checkVoice({ aiEngine: 'PRO', displayName: 'en-US-Jess' }, 'US'), /not a voice/);
    assert.equal(defaultVoice('FR').languageCode, 'fr-FR');
    assert.ok(SUPPORTED_COUNTRIES.has('US') && !SUPPORTED_COUNTRIES.has('ZZ'));
  });

  it('guidelines: goal and guideline together at most 5096 characters; transparency on by default', () => {
    assert.deepEqual(checkGuidelines({ goal: 'Route' }, { welcomeMessage: 'Hi' }), { welcomeMessage: 'Hi', goal: 'Route' });
    refuses(() => checkGuidelines({ goal: 'g'.repeat(3000), guideline: 'g'.repeat(2097) }, {}), /5096/);
    assert.equal(checkTransparency({}, undefined).enabled, true);
    refuses(() => checkTransparency({ enabled: 'yes' }, undefined), /enabled/);
  });
});
