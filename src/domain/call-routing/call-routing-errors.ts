import { badRequest, conflict, notFound } from '../errors.ts';

// The call-routing area's errors. A path ID that is not this organization's trunk, route group or
// dial plan is a 404; the same reference in a body is a 400.

export const trunkNotFound = () => notFound('Trunk not found.');
export const routeGroupNotFound = () => notFound('Route group not found.');
export const dialPlanNotFound = () => notFound('Dial plan not found.');

export const invalidTrunkReference = (field: string) => badRequest(`${field} is not a trunk of this organization.`);
export const invalidRouteReference = (routeType: 'TRUNK' | 'ROUTE_GROUP') =>
  badRequest(`routeId is not a ${routeType === 'TRUNK' ? 'trunk' : 'route group'} of this organization (routeType ${routeType}).`);

export const blankName = (field = 'name') => badRequest(`${field} must not be blank.`);
export const trunkNameInUse = (name: string) => conflict(`A trunk named "${name}" already exists in this organization.`);
export const routeGroupNameInUse = (name: string) => conflict(`A route group named "${name}" already exists in this organization.`);
export const dialPlanNameInUse = (name: string) => conflict(`A dial plan named "${name}" already exists in this organization.`);

export const passwordRequired = () => badRequest('password is required for a REGISTERING trunk.');
export const certificateFieldRequired = (field: string) => badRequest(`${field} is required for a CERTIFICATE_BASED trunk.`);
export const certificateFieldOnly = (field: string) => badRequest(`${field} applies only to CERTIFICATE_BASED trunks.`);
export const unknownDeviceType = (deviceType: string, trunkType: string, known: readonly string[]) =>
  badRequest(`deviceType "${deviceType}" is not a device type of ${trunkType} trunks (${known.join(', ')}).`);
export const invalidHost = (field: string, value: string) => badRequest(`${field} "${value}" is not a host name such as sbc.example.com.`);

/** What still routes through a trunk or route group, in words: `route group "A", dial plan "B"`. */
export const inUse = (what: string, name: string, users: readonly string[]) =>
  conflict(`The ${what} "${name}" is in use by ${users.join(', ')}; it cannot be deleted while anything routes through it.`);

export const trunkListedTwice = (id: string) => badRequest(`localGateways lists trunk ${id} more than once.`);
export const priorityListedTwice = (priority: number) =>
  badRequest(`localGateways gives priority ${priority} to more than one trunk; each trunk of a route group has its own priority.`);

export const invalidDialPattern = (message: string) => badRequest(message);
export const dialPatternRepeated = (pattern: string) => badRequest(`Dial pattern ${pattern} appears more than once in the request.`);
export const dialPatternTaken = (pattern: string, dialPlanName: string) =>
  conflict(`Dial pattern ${pattern} already exists in dial plan "${dialPlanName}"; a dial pattern is unique in the organization.`);
export const dialPatternNotInPlan = (pattern: string) => badRequest(`Dial pattern ${pattern} is not a dial pattern of this dial plan.`);
export const noDialPatternChange = () => badRequest('Give dialPatterns to add or delete, or deleteAllDialPatterns: true.');
export const tooManyDialPatterns = (max: number) => badRequest(`At most ${max} dial patterns can be given in one request.`);

export const invalidOrder = (value: string, fields: readonly string[]) =>
  badRequest(`order "${value}" is not a sort order of this list: use one of ${fields.join(', ')}, optionally followed by -asc or -desc.`);
