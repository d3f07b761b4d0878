import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

// `callplane listen --forward-to URL`, as the Stripe CLI's listen: registers a webhook on a
// running Callplane pointing at a receiver of its own, prints each event as it arrives, and
// forwards it to your app with the same body and headers, signature included (X-Spark-Signature,
// the HMAC-SHA1 of the body with the secret printed at start). The webhook is removed on exit.

const USAGE = `Usage: callplane listen --forward-to URL [options]
  --forward-to URL     your app's webhook endpoint, for example http://localhost:3000/hook
  --url URL            the Callplane to listen to (CALLPLANE_URL, default http://127.0.0.1:8080)
  --token TOKEN        a token of the organization, an administrator's to see everyone's calls
                       (CALLPLANE_TOKEN, else CALLPLANE_ADMIN_TOKEN)
  --resource NAME      the webhook's resource (default telephony_calls)
  --event NAME         created, updated, deleted or all (default all)
  --filter FILTER      a Webex webhook filter, for example personality=originator
  --secret SECRET      the signing secret (default a random one, printed)
  --json               print each event's whole JSON instead of one line
`;

function fail(message: string, code = 1): never {
  process.stderr.write(`callplane listen: ${message}\n`);
  process.exit(code);
}

type Event = { id?: string; resource?: string; event?: string; created?: string; data?: Record<string, unknown> };

/** One line per event: when, what, and the call fields that tell events apart. */
export function describeEvent(event: Event): string {
  const data = event.data ?? {};
  const remote = data.remoteParty as { name?: string; number?: string } | undefined;
  const parts = [
    // `created` is the webhook's own creation time; the event's is data.eventTimestamp.
    data.eventTimestamp ? String(data.eventTimestamp) : new Date().toISOString(),
    `${event.resource ?? '?'}:${event.event ?? '?'}`,
    data.eventType ? String(data.eventType) : '',
    data.personality ? String(data.personality) : '',
    data.state ? String(data.state) : '',
    remote ? `remote=${remote.name ?? remote.number ?? ''}` : '',
    data.callId ? `callId=${String(data.callId).slice(0, 24)}…` : '',
  ];
  return parts.filter(Boolean).join('  ');
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function listenCommand(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'forward-to': { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        resource: { type: 'string' },
        event: { type: 'string' },
        filter: { type: 'string' },
        secret: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const forwardTo = values['forward-to'];
  if (!forwardTo) fail(`--forward-to is needed\n${USAGE}`, 2);
  try {
    new URL(forwardTo);
  } catch {
    fail(`--forward-to must be a URL, got "${forwardTo}"`, 2);
  }
  const base = values.url ?? process.env.CALLPLANE_URL ?? 'http://127.0.0.1:8080';
  const token = values.token ?? process.env.CALLPLANE_TOKEN ?? process.env.CALLPLANE_ADMIN_TOKEN;
  if (!token) fail('a token is needed: --token, CALLPLANE_TOKEN or CALLPLANE_ADMIN_TOKEN', 2);
  const secret = values.secret ?? randomBytes(16).toString('hex');

  const receiver = createServer(async (request, response) => {
    const body = await readBody(request);
    response.writeHead(204).end();
    let event: Event = {};
    try {
      event = JSON.parse(body.toString('utf8')) as Event;
    } catch {
      // Printed as it came; forwarded all the same.
    }
    process.stdout.write(values.json ? `${JSON.stringify(event, null, 2)}\n` : `${describeEvent(event)}\n`);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const name of ['x-spark-signature', 'user-agent', 'trackingid']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      const forwarded = await fetch(forwardTo, { method: 'POST', headers, body });
      process.stdout.write(`  -> ${forwarded.status} from ${forwardTo}\n`);
    } catch (error) {
      process.stdout.write(`  -> not delivered to ${forwardTo}: ${(error as { cause?: Error }).cause?.message ?? String(error)}\n`);
    }
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;

  const api = async (method: string, path: string, body?: unknown) => {
    try {
      return await fetch(new URL(path, base), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      receiver.close();
      fail(`cannot reach Callplane at ${base} (--url): ${(error as { cause?: Error }).cause?.message ?? String(error)}`);
    }
  };
  const register = (ownedBy: 'org' | 'creator') =>
    api('POST', '/v1/webhooks', {
      name: `callplane listen ${new Date().toISOString()}`,
      targetUrl: target,
      resource: values.resource ?? 'telephony_calls',
      event: values.event ?? 'all',
      secret,
      ownedBy,
      ...(values.filter ? { filter: values.filter } : {}),
    });
  // An administrator's webhook owned by the organization sees everyone's calls; anyone else's
  // sees their own.
  let created = await register('org');
  if (created.status === 403) created = await register('creator');
  const webhook = (await created.json()) as { id?: string; message?: string };
  if (!created.ok || !webhook.id) {
    receiver.close();
    fail(`could not register the webhook (${created.status}): ${webhook.message ?? ''}`);
  }
  process.stdout.write(
    `Ready. Forwarding ${values.resource ?? 'telephony_calls'} events from ${base} to ${forwardTo}\n` +
      `  webhook ${webhook.id}\n  signing secret ${secret} (X-Spark-Signature: HMAC-SHA1 of the body)\n  Ctrl-C stops and removes the webhook.\n`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await api('DELETE', `/v1/webhooks/${webhook.id}`).catch(() => undefined);
    receiver.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
