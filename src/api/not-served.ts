import { notServed } from '../domain/errors.ts';
import { catalogue, type CatalogueRow } from '../generated/webex/catalogue.ts';
import type { Server } from '../http/types.ts';

// Every operation of Cisco's documents is routed: an area that serves it has registered its
// route before this runs (it is called last), every other one answers 501 with the Webex error
// body after authentication, naming the operation and its Cisco tag. Nothing of Cisco's answers
// a bare 404. The catalogue is generated (src/generated/webex/catalogue.ts); docs/coverage.md
// and test/api/catalogue.test.ts read the same rows.

export const PRODUCTS: Record<CatalogueRow[4], string> = {
  calling: 'Webex Calling',
  admin: 'Webex Admin',
  device: 'Webex Device',
  messaging: 'Webex Messaging',
};

/** The Fastify URL of a catalogue path: /v1/people/{personId} → /v1/people/:personId. */
export const routeUrl = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Whether a route already answers this method and URL, whatever its parameters are named. */
const served = (server: Server, method: string, url: string) => server.hasRoute({ method: method as 'GET', url });

/** Registers a 501 route for every catalogue operation no area serves, and returns those. */
export function notServedRoutes(server: Server): CatalogueRow[] {
  const unserved = catalogue.filter(([method, path]) => !served(server, method, routeUrl(path)));
  for (const [method, path, operationId, tag, document] of unserved) {
    server.route({
      method,
      url: routeUrl(path),
      // Not in /openapi.json: that document describes what Callplane serves; docs/coverage.md
      // lists the rest.
      schema: { hide: true, operationId },
      config: { auth: 'token' },
      handler: async () => {
        throw notServed(operationId, tag, PRODUCTS[document]);
      },
    });
  }
  return unserved;
}
