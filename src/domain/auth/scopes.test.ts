import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_SCOPES, grantableScopes, missingScopes, ROLE_FULL_ADMIN, USER_SCOPES, type Principal } from './scopes.ts';

const holding = (...scopes: string[]) => new Set(scopes);
const principal = (...scopes: string[]): Principal => ({ orgId: 'o', personId: 'p', roles: [], scopes: holding(...scopes) });

describe('grantableScopes: a token never grants more than it holds', () => {
  it('given no request, grants what both the person’s roles allow and the caller holds', () => {
    assert.deepEqual(grantableScopes(holding('spark:kms', 'spark-admin:people_write'), [ROLE_FULL_ADMIN], undefined), { granted: ['spark:kms', 'spark-admin:people_write'] });
    assert.deepEqual(grantableScopes(holding(...ALL_SCOPES), [], undefined), { granted: [...USER_SCOPES] });
    assert.deepEqual(grantableScopes(holding('spark-admin:people_write'), [], undefined), { granted: [] });
  });

  it('given a request, refuses first what the roles do not allow, then what the caller lacks', () => {
    assert.deepEqual(grantableScopes(holding(...ALL_SCOPES), [], ['spark-admin:people_read']), { notAllowed: ['spark-admin:people_read'] });
    assert.deepEqual(grantableScopes(holding('spark:kms'), [ROLE_FULL_ADMIN], ['spark:kms', 'spark-admin:people_read']), { notHeld: ['spark-admin:people_read'] });
    assert.deepEqual(grantableScopes(holding('spark:kms'), [ROLE_FULL_ADMIN], ['spark:kms', 'spark:kms']), { granted: ['spark:kms'] });
  });
});

describe('missingScopes names what a rule wants', () => {
  it('allOf: each one lacking; anyOf: all of them when none is held', () => {
    assert.deepEqual(missingScopes(principal('a'), { allOf: ['a', 'b', 'c'] }), ['b', 'c']);
    assert.deepEqual(missingScopes(principal('b'), { anyOf: ['a', 'b'] }), []);
    assert.deepEqual(missingScopes(principal(), { anyOf: ['a', 'b'] }), ['a', 'b']);
  });
});
