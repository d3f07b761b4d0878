import { badRequest, conflict, notFound } from '../errors.ts';

export const directoryNotFound = () => notFound('Receptionist contact directory not found.');
export const directoryNameInUse = (name: string) => conflict(`A receptionist contact directory named "${name}" already exists in this location.`);
export const blankDirectoryName = () => badRequest('name must hold 1 to 40 characters.');
export const invalidContact = (value: string) => badRequest(`contacts: "${value}" is not a person ID.`);
export const contactWithoutId = () => badRequest('contacts: each contact needs a personId.');
export const featureContact = (featureId: string) =>
  badRequest(
    `contacts: location feature ${featureId} not found. Callplane has no auto attendants, call queues, hunt groups, single number reach or paging groups; directories list people.`,
  );
export const contactType = (type: string) => badRequest(`contacts: type "${type}" does not go with a personId (use PEOPLE or leave it out).`);
export const contactNotFound = (id: string) => badRequest(`contacts: ${id} is not a person of this organization.`);
export const contactWithoutCalling = (id: string) => badRequest(`contacts: person ${id} does not have Webex Calling.`);
export const searchModeFalse = () => badRequest('searchCriteriaModeOr can only be true or left out.');
export const searchModeWithoutCriteria = () =>
  badRequest('searchCriteriaModeOr needs at least one of firstName, lastName, phoneNumber, extension or personId.');
export const invalidPersonFilter = () => badRequest('personId is not a person ID.');
