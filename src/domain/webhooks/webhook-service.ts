import { randomUUID } from 'node:crypto';
import type { Cursor, Page, Store } from '../../store/store.ts';
import type { DeliveryLogEntry, Webhook, WebhookOwner } from '../../store/webhooks-store.ts';
import { hasScope, isAdmin, ROLE_FULL_ADMIN, type Principal } from '../auth/scopes.ts';
import { timestamp, type Clock } from '../clock.ts';
import { decodeId } from '../webex-ids.ts';
import type { EgressPolicy } from './egress-policy.ts';
import { cannotDeactivate, invalidOwnedBy, orgWebhookNeedsAdmin, resourceScopeRequired, tooManyWebhooks, webhookNotFound } from './webhook-errors.ts';
import {
  applicationIdOf,
  CALL_RESOURCES,
  CALLS_READ_SCOPE,
  checkEvent,
  checkFilter,
  checkName,
  checkResource,
  checkTargetUrl,
  MAX_WEBHOOKS_PER_ORGANIZATION,
} from './webhook-rules.ts';

export type CreateWebhookInput = {
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  secret?: string;
  ownedBy?: string;
};

/** What PUT may change; every other field of the body is ignored, as Webex does. */
export type UpdateWebhookInput = { name: string; targetUrl: string; secret?: string; status?: string };

function ownerOf(value: string | undefined): WebhookOwner | undefined {
  if (value === undefined) return undefined;
  if (value !== 'org' && value !== 'creator') throw invalidOwnedBy(value);
  return value;
}

/**
 * The /v1/webhooks resource: its rules, no HTTP. A token sees the webhooks its person created;
 * an administrator also sees (and a full administrator changes) the organization's
 * (ownedBy org). Anything else is a 404, never a leak.
 */
export class WebhookService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly egress: EgressPolicy;

  constructor(store: Store, clock: Clock, egress: EgressPolicy) {
    this.store = store;
    this.clock = clock;
    this.egress = egress;
  }

  async list(principal: Principal, ownedBy: string | undefined, after: Cursor | undefined, max: number): Promise<Page<Webhook, Cursor>> {
    const viewer = { orgId: principal.orgId, personId: principal.personId, seesOrgOwned: isAdmin(principal) };
    return this.store.webhooks.list(viewer, ownerOf(ownedBy), after, max);
  }

  async create(principal: Principal, input: CreateWebhookInput): Promise<Webhook> {
    const resource = checkResource(input.resource);
    if (CALL_RESOURCES.includes(resource) && !hasScope(principal, CALLS_READ_SCOPE)) throw resourceScopeRequired(resource, CALLS_READ_SCOPE);
    const ownedBy = ownerOf(input.ownedBy) ?? 'creator';
    if (ownedBy === 'org' && !isAdmin(principal)) throw orgWebhookNeedsAdmin();
    const webhook: Webhook = {
      id: randomUUID(),
      orgId: principal.orgId,
      createdBy: principal.personId,
      // The app whose token creates it; sandbox tokens belong to the organization's one.
      appId: principal.appId ?? applicationIdOf(principal.orgId),
      name: checkName(input.name),
      targetUrl: checkTargetUrl(input.targetUrl, this.egress),
      resource,
      event: checkEvent(input.event, resource),
      filter: checkFilter(input.filter, resource),
      // An empty secret is no secret: deliveries go unsigned.
      secret: input.secret ? input.secret : null,
      ownedBy,
      status: 'active',
      consecutiveFailures: 0,
      created: timestamp(this.clock),
    };
    await this.store.transaction(async (tx) => {
      if ((await tx.webhooks.countInOrganization(webhook.orgId)) >= MAX_WEBHOOKS_PER_ORGANIZATION) throw tooManyWebhooks(MAX_WEBHOOKS_PER_ORGANIZATION);
      await tx.webhooks.insert(webhook);
    });
    return webhook;
  }

  async get(principal: Principal, publicId: string): Promise<Webhook> {
    return this.visible(this.store, principal, publicId);
  }

  /** Name, target URL and secret (absent: kept; empty: removed); status only `active`, which re-activates. */
  async update(principal: Principal, publicId: string, input: UpdateWebhookInput): Promise<Webhook> {
    if (input.status !== undefined && input.status !== 'active') throw cannotDeactivate();
    return this.store.transaction(async (tx) => {
      const webhook = await this.changeable(tx, principal, publicId);
      const secret = input.secret === undefined ? webhook.secret : input.secret === '' ? null : input.secret;
      const changes = { name: checkName(input.name), targetUrl: checkTargetUrl(input.targetUrl, this.egress), secret };
      await tx.webhooks.update(webhook.orgId, webhook.id, changes);
      // Re-activated, it receives what waited meanwhile, in order (see docs/webhooks.md).
      if (input.status === 'active' && webhook.status === 'inactive') await tx.webhooks.reactivate(webhook.orgId, webhook.id, timestamp(this.clock));
      return (await tx.webhooks.get(webhook.orgId, webhook.id))!;
    });
  }

  async delete(principal: Principal, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const webhook = await this.visible(tx, principal, publicId);
      // Its creator may always delete it (that takes no power); another person needs a full administrator.
      if (webhook.createdBy !== principal.personId && !principal.roles.includes(ROLE_FULL_ADMIN)) throw orgWebhookNeedsAdmin();
      await tx.webhooks.delete(webhook.orgId, webhook.id);
    });
  }

  /** The delivery log of a webhook its viewer may see, newest first. */
  async deliveries(principal: Principal, publicId: string, before: number | undefined, max: number): Promise<Page<DeliveryLogEntry, number>> {
    const webhook = await this.visible(this.store, principal, publicId);
    return this.store.webhooks.deliveries(webhook.id, before, max);
  }

  /**
   * A webhook the principal may send to by hand (a test event, a redelivery): as for changing
   * it, its creator, or a full administrator for the organization's.
   */
  async actionable(principal: Principal, publicId: string): Promise<Webhook> {
    return this.changeable(this.store, principal, publicId);
  }

  private async visible(store: Store, principal: Principal, publicId: string): Promise<Webhook> {
    const id = decodeId(publicId, 'WEBHOOK');
    const webhook = id && (await store.webhooks.get(principal.orgId, id));
    if (!webhook) throw webhookNotFound();
    const own = webhook.createdBy === principal.personId;
    if (!own && !(webhook.ownedBy === 'org' && isAdmin(principal))) throw webhookNotFound();
    return webhook;
  }

  /**
   * A read-only administrator sees the organization's webhooks but changes only their own; an
   * organization webhook is changed only by a current administrator, so a demoted one cannot
   * repoint it (docs/webhooks.md#security).
   */
  private async changeable(store: Store, principal: Principal, publicId: string): Promise<Webhook> {
    const webhook = await this.visible(store, principal, publicId);
    const own = webhook.createdBy === principal.personId;
    if (!own && !principal.roles.includes(ROLE_FULL_ADMIN)) throw orgWebhookNeedsAdmin();
    if (own && webhook.ownedBy === 'org' && !isAdmin(principal)) throw orgWebhookNeedsAdmin();
    return webhook;
  }
}
