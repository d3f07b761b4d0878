import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';

// Webhook interest registrations: an administrator's client asks for telephony webhook events it
// would not get otherwise (hook status, agents, queues…, or calls of workspaces and virtual
// lines). One registration per (person, client), where the client is the token's OAuth app (or the
// sandbox's tokens, which have none); it expires after `duration` days (60 by default).

export type Interest = { resource?: string; actor?: string };
export type Registration = { interests: Interest[]; expiresAt: string };

const DEFAULT_DAYS = 60;
const MAX_DAYS = 365;
const DAY_MS = 86_400_000;

const owner = (orgId: string, personId: string) => ({ orgId, kind: 'person' as const, id: personId });
const keyOf = (appId: string | undefined) => `webhookInterests:${appId ?? 'sandbox'}`;
const noRegistration = () => notFound('No webhook interest registration for this user and client.');

export type Requester = { orgId: string; personId: string; appId?: string };

export class WebhookInterestService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async get(who: Requester): Promise<Registration> {
    const stored = await this.store.ownerSettings.get(owner(who.orgId, who.personId), keyOf(who.appId));
    const registration = stored === undefined ? undefined : (JSON.parse(stored) as Registration);
    if (!registration || registration.expiresAt <= timestamp(this.clock)) throw noRegistration();
    return { interests: registration.interests, expiresAt: registration.expiresAt };
  }

  /** Creates or replaces the registration. */
  async register(who: Requester, body: { interests: Interest[]; duration?: number }): Promise<void> {
    if (body.interests.length === 0) throw badRequest('interests needs at least one interest.');
    for (const interest of body.interests) {
      if ((interest.resource === undefined) === (interest.actor === undefined)) throw badRequest('Each interest sets exactly one of resource or actor.');
    }
    const days = body.duration ?? DEFAULT_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw badRequest(`duration must be a whole number of days from 1 to ${MAX_DAYS}.`);
    const interests = body.interests.map((i) => (i.resource !== undefined ? { resource: i.resource } : { actor: i.actor! }));
    const expiresAt = new Date(this.clock.now().getTime() + days * DAY_MS).toISOString();
    await this.store.ownerSettings.put(owner(who.orgId, who.personId), keyOf(who.appId), JSON.stringify({ interests, expiresAt }), timestamp(this.clock));
  }

  async delete(who: Requester): Promise<void> {
    await this.get(who);
    await this.store.ownerSettings.deleteSetting(owner(who.orgId, who.personId), keyOf(who.appId));
  }
}
