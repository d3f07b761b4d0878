import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebexError } from '../errors.ts';
import { parseOrder } from './list-order.ts';

describe('the order parameter of call-routing lists', () => {
  const fields = ['name', 'locationName'] as const;

  it('given no order, sorts by the first field ascending', () => {
    assert.deepEqual(parseOrder(undefined, fields), { field: 'name', direction: 'asc' });
    assert.deepEqual(parseOrder('', fields), { field: 'name', direction: 'asc' });
  });

  it('given a field, sorts by it ascending, whatever its case', () => {
    assert.deepEqual(parseOrder('locationName', fields), { field: 'locationName', direction: 'asc' });
    assert.deepEqual(parseOrder('LOCATIONNAME', fields), { field: 'locationName', direction: 'asc' });
  });

  it('given a field with -asc or -desc, sorts by it that way', () => {
    assert.deepEqual(parseOrder('locationName-desc', fields), { field: 'locationName', direction: 'desc' });
    assert.deepEqual(parseOrder('name-ASC', fields), { field: 'name', direction: 'asc' });
  });

  it('given a bare asc or desc, sorts by the first field that way', () => {
    assert.deepEqual(parseOrder('desc', fields), { field: 'name', direction: 'desc' });
    assert.deepEqual(parseOrder('ASC', fields), { field: 'name', direction: 'asc' });
  });

  it('given an unknown field or direction, refuses it with a 400 naming the fields', () => {
    for (const value of ['created', 'name-up', 'name desc', 'name-desc-asc', '-desc']) {
      assert.throws(
        () => parseOrder(value, fields),
        (error: unknown) => error instanceof WebexError && error.status === 400 && /name, locationName/.test(error.message),
        value,
      );
    }
  });
});
