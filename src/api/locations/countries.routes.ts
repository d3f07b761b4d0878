import { anyOf } from '../../domain/auth/scopes.ts';
import type { MyCallingService } from '../../domain/for-me/my-calling.ts';
import { countryRequirements } from '../../domain/locations/country-requirements.ts';
import { operations as phase1 } from '../../generated/webex/beta-call-settings-for-me-with-userhub-phase1.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { myRead } from '../for-me/for-me.routes.ts';
import { documentScopes } from '../person-settings/setting-routes.ts';

// What an address of a country needs (states, zip code, time zones): an administrator's question
// and a person's, answered by the one rule (domain/locations/country-requirements.ts).
export function countryRoutes(server: Server, deps: { myCalling: MyCallingService }): void {
  webexRoute(server, user.getCountryConfiguration, {
    auth: anyOf(...documentScopes(user.getCountryConfiguration.operationId)),
    handler: async (request) => {
      request.orgId; // refuses another organization's orgId
      return countryRequirements(request.params.countryCode);
    },
  });
  webexRoute(server, phase1.getCountryTelephonyConfigRequirements, {
    auth: myRead(phase1.getCountryTelephonyConfigRequirements.operationId),
    handler: async (request) => deps.myCalling.country(principalOf(request).orgId, principalOf(request).personId, request.params.countryCode),
  });
}
