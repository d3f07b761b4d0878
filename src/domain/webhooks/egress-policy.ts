import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// Where webhook deliveries may go (docs/webhooks.md#security). A delivery is a request the
// server makes on a user's behalf, so a target must not reach what only the server can reach:
// - public (global unicast) addresses: always;
// - loopback (127/8, ::1, localhost): only when allowed — by default when the server itself
//   listens on loopback (a developer's machine, where local receivers are the point);
// - private networks (RFC 1918, CGNAT 100.64/10, IPv6 ULA fc00::/7), link-local, and the other
//   special-purpose ranges: only with CALLPLANE_WEBHOOK_ALLOW_PRIVATE=on;
// - never: unspecified (0.0.0.0, ::), multicast, broadcast, and cloud metadata endpoints.
// It is checked on literal addresses when a webhook is created or changed, and on every address
// a host name resolves to when a delivery connects (so DNS rebinding cannot pass).

export type EgressPolicy = { allowLoopback: boolean; allowPrivate: boolean };

export type AddressKind = 'public' | 'loopback' | 'private' | 'forbidden';

/** Cloud metadata services: never a webhook target, whatever the settings. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

/** The kind of an IP address (IPv4-mapped IPv6 counts as its IPv4 address); anything unreadable is forbidden. */
export function addressKind(address: string): AddressKind {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'forbidden';
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (METADATA.has(parsed.toNormalizedString()) || METADATA.has(parsed.toString())) return 'forbidden';
  const range = parsed.range();
  if (range === 'unicast') return 'public';
  if (range === 'loopback') return 'loopback';
  if (range === 'unspecified' || range === 'multicast' || range === 'broadcast') return 'forbidden';
  // 0.0.0.0/8 ("this network") reaches the host itself on Linux.
  if (parsed.kind() === 'ipv4' && (parsed as ipaddr.IPv4).octets[0] === 0) return 'forbidden';
  return 'private';
}

export function allows(policy: EgressPolicy, kind: AddressKind): boolean {
  return kind === 'public' || (kind === 'loopback' && policy.allowLoopback) || (kind === 'private' && policy.allowPrivate);
}

/** Names that always mean this machine (RFC 6761), whatever a resolver says. */
export const isLoopbackName = (host: string): boolean => {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
};

/** The address of a URL's host when it is a literal IP (the URL parser has already normalised 127.1, 0x7f000001, 2130706433 …). */
export const literalAddress = (hostname: string): string | undefined => {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) ? bare : undefined;
};

/**
 * What the policy says about a URL's host without resolving it: the kind of a literal address
 * or a loopback name; undefined for any other host name (checked when it is resolved).
 */
export function hostKind(hostname: string): AddressKind | undefined {
  const literal = literalAddress(hostname);
  if (literal !== undefined) return addressKind(literal);
  return isLoopbackName(hostname) ? 'loopback' : undefined;
}

/** Whether the server listens only on loopback: then loopback targets are allowed by default. */
export function isLoopbackHost(host: string): boolean {
  if (isLoopbackName(host)) return true;
  const literal = literalAddress(host);
  return literal !== undefined && addressKind(literal) === 'loopback';
}

/** The URL without `user:password@`: what any response shows of a target. */
export function withoutCredentials(value: string): string {
  try {
    const url = new URL(value);
    if (url.username === '' && url.password === '') return value;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return value.replace(/\/\/[^/@]*@/, '//');
  }
}
