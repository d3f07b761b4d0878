import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';

// The organization's call queue settings (one document per organization, Webex's defaults until
// written), kept as a feature document.

const KIND = 'queueSettings';

export type OrgQueueSettings = {
  maintainQueuePositionForSimRingEnabled: boolean;
  forceAgentUnavailableOnBouncedEnabled: boolean;
  playToneToAgentForBargeInEnabled: boolean;
  playToneToAgentForSilentMonitoringEnabled: boolean;
  playToneToAgentForSupervisorCoachingEnabled: boolean;
};

const DEFAULTS: OrgQueueSettings = {
  maintainQueuePositionForSimRingEnabled: false,
  forceAgentUnavailableOnBouncedEnabled: false,
  playToneToAgentForBargeInEnabled: false,
  playToneToAgentForSilentMonitoringEnabled: false,
  playToneToAgentForSupervisorCoachingEnabled: false,
};

const idOf = (orgId: string) => `${KIND}:${orgId}`;

export class OrgQueueSettingsService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async get(orgId: string): Promise<OrgQueueSettings> {
    const doc = await this.store.featureDocuments.get(orgId, KIND, idOf(orgId));
    return { ...DEFAULTS, ...(doc?.data as Partial<OrgQueueSettings> | undefined) };
  }

  async update(orgId: string, input: Partial<OrgQueueSettings>): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await tx.featureDocuments.get(orgId, KIND, idOf(orgId));
      const now = timestamp(this.clock);
      const data = { ...DEFAULTS, ...(current?.data as Partial<OrgQueueSettings> | undefined), ...input };
      if (current) await tx.featureDocuments.update({ ...current, data, lastModified: now });
      else await tx.featureDocuments.insert({ id: idOf(orgId), orgId, kind: KIND, name: 'organization', data, created: now, lastModified: now });
    });
  }
}
