import { Type, type Static } from 'typebox';
import { IdParam, responses } from '../../http/schemas.ts';

export const Organization = Type.Object({
  id: Type.String({ description: 'A unique identifier for the organization.' }),
  displayName: Type.String({ description: 'Full name of the organization.' }),
  created: Type.String({ description: 'The date and time the organization was created.' }),
});
export type Organization = Static<typeof Organization>;

export const ListOrganizations = {
  summary: 'List Organizations',
  description: 'The organizations the token may see (not paginated).',
  tags: ['Organizations'],
  response: responses({ 200: Type.Object({ items: Type.Array(Organization) }) }),
};

export const GetOrganization = {
  summary: 'Get Organization Details',
  tags: ['Organizations'],
  params: IdParam('orgId', 'The unique identifier for the organization.'),
  response: responses({ 200: Organization }),
};
