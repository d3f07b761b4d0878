import { badRequest } from '../errors.ts';
import { storedDocument } from '../settings/settings-service.ts';
import type { SettingDefinition, SettingDocument } from '../settings/setting-documents.ts';

// Emergency call notification (Kari's Law): who gets an email when someone calls emergency
// services, for the whole organization or per location. Configuration only: Callplane sends no
// email; the documents are stored and checked as Webex describes them.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.length > 320 || !EMAIL.test(value)) throw badRequest(`${field} must be an email address.`);
}

/** Enabling needs somewhere to send the email. */
function checkNotification(doc: SettingDocument): void {
  if (doc.emailAddress !== undefined) checkEmail('emailAddress', doc.emailAddress);
  if (doc.emergencyCallNotificationEnabled === true && doc.emailAddress === undefined) {
    throw badRequest('emailAddress is required when emergencyCallNotificationEnabled is true.');
  }
}

export const ORG_EMERGENCY_CALL_NOTIFICATION: SettingDefinition = {
  key: 'emergencyCallNotification',
  defaults: { emergencyCallNotificationEnabled: false, allowEmailNotificationAllLocationEnabled: false },
  check: checkNotification,
  changesCalls: false,
};

/**
 * A location's notification, shown with the organization's. A location may send its own email only
 * once the organization's notification is on ("once activated at the organization level").
 */
export const LOCATION_EMERGENCY_CALL_NOTIFICATION: SettingDefinition = {
  key: 'emergencyCallNotification',
  defaults: { emergencyCallNotificationEnabled: false },
  async check(doc, ctx) {
    checkNotification(doc);
    if (doc.emergencyCallNotificationEnabled !== true) return;
    const org = await storedDocument(ctx.store, ctx.orgId, ctx.orgId, ORG_EMERGENCY_CALL_NOTIFICATION, 'organization');
    if (org.emergencyCallNotificationEnabled !== true) {
      throw badRequest('Enable the organization’s emergency call notification before a location’s.');
    }
  },
  async present(doc, ctx) {
    return { ...doc, organization: await storedDocument(ctx.store, ctx.orgId, ctx.orgId, ORG_EMERGENCY_CALL_NOTIFICATION, 'organization') };
  },
  changesCalls: false,
};
