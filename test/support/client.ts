import { appendFileSync } from 'node:fs';
import { webexViolations } from './webex-schemas.ts';

// A small Webex API client over fetch, for tests: real HTTP to the real server. Every success
// answer of a Webex operation is checked against Cisco's documents (status and response schema):
// a request whose answer breaks them fails the test that made it.

export type Reply<T = any> = { status: number; headers: Headers; body: T; text: string };

export type Query = Record<string, string | number | boolean | undefined>;

export class Client {
  readonly baseUrl: string;
  readonly token: string | undefined;

  constructor(baseUrl: string, token?: string) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  withToken(token: string | undefined): Client {
    return new Client(this.baseUrl, token);
  }

  url(path: string, query: Query = {}): string {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  get<T = any>(path: string, query?: Query) {
    return this.request<T>('GET', path, { query });
  }
  post<T = any>(path: string, body?: unknown, query?: Query) {
    return this.request<T>('POST', path, { body, query });
  }
  put<T = any>(path: string, body?: unknown, query?: Query) {
    return this.request<T>('PUT', path, { body, query });
  }
  patch<T = any>(path: string, body?: unknown, query?: Query) {
    return this.request<T>('PATCH', path, { body, query });
  }
  delete<T = any>(path: string, body?: unknown, query?: Query) {
    return this.request<T>('DELETE', path, { body, query });
  }

  /** Follows a Link rel="next" URL verbatim, as the Webex SDKs do. */
  follow<T = any>(url: string) {
    return this.request<T>('GET', url, {});
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; query?: Query; rawBody?: string; headers?: Record<string, string> },
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token !== undefined && headers.authorization === undefined) headers.authorization = `Bearer ${this.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(path.startsWith('http') ? path : this.url(path, options.query), { method, headers, body });
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const violations = await webexViolations(method, response.url, response.status, response.headers.get('content-type'), parsed);
    if (violations.length > 0) {
      const problem = `${method} ${new URL(response.url).pathname} answered ${response.status} against Cisco's document:\n  ${violations.join('\n  ')}`;
      if (process.env.WEBEX_VIOLATIONS_LOG) appendFileSync(process.env.WEBEX_VIOLATIONS_LOG, `${problem}\n`);
      else throw new Error(`${problem}\n${text.slice(0, 2000)}`);
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
}

/** The URL of a Link rel="next" header, if any. */
export function nextLink(headers: Headers): string | undefined {
  const link = headers.get('link');
  const match = link && /<([^>]+)>;\s*rel="next"/.exec(link);
  return match ? match[1] : undefined;
}
