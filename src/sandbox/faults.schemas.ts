import { Type, type Static } from 'typebox';
import { ErrorBody, NoContent } from '../http/schemas.ts';

// The sandbox fault-injection API, under /sandbox/v1/faults (see docs/reliability.md).

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export const MAX_FAULTS_PER_ORGANIZATION = 50;
export const MAX_LATENCY_MS = 60_000;

const Method = Type.Union([Type.Literal('GET'), Type.Literal('POST'), Type.Literal('PUT'), Type.Literal('PATCH'), Type.Literal('DELETE')], {
  description: 'Only requests with this method (GET also covers HEAD). Absent: every method.',
});

const Status = Type.Union([Type.Literal(429), Type.Integer({ minimum: 500, maximum: 599 })], {
  description: 'The status to answer instead of the real one: 429 (with Retry-After) or a 5xx. Absent: a latency-only fault.',
});

export const FaultInput = Type.Object({
  method: Type.Optional(Method),
  path: Type.String({
    minLength: 4,
    maxLength: 512,
    pattern: '^/v1/',
    description:
      'A Webex API route as the OpenAPI document writes it (/v1/people, /v1/people/{personId}: {…} matches any value of a path parameter), a concrete path (/v1/people/Y2lz…), or a prefix ending in /* (/v1/telephony/*, /v1/*).',
  }),
  status: Type.Optional(Status),
  retryAfter: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 3600, description: 'Seconds in the Retry-After header: sent with 429 (default 1), and with a 5xx when given.' }),
  ),
  latencyMs: Type.Optional(
    Type.Integer({ minimum: 0, maximum: MAX_LATENCY_MS, description: 'Delay before answering (the real answer, or the fault status).' }),
  ),
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Chance that a matching request is faulted (default 1).' })),
  seed: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 4294967295,
      description: 'Seed of the fault\'s own generator: the same seed gives the same sequence of faulted and spared requests. Absent: a random one, shown in the answer.',
    }),
  ),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Stop after faulting this many requests.' })),
});
export type FaultInput = Static<typeof FaultInput>;

export const Fault = Type.Object({
  id: Type.String(),
  method: Type.Optional(Type.String()),
  path: Type.String(),
  status: Type.Optional(Type.Integer()),
  retryAfter: Type.Optional(Type.Integer()),
  latencyMs: Type.Optional(Type.Integer()),
  probability: Type.Number(),
  seed: Type.Integer(),
  count: Type.Optional(Type.Integer()),
  matched: Type.Integer({ description: 'Requests that matched the fault so far (each drew from its generator).' }),
  injected: Type.Integer({ description: 'Requests faulted so far.' }),
  active: Type.Boolean({ description: 'false once count requests have been faulted.' }),
  created: Type.String(),
});

const FaultParams = Type.Object({ faultId: Type.String({ maxLength: 64 }) });

export const CreateFault = {
  summary: 'Inject a fault into the Webex API',
  description:
    "Makes matching /v1 requests of the caller's organization answer 429 or a 5xx, or answer late, so that a client's retry logic can be tested. Faulted requests never reach the route: nothing changes. Needs a full administrator.",
  tags: ['Sandbox'],
  body: FaultInput,
  response: { 201: Fault, ...errors },
};

export const ListFaults = {
  summary: "List the organization's faults",
  tags: ['Sandbox'],
  response: { 200: Type.Object({ items: Type.Array(Fault) }), ...errors },
};

export const GetFault = {
  summary: 'Get a fault',
  tags: ['Sandbox'],
  params: FaultParams,
  response: { 200: Fault, ...errors },
};

export const DeleteFault = {
  summary: 'Remove a fault',
  tags: ['Sandbox'],
  params: FaultParams,
  response: { 204: NoContent, ...errors },
};

export const DeleteFaults = {
  summary: 'Remove every fault of the organization',
  tags: ['Sandbox'],
  response: { 204: NoContent, ...errors },
};
