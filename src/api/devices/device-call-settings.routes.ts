import { badRequest } from '../../domain/errors.ts';
import { validateMacs } from '../../domain/devices/mac-addresses.ts';
import { operations } from '../../generated/webex/device-call-settings.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig } from '../telephony-config.ts';

/** Webex validates at most this many MACs in one request. */
const MAX_MACS = 100;

// Device Call Settings: MAC address validation (domain/devices/mac-addresses.ts).
export function deviceCallSettingsRoutes(server: Server): void {
  webexRoute(server, operations.validateAListOfMACAddress, {
    // The document names the write scope for this check (it precedes adding devices).
    auth: telephonyConfig.write.auth,
    handler: async (request) => {
      const macs = request.body?.macs;
      if (macs === undefined || macs.length === 0) throw badRequest('macs is required: a list of 1 to 100 MAC addresses.');
      if (macs.length > MAX_MACS) throw badRequest(`At most ${MAX_MACS} MAC addresses can be validated at once.`);
      return validateMacs(macs);
    },
  });
}
