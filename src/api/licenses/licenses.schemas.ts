import { Type, type Static } from 'typebox';
import { IdParam, OrgIdQuery, OrgQuery, responses } from '../../http/schemas.ts';

export const License = Type.Object({
  id: Type.String({ description: 'A unique identifier for the license.' }),
  name: Type.String({ description: 'Name of the licensed feature.' }),
  totalUnits: Type.Integer({ description: 'Total number of license units allocated.' }),
  consumedUnits: Type.Integer({
    description: 'Units consumed. For Webex Calling licenses this reads 0 unless the token also holds spark-admin:people_write.',
  }),
  consumedByUsers: Type.Integer({ description: 'Units consumed by users.' }),
  consumedByWorkspaces: Type.Integer({ description: 'Units consumed by workspaces.' }),
  subscriptionId: Type.String({ description: 'The subscription ID associated with this license.' }),
  siteUrl: Type.Optional(Type.String({ description: 'The Webex Meetings site of a meetings license.' })),
  siteType: Type.Optional(Type.String({ description: 'The type of site associated with this license.' })),
});
export type License = Static<typeof License>;

export const LicenseUser = Type.Object({
  id: Type.String(),
  type: Type.Union([Type.Literal('INTERNAL'), Type.Literal('EXTERNAL')]),
  displayName: Type.String(),
  email: Type.String(),
});

export const LicenseWithUsers = Type.Object({ ...License.properties, users: Type.Optional(Type.Array(LicenseUser)) });
export type LicenseWithUsers = Static<typeof LicenseWithUsers>;

export const ListLicenses = {
  summary: 'List Licenses',
  description: 'All licenses of the organization (not paginated).',
  tags: ['Licenses'],
  querystring: OrgQuery,
  response: responses({ 200: Type.Object({ items: Type.Array(License) }) }),
};

export const GetLicense = {
  summary: 'Get License Details',
  tags: ['Licenses'],
  params: IdParam('licenseId', 'The unique identifier for the license.'),
  querystring: Type.Object({
    ...OrgIdQuery,
    includeAssignedTo: Type.Optional(Type.Literal('user', { description: 'List the users holding the license.' })),
    next: Type.Optional(Type.String({ description: 'The next set of users, from the Link header.' })),
    limit: Type.Optional(Type.Number({ description: 'Users per page, at most 300 (the default).' })),
  }),
  response: responses({ 200: LicenseWithUsers }),
};

const LicenseOperation = Type.Object({
  id: Type.String({ maxLength: 512 }),
  operation: Type.Optional(Type.Union([Type.Literal('add'), Type.Literal('remove')], { default: 'add' })),
  properties: Type.Optional(
    Type.Object({
      locationId: Type.Optional(Type.String({ maxLength: 512 })),
      phoneNumber: Type.Optional(Type.String({ maxLength: 32 })),
      extension: Type.Optional(Type.String({ maxLength: 32 })),
    }),
  ),
});

const SiteUrlOperation = Type.Object({
  siteUrl: Type.String({ maxLength: 256 }),
  accountType: Type.Optional(Type.Union([Type.Literal('attendee'), Type.Literal('host')])),
  operation: Type.Optional(Type.Union([Type.Literal('add'), Type.Literal('remove')])),
});

export const AssignLicensesBody = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 254 })),
  personId: Type.Optional(Type.String({ maxLength: 512 })),
  orgId: Type.Optional(Type.String({ maxLength: 512 })),
  licenses: Type.Optional(Type.Array(LicenseOperation, { maxItems: 50 })),
  siteUrls: Type.Optional(Type.Array(SiteUrlOperation, { maxItems: 50 })),
});

const SiteResponse = Type.Object({ siteUrl: Type.String(), accountType: Type.String() });

export const AssignLicensesResponse = Type.Object({
  orgId: Type.String(),
  personId: Type.String(),
  email: Type.String(),
  licenses: Type.Array(Type.String()),
  siteUrls: Type.Array(SiteResponse),
  pendingLicenses: Type.Optional(Type.Array(Type.String())),
  pendingSiteUrls: Type.Optional(Type.Array(SiteResponse)),
});

export const AssignLicenses = {
  summary: 'Assign Licenses to Users',
  description:
    'Assign or remove licenses and meeting sites. A Webex Calling license needs properties.phoneNumber or properties.extension; without phoneNumber, locationId is mandatory. Answers 206 when some operations failed.',
  tags: ['Licenses'],
  body: AssignLicensesBody,
  response: responses({ 200: AssignLicensesResponse, 206: AssignLicensesResponse }),
};
