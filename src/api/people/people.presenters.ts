import type { PersonView } from '../../domain/people/person-views.ts';
import { workExtension } from '../../domain/phone-numbers.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { licenseId } from '../licenses/licenses.presenters.ts';
import type { Person } from './people.schemas.ts';

export type PersonVisibility = {
  /** Administrative fields: roles, licenses, loginEnabled, invitePending. */
  admin: boolean;
  /** Webex Calling fields: extension, locationId, calling phoneNumbers. */
  callingData: boolean;
};

const present = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export function presentPerson({ person, licenses, number }: PersonView, show: PersonVisibility): Person {
  const calling = show.callingData && person.locationId !== null;
  const phoneNumbers: Person['phoneNumbers'] = [];
  if (calling && number) phoneNumbers.push({ type: 'work', value: number.phoneNumber, primary: true });
  if (calling && person.extension !== null) {
    phoneNumbers.push({ type: 'work_extension', value: workExtension(person.routingPrefix, person.extension), primary: false });
  }
  return {
    id: encodeId('PEOPLE', person.id),
    emails: [person.email],
    ...(phoneNumbers.length > 0 ? { phoneNumbers } : {}),
    ...(calling ? { ...present('extension', person.extension), locationId: encodeId('LOCATION', person.locationId!) } : {}),
    displayName: person.displayName,
    ...present('nickName', person.nickName),
    ...present('firstName', person.firstName),
    ...present('lastName', person.lastName),
    ...present('avatar', person.avatar),
    orgId: encodeId('ORGANIZATION', person.orgId),
    ...(show.admin
      ? { roles: person.roles.map((role) => encodeId('ROLE', role)), licenses: licenses.map(licenseId) }
      : {}),
    ...present('department', person.department),
    ...present('manager', person.manager),
    ...present('managerId', person.managerId && encodeId('PEOPLE', person.managerId)),
    ...present('title', person.title),
    ...(person.addresses.length > 0 ? { addresses: person.addresses } : {}),
    created: person.created,
    lastModified: person.lastModified,
    ...present('timezone', person.timezone),
    ...(person.siteUrls.length > 0 ? { siteUrls: person.siteUrls } : {}),
    ...(show.admin ? { invitePending: 'false' as const, loginEnabled: person.loginEnabled ? ('true' as const) : ('false' as const) } : {}),
    type: 'person',
  };
}
