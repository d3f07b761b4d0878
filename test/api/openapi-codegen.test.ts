import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generate } from 'orval';
import { startServer, type TestServer } from '../support/server.ts';

// A code generator run on the served /openapi.json, as a user's project would: orval (a
// well-kept generator that needs no TypeScript compiler API, which TypeScript 7 no longer has)
// writes a typed fetch client; the client type-checks with the project's tsc, a call with a
// wrong argument type does not, and the client calls the live server.

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const run = promisify(execFile);

const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
    lib: ['es2023', 'dom'],
  },
};

/** Type-checks `file` in `dir`; answers tsc's output, or undefined when it passes. */
async function typeCheck(dir: string, file: string): Promise<string | undefined> {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: [file] }));
  try {
    await run(tsc, ['-p', dir], { cwd: dir });
    return undefined;
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe('a code generator on /openapi.json', () => {
  let server: TestServer;
  let dir: string;

  before(async () => {
    server = await startServer('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'callplane-codegen-'));
    const reply = await server.anonymous.get('/openapi.json');
    assert.equal(reply.status, 200);
    writeFileSync(join(dir, 'openapi.json'), reply.text);
    // servers is "/": a generated client takes the host it talks to as its base URL.
    await generate({ input: { target: join(dir, 'openapi.json') }, output: { target: join(dir, 'client.ts'), client: 'fetch', mode: 'single', baseUrl: server.url } });
  });

  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('generates a client that type-checks, with Cisco’s operation names and typed parameters', async () => {
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import { listPeople, dial, createAPerson, type listPeopleResponse } from './client.ts';",
        'export async function firstNames(token: string): Promise<string[]> {',
        "  const reply: listPeopleResponse = await listPeople({ max: 10, callingData: true }, { headers: { authorization: `Bearer ${token}` } });",
        '  return reply.status === 200 ? reply.data.items.map((p) => p.firstName ?? "") : [];',
        '}',
        'export const operations = [dial, createAPerson];',
      ].join('\n'),
    );
    assert.equal(await typeCheck(dir, 'use.ts'), undefined);
  });

  it('rejects a call with a parameter of the wrong type', async () => {
    writeFileSync(join(dir, 'wrong.ts'), "import { listPeople } from './client.ts';\nvoid listPeople({ max: 'ten' });\n");
    const output = await typeCheck(dir, 'wrong.ts');
    assert.match(output ?? 'it passed', /wrong\.ts.*error TS2322/s);
  });

  it('calls the live server through the generated client', async () => {
    const client = (await import(pathToFileURL(join(dir, 'client.ts')).href)) as {
      listPeople: (params: Record<string, unknown>, init: RequestInit) => Promise<{ status: number; data: unknown }>;
    };
    const list = () => client.listPeople({ max: 10 }, { headers: { authorization: `Bearer ${server.demo.adminToken}` } });
    // fetch may reuse the keep-alive socket of the before hook's request, which the server can
    // close as generating runs (over a minute on a busy machine): a reset there is the socket's,
    // not the answer's, so the call is made once more on a new one.
    const reply = await list().catch((error: { cause?: { code?: string } }) => {
      if (error.cause?.code !== 'ECONNRESET') throw error;
      return list();
    });
    assert.equal(reply.status, 200);
    const expected = (await server.admin.get('/v1/people', { max: 10 })).body.items.map((p: { id: string }) => p.id);
    assert.deepEqual(
      (reply.data as { items: { id: string }[] }).items.map((p) => p.id),
      expected,
    );
  });
});
