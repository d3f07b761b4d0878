// Every failure a client can see is a WebexError made by a named factory; src/http renders it
// once, as Webex does: { message, errors: [{ description }], trackingId }.

export type WebexErrorOptions = {
  /** Webex's numeric code, sent inside errors[] (telephony endpoints have them). */
  errorCode?: number;
  /** Extra response headers, such as Retry-After. */
  headers?: Record<string, string>;
  /** A body other than the error body, for the few Webex answers shaped differently ({ failureReason }). */
  body?: Record<string, unknown>;
};

export class WebexError extends Error {
  readonly status: number;
  readonly errorCode: number | undefined;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown> | undefined;

  constructor(status: number, message: string, options: WebexErrorOptions = {}) {
    super(message);
    this.name = 'WebexError';
    this.status = status;
    this.errorCode = options.errorCode;
    this.headers = options.headers ?? {};
    this.body = options.body;
  }
}

export const badRequest = (message: string, errorCode?: number) => new WebexError(400, message, { errorCode });

export const unauthorized = () =>
  new WebexError(401, 'The request requires a valid access token set in the Authorization request header.');

export const forbidden = (message = 'The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses.') =>
  new WebexError(403, message);

export const notFound = (message = 'The requested resource could not be found.') => new WebexError(404, message);

export const conflict = (message: string, errorCode?: number) => new WebexError(409, message, { errorCode });

/** A Webex operation of Cisco's documents that Callplane does not serve yet. */
export const notServed = (operationId: string, tag: string, product: string) =>
  new WebexError(501, `${operationId} is part of ${product}'s ${tag} API, which Callplane does not serve yet.`);
