// The console's only way to the server: fetch over the Webex API (/v1) and the sandbox API
// (/sandbox/v1), with the signed-in token. Errors arrive as Webex's error body.

export type Query = Record<string, string | number | boolean | undefined>;

export class ApiError extends Error {
  readonly status: number;
  readonly trackingId: string | undefined;

  constructor(status: number, message: string, trackingId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.trackingId = trackingId;
  }
}

export type Page<T> = { items: T[]; next: string | undefined };

function withQuery(path: string, query: Query = {}): string {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url.pathname + url.search;
}

/** The URL of a Link rel="next" header, made relative to this origin. */
function nextLink(headers: Headers): string | undefined {
  const match = /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '');
  if (!match) return undefined;
  const url = new URL(match[1]!, location.origin);
  return url.pathname + url.search;
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { message?: string; trackingId?: string };
    return new ApiError(response.status, body.message ?? `${response.status} ${response.statusText}`, body.trackingId);
  } catch {
    return new ApiError(response.status, text || `${response.status} ${response.statusText}`, response.headers.get('trackingid') ?? undefined);
  }
}

export class Api {
  readonly token: string;

  constructor(token: string) {
    this.token = token;
  }

  private async send(method: string, path: string, query?: Query, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(withQuery(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'The server cannot be reached. Is Callplane running?');
    }
    if (!response.ok) throw await failure(response);
    return response;
  }

  async request<T = unknown>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
    const response = await this.send(method, path, options.query, options.body);
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  get<T = unknown>(path: string, query?: Query) {
    return this.request<T>('GET', path, { query });
  }

  post<T = unknown>(path: string, body?: unknown, query?: Query) {
    return this.request<T>('POST', path, { body, query });
  }

  put<T = unknown>(path: string, body?: unknown, query?: Query) {
    return this.request<T>('PUT', path, { body, query });
  }

  delete(path: string) {
    return this.request<void>('DELETE', path);
  }

  /** One page of a Webex list; `next` is the Link rel="next" URL to pass back to page(). */
  async page<T>(path: string, query?: Query): Promise<Page<T>> {
    const response = await this.send('GET', path, query);
    const body = (await response.json()) as { items?: T[] };
    return { items: body.items ?? [], next: nextLink(response.headers) };
  }

  /** Every item of a (short) Webex list, following Link headers. */
  async all<T>(path: string, query?: Query): Promise<T[]> {
    const items: T[] = [];
    let page = await this.page<T>(path, query);
    items.push(...page.items);
    while (page.next) {
      page = await this.page<T>(page.next);
      items.push(...page.items);
    }
    return items;
  }
}

/** POST /sandbox/v1/orgs needs no token. */
export async function createSandboxOrganization(displayName: string): Promise<{ orgId: string; personId: string; accessToken: string }> {
  const response = await fetch('/sandbox/v1/orgs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName }),
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** The demo organization, when this server has one (GET /sandbox/v1/demo needs no token). */
export async function demoOrganization(): Promise<{ orgId: string; displayName: string; adminEmail: string; adminToken?: string } | undefined> {
  try {
    const response = await fetch('/sandbox/v1/demo');
    return response.ok ? response.json() : undefined;
  } catch {
    return undefined;
  }
}

export const errorMessage = (error: unknown): string => {
  if (error instanceof ApiError) return error.trackingId ? `${error.message} (TrackingID ${error.trackingId})` : error.message;
  return error instanceof Error ? error.message : String(error);
};
