import type { Store } from '../../store/store.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { badRequest, conflict } from '../errors.ts';
import { storedDocument } from '../settings/settings-service.ts';
import type { SettingDefinition, SettingDocument } from '../settings/setting-documents.ts';

// The caller reputation provider: a service that scores external callers (how likely a call is
// spam, 0 to 1) so that Webex Calling blocks callers scored at or above the block threshold.
// Callplane offers one provider, its simulator: a simulated PSTN caller carries the score the
// provider gives it (POST /sandbox/v1/calls reputationScore). Read by the call engine's incoming
// screen (domain/calls/call-permissions.ts); the client secret is kept and never shown.
//
// **choice**: enabling a provider locks the choice of provider (another id is refused) until it
// is unlocked (actions/unlock/invoke); Webex documents the action, not the lock's rules.

export const SIMULATED_PROVIDER = {
  id: 'callplane-simulated-reputation',
  enabled: true,
  name: 'Callplane simulated reputation provider',
  regions: [{ id: 'global', name: 'Global', type: 'primary', visible: true, environmentType: 'production' }],
};
export const PROVIDERS = [SIMULATED_PROVIDER];

type Provider = {
  enabled: boolean;
  id?: string;
  name?: string;
  clientId?: string;
  clientSecret?: string;
  callBlockScoreThreshold?: string;
  callAllowScoreThreshold?: string;
  locked?: boolean;
};

const score = (field: string, value: unknown): number => {
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 1)) throw badRequest(`${field} must be a score from 0 to 1, such as "0.7".`);
  return n;
};

export const CALLER_REPUTATION: SettingDefinition = {
  key: 'callerReputationProvider',
  defaults: { enabled: false },
  check(next) {
    const doc = next as Provider;
    if (doc.id !== undefined && !PROVIDERS.some((p) => p.id === doc.id)) throw badRequest(`id "${doc.id}" is not an available caller reputation provider.`);
    if (doc.enabled) {
      const missing = (['id', 'name', 'clientId', 'callBlockScoreThreshold', 'callAllowScoreThreshold'] as const).filter((f) => doc[f] === undefined || doc[f] === '');
      if (missing.length > 0) throw badRequest(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required when enabled is true.`);
    }
    if (doc.callBlockScoreThreshold !== undefined && doc.callAllowScoreThreshold !== undefined) {
      if (score('callAllowScoreThreshold', doc.callAllowScoreThreshold) >= score('callBlockScoreThreshold', doc.callBlockScoreThreshold)) {
        throw badRequest('callAllowScoreThreshold must be lower than callBlockScoreThreshold.');
      }
    }
  },
  present: async (doc) => {
    const { clientSecret: _secret, locked: _locked, ...shown } = doc as Provider;
    return shown;
  },
  changesCalls: true,
};

const current = (store: Store, orgId: string) => storedDocument(store, orgId, orgId, CALLER_REPUTATION, 'organization') as Promise<Provider>;

/** A PUT: another provider than the locked one is refused; enabling locks the choice. */
export async function providerUpdate(store: Store, orgId: string, update: SettingDocument): Promise<SettingDocument> {
  const now = await current(store, orgId);
  if (now.locked && update.id !== undefined && update.id !== now.id) throw conflict('The caller reputation provider is locked: unlock it before choosing another.');
  return update.enabled === true ? { ...update, locked: true } : update;
}

/** The integration's state, from what the administrator configured. */
export async function providerStatus(store: Store, orgId: string): Promise<{ id: string; status: string }> {
  const p = await current(store, orgId);
  const id = p.id ?? '';
  if (!p.id || !p.clientId) return { id, status: 'NOT_CONNECTED' };
  if (!p.enabled) return { id, status: 'PROVIDER_DISABLED' };
  if (!p.clientSecret) return { id, status: 'AUTH_FAILED' };
  return { id, status: 'ACTIVE' };
}

/** Unlocks the provider named (it must be the organization's). */
export async function unlockCheck(store: Store, orgId: string, id: string): Promise<SettingDocument> {
  const p = await current(store, orgId);
  if (p.id !== id) throw badRequest(`id "${id}" is not the organization's caller reputation provider.`);
  return { locked: false };
}

/** The score at or above which external callers are blocked, when the provider is active. */
export async function reputationBlockThreshold(store: Store, orgId: string): Promise<number | undefined> {
  if ((await providerStatus(store, orgId)).status !== 'ACTIVE') return undefined;
  const p = await current(store, orgId);
  return Number(p.callBlockScoreThreshold);
}

/** The provider's settings, status and lock for one organization (its document in `documents`). */
export class CallerReputationService {
  private readonly store: Store;
  private readonly documents: SettingsService;

  constructor(store: Store, documents: SettingsService) {
    this.store = store;
    this.documents = documents;
  }

  settings(orgId: string): Promise<SettingDocument> {
    return this.documents.get(orgId, orgId, CALLER_REPUTATION.key);
  }

  async update(orgId: string, update: SettingDocument): Promise<void> {
    await this.documents.update(orgId, orgId, CALLER_REPUTATION.key, await providerUpdate(this.store, orgId, update));
  }

  status(orgId: string) {
    return providerStatus(this.store, orgId);
  }

  async unlock(orgId: string, id: string): Promise<void> {
    await this.documents.update(orgId, orgId, CALLER_REPUTATION.key, await unlockCheck(this.store, orgId, id));
  }
}
