import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeMac, validateMacs } from './mac-addresses.ts';

describe('MAC addresses', () => {
  it('normalizes 12 hex digits with or without separators, upper case', () => {
    assert.equal(normalizeMac('ab125678cdef'), 'AB125678CDEF');
    assert.equal(normalizeMac('AB:12:56:78:CD:EF'), 'AB125678CDEF');
    assert.equal(normalizeMac('ab-12-56-78-cd-ef'), 'AB125678CDEF');
    assert.equal(normalizeMac('ab12.5678.cdef'), 'AB125678CDEF');
  });

  it('refuses anything else, and the all-zero and broadcast addresses', () => {
    for (const bad of ['', 'ab125678cde', 'ab125678cdefa', 'gb125678cdef', '000000000000', 'ff:ff:ff:ff:ff:ff']) assert.equal(normalizeMac(bad), undefined, bad);
  });

  it('gives each MAC a state in order: available, invalid, duplicate (in any spelling), in use', () => {
    const result = validateMacs(['ab125678cdef', 'nope', 'AB:12:56:78:CD:EF', '00005E0053B4'], new Set(['00005E0053B4']));
    assert.equal(result.status, 'ERRORS');
    assert.deepEqual(
      result.macStatus.map((m) => [m.mac, m.state]),
      [
        ['ab125678cdef', 'AVAILABLE'],
        ['nope', 'INVALID'],
        ['AB:12:56:78:CD:EF', 'DUPLICATE_IN_LIST'],
        ['00005E0053B4', 'UNAVAILABLE'],
      ],
    );
    assert.deepEqual(validateMacs(['ab125678cdef']), { status: 'OK', macStatus: [{ mac: 'ab125678cdef', state: 'AVAILABLE' }] });
  });
});
