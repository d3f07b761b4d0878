import { organizationSipDomain } from '../../domain/call-routing/trunk-rules.ts';
import type { CallRecordingSettings } from '../../domain/calls/call-recording-settings.ts';

/**
 * A person's call recording settings with the identities Webex's recording vendor knows them by.
 * Callplane is its own recording vendor: it makes the identities up from the organization and the
 * person (stable across reads): the service provider and group of the organization, and the
 * person's identifier at the organization's SIP domain.
 */
export function presentCallRecording(settings: CallRecordingSettings, orgId: string, personId: string) {
  const serviceProvider = `CP${orgId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
  return {
    ...settings,
    serviceProvider,
    externalGroup: `${serviceProvider}L1`,
    externalIdentifier: `${personId.replace(/-/g, '').slice(0, 12)}@${organizationSipDomain(orgId)}`,
  };
}
