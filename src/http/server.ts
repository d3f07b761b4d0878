import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import { announcementRoutes } from '../api/announcements/announcements.routes.ts';
import { callRoutingRoutes } from '../api/call-routing/call-routing.routes.ts';
import { callRoutes } from '../api/calls/calls.routes.ts';
import { callRecordingRoutes } from '../api/person-features/call-recording.routes.ts';
import { healthRoutes } from '../api/health/health.routes.ts';
import { licenseRoutes } from '../api/licenses/licenses.routes.ts';
import { locationCallingRoutes } from '../api/location-calling/location-calling.routes.ts';
import { locationNumberRoutes } from '../api/location-numbers/location-numbers.routes.ts';
import { locationRoutes } from '../api/locations/locations.routes.ts';
import { notServedRoutes } from '../api/not-served.ts';
import { numberRoutes } from '../api/numbers/numbers.routes.ts';
import { organizationRoutes } from '../api/organizations/organizations.routes.ts';
import { peopleRoutes } from '../api/people/people.routes.ts';
import { webhookRoutes } from '../api/webhooks/webhooks.routes.ts';
import { receptionistContactRoutes } from '../api/receptionist-contacts/receptionist-contacts.routes.ts';
import type { Config } from '../config.ts';
import type { AnnouncementService } from '../domain/announcements/announcements-service.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import type { CallRoutingService } from '../domain/call-routing/call-routing-service.ts';
import type { CallControlService } from '../domain/calls/call-control-service.ts';
import type { CallRecordingService } from '../domain/calls/call-recording-service.ts';
import { badRequest, WebexError } from '../domain/errors.ts';
import type { LicenseService } from '../domain/licenses/license-service.ts';
import type { LocationCallingService } from '../domain/location-calling/location-calling-service.ts';
import type { LocationNumberService } from '../domain/location-numbers/location-numbers-service.ts';
import type { LocationService } from '../domain/locations/location-service.ts';
import type { NumberService } from '../domain/numbers/number-service.ts';
import type { OrganizationService } from '../domain/organizations/organization-service.ts';
import type { PeopleService } from '../domain/people/people-service.ts';
import type { ReceptionistContactService } from '../domain/receptionist-contacts/receptionist-contacts-service.ts';
import type { SandboxClock } from '../sandbox/sandbox-clock.ts';
import { sandboxCallRoutes } from '../sandbox/sandbox-calls.routes.ts';
import { sandboxRoutes } from '../sandbox/sandbox.routes.ts';
import type { Simulator } from '../sandbox/simulator.ts';
import { sandboxWebhookRoutes } from '../sandbox/sandbox-webhooks.routes.ts';
import { consoleInfoRoutes } from '../sandbox/console-info.routes.ts';
import { liveEventRoutes } from '../sandbox/live-events.routes.ts';
import { faultRoutes, installFaults, type FaultInjector } from '../sandbox/faults.ts';
import type { WebhookService } from '../domain/webhooks/webhook-service.ts';
import type { Store } from '../store/store.ts';
import { installAuthentication } from './auth.ts';
import { consoleRoutes } from './console.ts';
import { frameworkError, installErrorHandling } from './errors.ts';
import { serializerCompiler, validatorCompiler } from './lazy-compilers.ts';
import { registerOpenApi } from './openapi.ts';
import { trackingId } from './tracking.ts';
import type { Server } from './types.ts';

export type Services = {
  tokens: TokenService;
  organizations: OrganizationService;
  licenses: LicenseService;
  locations: LocationService;
  numbers: NumberService;
  people: PeopleService;
  callRouting: CallRoutingService;
  locationCalling: LocationCallingService;
  locationNumbers: LocationNumberService;
  announcements: AnnouncementService;
  receptionistContacts: ReceptionistContactService;
  calls: CallControlService;
  callRecording: CallRecordingService;
  simulator: Simulator;
  webhooks: WebhookService;
};

export type ServerDeps = { config: Config; services: Services; store: Store; clock: SandboxClock; faults: FaultInjector };

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  for (const [key, item] of Object.entries(value)) if (key.includes('\u0000') || hasNul(item, depth + 1)) return true;
  return false;
}

/** The HTTP server, set up in this order: every request meets these steps top to bottom. */
export async function buildServer(deps: ServerDeps): Promise<Server> {
  const { config, services } = deps;

  // 1. Fastify: the request id is Webex's TrackingID; bodies are capped.
  const server: Server = Fastify({
    logger: { level: config.logLevel },
    // Request lines only when debugging: at info level they would cost more than the requests.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
      requestIdLogLabel: 'trackingId',
    }),
    genReqId: trackingId,
    bodyLimit: config.bodyLimit,
    // License IDs are longer than Fastify's default limit of 100 characters for a path parameter.
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors: frameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  server.setValidatorCompiler(validatorCompiler());
  server.setSerializerCompiler(serializerCompiler());
  // Clients often send Content-Type: application/json on requests without a body; an empty body
  // is then no body (a route that needs one still answers 400), not a parse error.
  const parseJson = server.getDefaultJsonParser('error', 'error');
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);
    return parseJson(request, body as string, done);
  });

  // 2. Every answer carries the TrackingID header; text with NUL characters is refused (no Webex
  //    field holds one, and PostgreSQL text cannot store it).
  server.addHook('preValidation', async (request) => {
    if (hasNul(request.query) || hasNul(request.params) || hasNul(request.body)) {
      throw badRequest('Invalid request: text must not contain NUL (\\u0000) characters.');
    }
  });
  server.addHook('onRequest', async (request, reply) => {
    reply.header('TrackingID', request.id);
  });

  // 3. One error renderer for every failure, and 404/405 for unknown routes.
  installErrorHandling(server, config.bodyLimit);

  // 4. Rate limits per token (off unless CALLPLANE_RATE_LIMIT is set).
  if (config.rateLimit) {
    await server.register(rateLimit, {
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      keyGenerator: (request) => request.headers.authorization ?? request.ip,
      allowList: (request) => request.url === '/healthz',
      errorResponseBuilder: (_request, context) =>
        new WebexError(429, `Too many requests: at most ${context.max} per ${context.after}. Retry after the time in the Retry-After header.`),
    });
  }

  // 5. The OpenAPI document and reference page, fed by the route schemas registered below.
  await registerOpenApi(server, packageJson.version);

  // 6. Bearer token → principal, and the route's scopes, before any body is read.
  installAuthentication(server, services.tokens);

  // 7. Faults the sandbox was told to inject (none unless asked).
  if (config.sandbox) installFaults(server, deps.faults);

  // 8. Routes.
  healthRoutes(server, { store: deps.store });
  organizationRoutes(server, services);
  licenseRoutes(server, services);
  locationRoutes(server, services);
  numberRoutes(server, services);
  peopleRoutes(server, services);
  callRoutingRoutes(server, services);
  locationCallingRoutes(server, services);
  locationNumberRoutes(server, services);
  announcementRoutes(server, services);
  receptionistContactRoutes(server, services);
  callRoutes(server, services);
  callRecordingRoutes(server, services);
  webhookRoutes(server, services);
  notServedRoutes(server);
  if (config.sandbox) {
    sandboxRoutes(server, { ...services, clock: deps.clock });
    sandboxCallRoutes(server, services);
    sandboxWebhookRoutes(server, services);
    liveEventRoutes(server, { store: deps.store });
    consoleInfoRoutes(server, { store: deps.store, host: config.host });
    faultRoutes(server, { faults: deps.faults });
  }
  await consoleRoutes(server);

  await server.ready();
  return server;
}
