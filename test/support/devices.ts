import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Client } from './client.ts';

/** A MAC no other test uses (never all-zero or broadcast). */
export const newMac = () => randomBytes(6).toString('hex').toUpperCase().replace(/^00/, '0A');

/** A phone added by MAC for a person or workspace; the Devices API's answer. */
export async function createDevice(admin: Client, owner: { personId?: string; workspaceId?: string }, model = 'DMS Cisco 8865') {
  const reply = await admin.post('/v1/devices', { mac: newMac(), model, ...owner });
  assert.equal(reply.status, 200, reply.text);
  return reply.body as { id: string; mac: string; [key: string]: unknown };
}

/** A line (port) of a device's or Webex App's members PUT: the owner's primary line on port 1, others' shared. */
export const memberLine = (id: string, port: number, extra: Record<string, unknown> = {}) => ({
  id,
  port,
  primaryOwner: port === 1,
  lineType: port === 1 ? 'PRIMARY' : 'SHARED_CALL_APPEARANCE',
  lineWeight: 1,
  hotlineEnabled: false,
  hotlineDestination: '',
  allowCallDeclineEnabled: true,
  ...extra,
});
