import type { Config } from './config.ts';
import { AnnouncementService } from './domain/announcements/announcements-service.ts';
import { TokenService } from './domain/auth/token-service.ts';
import { CallRoutingService } from './domain/call-routing/call-routing-service.ts';
import { CallControlService } from './domain/calls/call-control-service.ts';
import { CallRecordingService } from './domain/calls/call-recording-service.ts';
import { CallRuntime } from './domain/calls/call-runtime.ts';
import { RoutingPrefixJobs } from './domain/jobs/routing-prefix-jobs.ts';
import { LocationCallingService } from './domain/location-calling/location-calling-service.ts';
import { LicenseService } from './domain/licenses/license-service.ts';
import { LocationNumberService } from './domain/location-numbers/location-numbers-service.ts';
import { LocationService } from './domain/locations/location-service.ts';
import { NumberService } from './domain/numbers/number-service.ts';
import { OrganizationService } from './domain/organizations/organization-service.ts';
import { PeopleService } from './domain/people/people-service.ts';
import { ReceptionistContactService } from './domain/receptionist-contacts/receptionist-contacts-service.ts';
import { buildServer, type Services } from './http/server.ts';
import type { Server } from './http/types.ts';
import { ensureDemoOrganization, type DemoOrganization } from './sandbox/demo-organization.ts';
import { SandboxClock } from './sandbox/sandbox-clock.ts';
import { Simulator } from './sandbox/simulator.ts';
import { FaultInjector } from './sandbox/faults.ts';
import { WebhookService } from './domain/webhooks/webhook-service.ts';
import { WebhookDeliveryWorker } from './webhooks/delivery-worker.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

export type App = {
  config: Config;
  server: Server;
  store: Store;
  services: Services;
  clock: SandboxClock;
  /** The demo organization, when the demo is on. */
  demo: DemoOrganization | undefined;
  /** Starts listening; resolves with the address. */
  listen(): Promise<string>;
  /** Stops taking requests, finishes those under way, then closes the store. */
  close(): Promise<void>;
};

/** The one place that builds the store, services and server and wires them together. */
export async function buildApp(config: Config, options: { clock?: SandboxClock } = {}): Promise<App> {
  const clock = options.clock ?? new SandboxClock(config.clock);
  const store = await openStore(config.database);
  let server: Server | undefined;
  try {
    const tokens = new TokenService(store, clock);
    const jobs = new RoutingPrefixJobs(store, clock, (error, jobId) => server?.log.error({ err: error, jobId }, 'routing prefix job step failed'));
    const callRouting = new CallRoutingService(store, clock);
    const calls = new CallRuntime(store, clock, config.calls, {
      onError: (error) => server?.log.error({ err: error }, 'call timer failed'),
      onTransition: (line) => server?.log.debug(line),
    });
    const callControl = new CallControlService(store, calls);
    const services: Services = {
      tokens,
      organizations: new OrganizationService(store, clock, tokens),
      licenses: new LicenseService(store),
      locations: new LocationService(store, clock),
      numbers: new NumberService(store, clock),
      people: new PeopleService(store, clock),
      callRouting,
      locationCalling: new LocationCallingService(store, clock, jobs, callRouting),
      locationNumbers: new LocationNumberService(store, clock),
      announcements: new AnnouncementService(store, clock),
      receptionistContacts: new ReceptionistContactService(store, clock),
      calls: callControl,
      callRecording: new CallRecordingService(store),
      simulator: new Simulator(store, calls, callControl),
      webhooks: new WebhookService(store, clock),
    };
    const demo = config.demo ? await ensureDemoOrganization({ store, clock, tokens, adminToken: config.adminToken }) : undefined;
    server = await buildServer({ config, services, store, clock, faults: new FaultInjector() });
    await jobs.resume();
    await calls.rearm();
    const delivery = new WebhookDeliveryWorker(store, clock, config.webhooks, (error) => server?.log.error({ err: error }, 'webhook delivery failed'));
    delivery.start();
    const built = server;
    return {
      config,
      server: built,
      store,
      services,
      clock,
      demo,
      listen: () => built.listen({ port: config.port, host: config.host }),
      async close() {
        jobs.stop();
        calls.stop();
        await delivery.stop();
        await built.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
