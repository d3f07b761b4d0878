import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

// Client secrets are stored as scrypt hashes (a copy of the database reveals none); codes and
// refresh tokens, being long random values, as SHA-256 like access tokens.

const scryptAsync = promisify(scrypt) as (secret: string, salt: Buffer, length: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/** A client ID in the Developer Portal's form: C followed by 64 hex digits. */
export const newClientId = (): string => `C${randomBytes(32).toString('hex')}`;
export const newClientSecret = (): string => randomBytes(32).toString('hex');
export const newOpaqueValue = (): string => randomBytes(48).toString('base64url');

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** RFC 7636: a verifier is 43 to 128 unreserved characters. */
export const isCodeVerifier = (value: string): boolean => /^[A-Za-z0-9._~-]{43,128}$/.test(value);

/** RFC 7636 S256: the challenge is the unpadded base64url SHA-256 of the verifier. */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/** A challenge made by S256: 43 base64url characters. */
export const isS256Challenge = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);
