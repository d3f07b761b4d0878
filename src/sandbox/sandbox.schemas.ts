import { Type } from 'typebox';
import { License } from '../api/licenses/licenses.schemas.ts';
import { ErrorBody } from '../http/schemas.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export const CreateOrganization = {
  summary: 'Create a sandbox organization',
  description:
    'Creates an organization like the demo one (licenses, a default US location enabled for calling with a main number and 99 free numbers, and a full administrator with extension 1000), without demo users. Open to anyone (no token) when the server listens on loopback only, else only the operator (CALLPLANE_SIGNUP); at most CALLPLANE_SIGNUP_RATE_LIMIT sign-ups per client address (429). The token is in access_token (the OAuth spelling); accessToken carries the same value for older clients.',
  tags: ['Sandbox'],
  body: Type.Object({ displayName: Type.String({ minLength: 1, maxLength: 256, pattern: '\\S' }) }),
  response: {
    201: Type.Object({
      orgId: Type.String(),
      personId: Type.String({ description: 'The full administrator.' }),
      access_token: Type.String({ description: "The administrator's token (14 days)." }),
      accessToken: Type.String({ description: 'The same token: the older spelling, kept for compatibility.', deprecated: true }),
    }),
    ...errors,
  },
};

export const CreateToken = {
  summary: 'Issue an access token for a person',
  description:
    "Called with a full administrator's token of the person's organization holding spark-admin:people_write. A token never grants a scope the caller's own token lacks (403 names them). Without scopes the token gets every scope both the person's roles and the caller's token allow.",
  tags: ['Sandbox'],
  body: Type.Object({
    personId: Type.String({ maxLength: 512 }),
    scopes: Type.Optional(
      Type.Union([Type.Array(Type.String({ maxLength: 128 }), { maxItems: 64 }), Type.String({ maxLength: 4096 })], {
        description: 'Scopes as an array or a space-separated string.',
      }),
    ),
    expiresIn: Type.Optional(Type.Integer({ minimum: 1, description: 'Lifetime in seconds (default 14 days, at most a year).' })),
  }),
  response: {
    201: Type.Object({
      access_token: Type.String(),
      token_type: Type.Literal('Bearer'),
      expires_in: Type.Integer(),
      scope: Type.String({ description: 'Granted scopes, space-separated.' }),
    }),
    ...errors,
  },
};

export const SetLicenseUnits = {
  summary: "Change a license's total units",
  description: 'Sandbox only: resize a subscription, for example to provision many users or to test running out of units. Needs a full administrator whose token holds spark-admin:people_write.',
  tags: ['Sandbox'],
  params: Type.Object({ licenseId: Type.String() }),
  body: Type.Object({ totalUnits: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }),
  response: { 200: License, ...errors },
};

const ClockState = Type.Object({
  now: Type.String({ description: 'The server clock, ISO-8601.' }),
  mode: Type.Union([Type.Literal('real'), Type.Literal('manual')]),
  pendingTasks: Type.Integer({ description: 'Timers waiting: ring timeouts, job steps, …' }),
});

export const GetClock = {
  summary: 'Read the server clock',
  description: 'The one clock behind ring timeouts, simulated delays, job progress and token expiry. Any valid token may read it.',
  tags: ['Sandbox'],
  response: { 200: ClockState, ...errors },
};

export const SetClockMode = {
  summary: 'Switch the server clock between real and manual time',
  description: 'In manual mode time stands still until POST /sandbox/v1/clock/advance moves it. The clock is the whole server’s: only the operator (the CALLPLANE_ADMIN_TOKEN token) may change it.',
  tags: ['Sandbox'],
  body: Type.Object({ mode: Type.Union([Type.Literal('real'), Type.Literal('manual')]) }),
  response: { 200: ClockState, ...errors },
};

export const AdvanceClock = {
  summary: 'Move manual time forward',
  description: 'Runs every timer that falls due, in order, and answers once they have run. 409 in real mode. Only the operator (the CALLPLANE_ADMIN_TOKEN token) may move the clock.',
  tags: ['Sandbox'],
  body: Type.Object({ ms: Type.Integer({ minimum: 0, maximum: 366 * 24 * 3600 * 1000 }) }),
  response: { 200: ClockState, 409: ErrorBody, ...errors },
};
