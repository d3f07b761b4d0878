import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashTrunkPassword, isHostName, organizationSipDomain, trunkIdentities } from './trunk-rules.ts';

describe('trunk rules', () => {
  it('given a registering trunk, derives its trunk group, line/port, pilot user and SIP user name from its name', () => {
    assert.deepEqual(trunkIdentities('Austin LGW 1', 'REGISTERING', 'abc.example', '12345'), {
      otgDtgId: 'austin_lgw_1_12345_lgu',
      linePort: 'austin_lgw_1_12345_LGU@abc.example',
      pilotUserId: 'austin_lgw_1_12345_LGU@abc.example',
      sipAuthenticationUserName: 'austin_lgw_1_12345_LGU',
    });
  });

  it('given a certificate-based trunk, gives no pilot user nor SIP user name', () => {
    const ids = trunkIdentities('SBC', 'CERTIFICATE_BASED', 'sbc.example.com', '55555');
    assert.equal(ids.otgDtgId, 'sbc_55555_lgu');
    assert.equal(ids.linePort, 'sbc_55555_LGU@sbc.example.com');
    assert.equal(ids.pilotUserId, null);
    assert.equal(ids.sipAuthenticationUserName, null);
  });

  it('given a name without letters or digits, still makes a trunk group', () => {
    assert.match(trunkIdentities('***', 'REGISTERING', 'd.example').otgDtgId, /^trunk_\d{5}_lgu$/);
  });

  it('given an organization, makes a SIP domain from its uuid under a reserved domain', () => {
    assert.equal(organizationSipDomain('0a1b2c3d-4e5f-4000-8000-000000000000'), '0a1b2c3d.bcld.callplane.example');
  });

  it('given a password, hashes it with a salt: the same password hashes differently and never appears', () => {
    const first = hashTrunkPassword('Secret-1234');
    const second = hashTrunkPassword('Secret-1234');
    assert.notEqual(first, second);
    assert.ok(!first.includes('Secret-1234'));
    assert.match(first, /^[0-9a-f]{24}:[0-9a-f]{64}$/);
  });

  it('given FQDNs and SRV names, accepts them; anything else is no host name', () => {
    for (const host of ['sbc.example.com', '_sips._tcp.sbc.example.com', 'a-b.c']) assert.ok(isHostName(host), host);
    for (const host of ['localhost', 'sbc..example.com', '-sbc.example.com', 'sbc.example.com.', 'sb c.example.com', 'https://sbc.example.com', '']) {
      assert.ok(!isHostName(host), host);
    }
  });
});
