import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Webex clients send a TrackingID header; we echo it (or make one like Webex's ROUTER_<uuid>)
// as the request id, the TrackingID response header and the trackingId of error bodies.
const SAFE = /^[\w.:@-]{1,128}$/;

export function trackingId(request: IncomingMessage): string {
  const sent = request.headers['trackingid'];
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value !== undefined && SAFE.test(value) ? value : `ROUTER_${randomUUID()}`;
}
