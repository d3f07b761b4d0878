import { decodeIdValue, encodeId, isUuid, type WebexIdType } from '../webex-ids.ts';

// Webex's receptionist directory IDs are SCIM groups whose value carries the directory name:
// ciscospark://us/SCIM_GROUP/<base64 of the name>:<uuid>. That is why renaming a directory
// answers with an ID: the name part changes. The uuid alone identifies the directory here, so
// an ID issued before a rename keeps working. The shared WebexIdType union does not name
// SCIM_GROUP yet; this is the one place that casts.
const SCIM_GROUP: WebexIdType = 'SCIM_GROUP';

export const encodeDirectoryId = (uuid: string, name: string): string =>
  encodeId(SCIM_GROUP, `${Buffer.from(name, 'utf8').toString('base64')}:${uuid}`);

/** The uuid of a directory ID, or undefined. */
export function decodeDirectoryId(id: string): string | undefined {
  const value = decodeIdValue(id, SCIM_GROUP);
  const uuid = value?.slice(value.lastIndexOf(':') + 1).toLowerCase();
  return uuid !== undefined && isUuid(uuid) ? uuid : undefined;
}
