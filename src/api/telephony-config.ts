import { anyOf } from '../domain/auth/scopes.ts';

/** The route auth of Webex's telephony configuration (/v1/telephony/config/…), shared by its areas. */
export const telephonyConfig = {
  read: { auth: anyOf('spark-admin:telephony_config_read') },
  write: { auth: anyOf('spark-admin:telephony_config_write') },
};
