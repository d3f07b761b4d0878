import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

// The start-up floor: a bare Fastify server registering the same routes (methods and paths) as
// Callplane, each answering a fixed body, with no schemas, hooks, store or services. What it takes
// to answer its first /healthz is what Fastify alone costs for that many routes on this machine,
// below which no start of Callplane can go while every operation is a Fastify route. bench/startup.ts
// bundles it with esbuild, as Callplane's own start runs from a bundle.
// Usage: PORT=N node floor-server.js ROUTES.json, where ROUTES.json is [{ "method": "GET", "url": "/v1/people/:personId" }, …].

const routesFile = process.argv[2];
const routes = JSON.parse(readFileSync(routesFile!, 'utf8')) as { method: string; url: string }[];

const app = Fastify({ logger: false });
for (const route of routes) app.route({ method: route.method, url: route.url, handler: async () => ({}) });
// Callplane documents its /healthz: then it is among the routes.
if (!app.hasRoute({ method: 'GET', url: '/healthz' })) app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
