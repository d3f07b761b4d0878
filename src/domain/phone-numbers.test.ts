import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looseE164, parseInventoryNumber, parsePeopleApiNumber, workExtension } from './phone-numbers.ts';

describe('phone numbers in the People API', () => {
  it('takes US numbers as 10 digits without country code', () => {
    assert.equal(parsePeopleApiNumber('5715551212', 'US'), '+15715551212');
  });
  it('refuses the US forms the seed lists as unsupported', () => {
    for (const value of ['+15715551212', '15715551212', '571-555-1212', '571 555 1212', '1715551212']) {
      assert.equal(parsePeopleApiNumber(value, 'US'), undefined, value);
    }
  });
  it('takes non-US numbers in E.164 with the country calling code', () => {
    assert.equal(parsePeopleApiNumber('+335715551212', 'FR'), '+335715551212');
    assert.equal(parsePeopleApiNumber('335715551212', 'FR'), undefined);
    assert.equal(parsePeopleApiNumber('+445715551212', 'FR'), undefined);
  });
});

describe('phone numbers in the number inventory APIs', () => {
  it('takes E.164 everywhere and national numbers in the US', () => {
    assert.equal(parseInventoryNumber('+15715550100', 'US'), '+15715550100');
    assert.equal(parseInventoryNumber('5715550100', 'US'), '+15715550100');
    assert.equal(parseInventoryNumber('+4930123456', 'DE'), '+4930123456');
    assert.equal(parseInventoryNumber('030123456', 'DE'), undefined);
    for (const bad of ['+1571666', '+157166612345', '+11234567890', '+15710661234']) assert.equal(parseInventoryNumber(bad, 'US'), undefined, bad);
  });
  it('compares loosely spelled numbers as E.164', () => {
    assert.equal(looseE164('+1 571 555 1212'), '+15715551212');
    assert.equal(looseE164('571-555-1212'), '+15715551212');
    assert.equal(looseE164('hello'), undefined);
  });
  it('writes work_extension as routing prefix plus extension', () => {
    assert.equal(workExtension('8001', '1234'), '80011234');
    assert.equal(workExtension(null, '1234'), '1234');
  });
});
