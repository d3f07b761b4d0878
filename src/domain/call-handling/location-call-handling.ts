import { lookupRoute } from '../call-routing/dial-plan-service.ts';
import { badRequest } from '../errors.ts';
import { encodeId } from '../webex-ids.ts';
import { checkTransferNumbers, DEFAULT_CALLING_PERMISSIONS, mergeCallingPermissions, withRestrictionFlag } from '../settings/calling-permissions.ts';
import { checkIntercept } from '../settings/permission-settings.ts';
import type { SettingDocument } from '../settings/setting-documents.ts';
import type { Location, Store } from '../../store/store.ts';

// A location's call handling documents (Location Call Settings: Call Handling), with Webex's
// defaults for a new location: intercept, internal dialing, and the outgoing permissions its
// people follow unless they have their own. Stored through the same owner settings as a person's.

export type LocationSettingContext = { store: Store; orgId: string; location: Location };

export type LocationSettingDefinition = {
  key: string;
  defaults: SettingDocument;
  check?: (next: SettingDocument, ctx: LocationSettingContext) => void | Promise<void>;
  present?: (doc: SettingDocument, ctx: LocationSettingContext) => Promise<SettingDocument>;
};

export const LOCATION_INTERCEPT: LocationSettingDefinition = {
  key: 'intercept',
  defaults: {
    enabled: false,
    incoming: {
      type: 'INTERCEPT_ALL',
      voicemailEnabled: false,
      announcements: { greeting: 'DEFAULT', newNumber: { enabled: false }, zeroTransfer: { enabled: false } },
    },
    outgoing: { type: 'INTERCEPT_ALL', transferEnabled: false },
  },
  check: async (doc, ctx) => {
    await checkIntercept(doc, { store: ctx.store, orgId: ctx.orgId, locationId: ctx.location.id });
    await checkGreetingFile(doc, ctx);
  },
};

/**
 * A location's intercept greeting names a file of the announcement repository (the location has no
 * upload of its own): one of this organization's, at its level or this location's. With the default
 * greeting a name that is no such file is dropped, as Webex shows an empty name until one exists.
 */
async function checkGreetingFile(doc: SettingDocument, ctx: LocationSettingContext): Promise<void> {
  const announcements = (doc.incoming as { announcements?: { greeting?: string; fileName?: string } } | undefined)?.announcements;
  const fileName = announcements?.fileName?.trim();
  if (!announcements || !fileName) return;
  const candidates = await ctx.store.announcements.list(ctx.orgId, { scope: { kind: 'all' }, fileName }, 0, 100);
  const held = candidates.items.some((a) => a.fileName === fileName && (a.locationId === null || a.locationId === ctx.location.id));
  if (held) return;
  if (announcements.greeting === 'CUSTOM') throw badRequest(`incoming.announcements.fileName "${fileName}" is not an announcement file of this location or organization.`);
  delete announcements.fileName;
}

/**
 * Unknown extensions: with the policy on, a dialled extension nobody in the location has goes to
 * the trunk or route group named (domain/calls/call-permissions.ts routes it there).
 */
export const INTERNAL_DIALING: LocationSettingDefinition = {
  key: 'internalDialing',
  defaults: { enableUnknownExtensionRoutePolicy: false },
  check: async (doc, ctx) => {
    const identity = doc.unknownExtensionRouteIdentity as { id: string; type: 'TRUNK' | 'ROUTE_GROUP' } | undefined;
    if (identity) {
      const route = await lookupRoute(ctx.store, ctx.orgId, identity.type, identity.id);
      if (!route) throw badRequest(`unknownExtensionRouteIdentity is not a ${identity.type === 'TRUNK' ? 'trunk' : 'route group'} of this organization.`);
      doc.unknownExtensionRouteIdentity = { id: identity.id, type: identity.type };
    }
    if (doc.enableUnknownExtensionRoutePolicy === true && !doc.unknownExtensionRouteIdentity) {
      throw badRequest('unknownExtensionRouteIdentity is required when enableUnknownExtensionRoutePolicy is true.');
    }
  },
  present: async (doc, ctx) => {
    const identity = doc.unknownExtensionRouteIdentity as { id: string; type: 'TRUNK' | 'ROUTE_GROUP' } | undefined;
    if (!identity) return doc;
    const route = await lookupRoute(ctx.store, ctx.orgId, identity.type, identity.id);
    // A trunk or route group deleted since routes nowhere.
    if (!route) return { enableUnknownExtensionRoutePolicy: false };
    return { ...doc, unknownExtensionRouteIdentity: { id: encodeId(identity.type, route.id), name: route.name, type: identity.type } };
  },
};

export const LOCATION_OUTGOING_PERMISSION: LocationSettingDefinition = {
  key: 'outgoingPermission',
  defaults: { callingPermissions: DEFAULT_CALLING_PERMISSIONS },
  check: (doc) => {
    doc.callingPermissions = mergeCallingPermissions(undefined, doc.callingPermissions);
  },
  present: async (doc) => ({ callingPermissions: withRestrictionFlag(doc.callingPermissions) }),
};

export const LOCATION_ACCESS_CODES: LocationSettingDefinition = { key: 'outgoingAccessCodes', defaults: { accessCodes: [] } };

export const LOCATION_TRANSFER_NUMBERS: LocationSettingDefinition = { key: 'outgoingTransferNumbers', defaults: {}, check: checkTransferNumbers };

export const LOCATION_DIGIT_PATTERNS: LocationSettingDefinition = { key: 'outgoingDigitPatterns', defaults: { digitPatterns: [] } };

export const LOCATION_SETTINGS: readonly LocationSettingDefinition[] = [
  LOCATION_INTERCEPT,
  INTERNAL_DIALING,
  LOCATION_OUTGOING_PERMISSION,
  LOCATION_ACCESS_CODES,
  LOCATION_TRANSFER_NUMBERS,
  LOCATION_DIGIT_PATTERNS,
];
