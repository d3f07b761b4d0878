import type { Static } from 'typebox';
import { encodeId } from '../../domain/webex-ids.ts';
import type { GetWorkspaceDetailsResponse200 } from '../../generated/webex/workspaces.ts';
import type { StoredWorkspace } from '../../store/workspaces-store.ts';

export const workspaceId = (id: string) => encodeId('PLACE', id);

/**
 * A workspace as Webex shows it. The line (number, extension) is not in this document: Webex
 * shows it on the workspace's numbers (GET /v1/workspaces/{id}/features/numbers).
 */
export function presentWorkspace(w: StoredWorkspace, options: { includeDevices?: boolean } = {}): Static<typeof GetWorkspaceDetailsResponse200> {
  return {
    id: workspaceId(w.id),
    orgId: encodeId('ORGANIZATION', w.orgId),
    ...(w.locationId ? { locationId: encodeId('LOCATION', w.locationId), workspaceLocationId: encodeId('LOCATION', w.locationId) } : {}),
    displayName: w.displayName,
    ...(w.capacity !== null ? { capacity: w.capacity } : {}),
    type: w.type,
    ...(w.sipAddress ? { sipAddress: w.sipAddress } : {}),
    created: w.created,
    calling: { type: w.callingType, ...(w.callingType === 'webexCalling' ? { webexCalling: { licenses: w.details.licenses } } : {}) },
    calendar: w.details.calendar,
    ...(w.notes !== null ? { notes: w.notes } : {}),
    hotdeskingStatus: w.hotdeskingStatus,
    supportedDevices: w.supportedDevices,
    deviceHostedMeetings: w.details.deviceHostedMeetings,
    devicePlatform: 'cisco',
    ...(w.details.indoorNavigation ? { indoorNavigation: w.details.indoorNavigation } : {}),
    ...(options.includeDevices ? { devices: [] } : {}),
  } as Static<typeof GetWorkspaceDetailsResponse200>;
}
