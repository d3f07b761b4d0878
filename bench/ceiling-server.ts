import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

// The ceiling: a bare Fastify server on this machine answering each route with a fixed JSON body
// (the same bytes Callplane answered). No store, no auth, no validation: what is left is HTTP,
// routing, JSON parsing of request bodies and JSON serialization of the answer, which any
// Node.js JSON API pays. Usage: node bench/ceiling-server.ts PORT ROUTES.json, where ROUTES.json
// is [{ "method": "GET", "url": "/v1/people/:personId", "status": 200, "body": {…} }, …].

export type CeilingRoute = { method: 'GET' | 'POST'; url: string; status: number; body: unknown };

const [port, routesFile] = process.argv.slice(2);
const routes = JSON.parse(readFileSync(routesFile!, 'utf8')) as CeilingRoute[];

const app = Fastify({ logger: false });
for (const route of routes) {
  app.route({ method: route.method, url: route.url, handler: async (_request, reply) => reply.code(route.status).send(route.body) });
}
app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
