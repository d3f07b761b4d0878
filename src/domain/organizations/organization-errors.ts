import { forbidden, notFound } from '../errors.ts';

export const organizationNotFound = () => notFound('Organization not found.');
export const otherOrganization = () => forbidden('The access token does not allow access to that organization.');
