import { Type, type TSchema } from 'typebox';

// Schemas shared by every API area.

export const ErrorBody = Type.Object(
  {
    message: Type.String(),
    errors: Type.Array(Type.Object({ description: Type.String(), errorCode: Type.Optional(Type.Integer()) })),
    trackingId: Type.String(),
  },
  { description: "Webex's error body." },
);

/** The `orgId` query parameter every admin endpoint accepts. */
export const OrgIdQuery = { orgId: Type.Optional(Type.String({ description: 'Act on this organization (defaults to the token\'s).' })) };

/** The query string of an admin endpoint that takes nothing but `orgId`. */
export const OrgQuery = Type.Object({ ...OrgIdQuery });

/** Another object as Webex refers to it: its ID and name. */
export const IdAndName = Type.Object({ id: Type.String(), name: Type.String() });

/** A Webex ID in a path. */
export const IdParam = (name: string, description: string) => Type.Object({ [name]: Type.String({ description }) });

/** The error responses documented on every authenticated endpoint. */
const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
} as const;

export const NoContent = Type.Null({ description: 'No content.' });

/** A response schema map with the usual error responses added. */
export function responses<R extends Record<number, TSchema>>(success: R): R & typeof errorResponses {
  // Status codes are array indices to V8: an object holding 200 and 429 built by spreading gets
  // a fast array of 430 slots (about 6 KB per route, kept by the route). One far index stored and
  // deleted first makes it a small dictionary instead; keys and their order are the same.
  const map: Record<string, TSchema> = {};
  map[1e6] = ErrorBody;
  delete map[1e6];
  for (const [status, schema] of Object.entries(success)) map[status] = schema;
  for (const [status, schema] of Object.entries(errorResponses)) map[status] = schema;
  return map as R & typeof errorResponses;
}

/** The `start` offset of telephony lists; a larger one than any list holds answers an empty page. */
export const StartQuery = Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'Zero-based offset.' }));
