import { encodeDirectoryId } from '../../domain/receptionist-contacts/directory-ids.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { DirectoryContact as Contact, ReceptionistDirectory } from '../../store/receptionist-contacts-store.ts';
import type { DirectoryContact } from './receptionist-contacts.schemas.ts';

export const presentDirectory = (d: ReceptionistDirectory) => ({ id: encodeDirectoryId(d.id, d.name), name: d.name });

export function presentContact(c: Contact): DirectoryContact {
  return {
    personId: encodeId('PEOPLE', c.personId),
    ...(c.firstName !== null ? { firstName: c.firstName } : {}),
    ...(c.lastName !== null ? { lastName: c.lastName } : {}),
    ...(c.department !== null ? { department: c.department } : {}),
    ...(c.phoneNumber !== null ? { phoneNumber: c.phoneNumber } : {}),
    ...(c.extension !== null ? { extension: c.extension } : {}),
    locationId: encodeId('LOCATION', c.locationId),
  };
}
