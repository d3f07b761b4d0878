import { anyOf } from '../domain/auth/scopes.ts';
import { badRequest } from '../domain/errors.ts';
import { offsetPaging } from '../http/pagination.ts';

/** The route auth of Webex's telephony configuration (/v1/telephony/config/…), shared by its areas. */
export const telephonyConfig = {
  read: { auth: anyOf('spark-admin:telephony_config_read') },
  write: { auth: anyOf('spark-admin:telephony_config_write') },
};

/**
 * offsetPaging for the telephony lists whose generated schema takes any number as `start`:
 * anything but a whole number from 0 is a 400 (a huge one would reach the database).
 */
export function telephonyPaging(query: { max?: number; start?: number }, limit: number): { max: number; start: number } {
  if (query.start !== undefined && !(Number.isSafeInteger(query.start) && query.start >= 0)) throw badRequest('start must be a whole number from 0.');
  return offsetPaging(query, limit);
}
