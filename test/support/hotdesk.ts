import assert from 'node:assert/strict';
import type { Client } from './client.ts';
import { freeExtension, unique } from './factories.ts';

// Hot desking fixtures: a hot desk workspace with a Webex Calling line, the voice portal sign-in
// switched on for its location and a guest, and the sandbox sign-in.

/** A workspace with calling (an extension, no number: organizations have few) and hot desking on. */
export async function hotDeskWorkspace(admin: Client, locationId: string): Promise<{ id: string; name: string; extension: string }> {
  const extension = freeExtension();
  const name = unique('Hot desk ');
  const reply = await admin.post('/v1/workspaces', {
    displayName: name,
    locationId,
    supportedDevices: 'phones',
    hotdeskingStatus: 'on',
    calling: { type: 'webexCalling', webexCalling: { extension } },
  });
  assert.equal(reply.status, 201, reply.text);
  return { id: reply.body.id, name, extension };
}

/** Switches voicePortalHotDeskSignInEnabled on (or off) for the location and the people. */
export async function voicePortalSignIn(admin: Client, locationId: string, personIds: string[], enabled = true): Promise<void> {
  const body = { voicePortalHotDeskSignInEnabled: enabled };
  for (const path of [`/v1/telephony/config/locations/${locationId}/features/hotDesking`, ...personIds.map((id) => `/v1/telephony/config/people/${id}/features/hotDesking/guest`)]) {
    const reply = await admin.put(path, body);
    assert.equal(reply.status, 204, reply.text);
  }
}

/** Signs the person in to the workspace through the sandbox (201 unless told). */
export async function signIn(api: Client, personId: string, workspaceId: string, status = 201) {
  const reply = await api.post('/sandbox/v1/hotdesk/sessions', { personId, workspaceId });
  assert.equal(reply.status, status, reply.text);
  return reply;
}
