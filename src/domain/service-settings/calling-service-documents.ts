import { badRequest } from '../errors.ts';
import { storedDocument } from '../settings/settings-service.ts';
import type { SettingContext, SettingDefinition, SettingDocument } from '../settings/setting-documents.ts';
import { encodeId } from '../webex-ids.ts';

// Organization- and location-level documents of Calling Service Settings, Client Call Settings and
// the configurable storage region: configuration only (no simulated call has captions, a storage
// region or a Teams client), stored per owner with Webex's defaults and the rules its
// descriptions state. A location's document shows the organization's values it inherits.

/** Closed captions and transcripts (the rolling caption panel) of the organization. */
export const ORG_CALL_CAPTIONS: SettingDefinition = {
  key: 'callCaptions',
  defaults: { orgClosedCaptionsEnabled: true, orgTranscriptsEnabled: true },
  changesCalls: false,
};

/** A location follows the organization's captions unless it says otherwise; Webex has none for India. */
export const LOCATION_CALL_CAPTIONS: SettingDefinition = {
  key: 'callCaptions',
  defaults: { locationClosedCaptionsEnabled: true, locationTranscriptsEnabled: true, useOrgSettingsEnabled: true },
  async check(_doc, ctx) {
    const location = await ctx.store.locations.get(ctx.orgId, ctx.owner.id);
    if (location?.address.country.toUpperCase() === 'IN') throw badRequest('The call captions feature is not supported for locations in India.');
  },
  async present(doc, ctx) {
    return { ...doc, ...(await organizationDocument(ctx, ORG_CALL_CAPTIONS)) };
  },
  changesCalls: false,
};

/** The organization's default music on hold: Opus Number 1 (as other Cisco products) or the legacy music. */
export const ORG_MUSIC_ON_HOLD: SettingDefinition = {
  key: 'musicOnHoldTheme',
  defaults: { defaultOrgMoh: 'OPUS' },
  check(doc) {
    if (doc.defaultOrgMoh !== 'OPUS' && doc.defaultOrgMoh !== 'LEGACY') throw badRequest('defaultOrgMoh must be OPUS or LEGACY.');
  },
  changesCalls: false,
};

/** The storage regions Webex Calling offers (ISO 3166-1 alpha-2); India keeps voicemail in the country. */
export const DATA_REGIONS = [
  { code: 'AU', name: 'Australia', isVoicemailStorageRestrictionEnabled: false },
  { code: 'CA', name: 'Canada', isVoicemailStorageRestrictionEnabled: false },
  { code: 'DE', name: 'Germany', isVoicemailStorageRestrictionEnabled: false },
  { code: 'GB', name: 'United Kingdom', isVoicemailStorageRestrictionEnabled: false },
  { code: 'IN', name: 'India', isVoicemailStorageRestrictionEnabled: true },
  { code: 'JP', name: 'Japan', isVoicemailStorageRestrictionEnabled: false },
  { code: 'NL', name: 'Netherlands', isVoicemailStorageRestrictionEnabled: false },
  { code: 'SA', name: 'Saudi Arabia', isVoicemailStorageRestrictionEnabled: false },
  { code: 'SG', name: 'Singapore', isVoicemailStorageRestrictionEnabled: false },
  { code: 'US', name: 'United States', isVoicemailStorageRestrictionEnabled: false },
] as const;

function checkRegion(field: string, value: unknown): void {
  if (value === undefined) return;
  if (!DATA_REGIONS.some((r) => r.code === value)) throw badRequest(`${field} "${String(value)}" is not an available storage region (GET /v1/telephony/config/dataPolicies/regions).`);
}

/** Where the organization's calling data is stored; Callplane's organizations start in the US (**choice**). */
export const ORG_DATA_POLICY: SettingDefinition = {
  key: 'dataPolicy',
  defaults: { orgDataRegion: 'US' },
  check: (doc) => checkRegion('orgDataRegion', doc.orgDataRegion),
  computed: () => ({ allowEditEnabled: true }),
  changesCalls: false,
};

/** A location stores its data in the organization's region unless it names its own. */
export const LOCATION_DATA_POLICY: SettingDefinition = {
  key: 'dataPolicy',
  defaults: { useOrgDataRegionEnabled: true },
  check(doc) {
    checkRegion('locationDataRegion', doc.locationDataRegion);
    if (doc.useOrgDataRegionEnabled === false && doc.locationDataRegion === undefined) {
      throw badRequest('locationDataRegion is required when useOrgDataRegionEnabled is false.');
    }
  },
  async present(doc, ctx) {
    const { orgDataRegion } = await organizationDocument(ctx, ORG_DATA_POLICY);
    const own = doc.useOrgDataRegionEnabled === false;
    return { orgDataRegion, locationDataRegion: own ? doc.locationDataRegion : orgDataRegion, useOrgDataRegionEnabled: !own, allowEditEnabled: true };
  },
  changesCalls: false,
};

export const MS_TEAMS_SETTINGS = ['HIDE_WEBEX_APP', 'PRESENCE_SYNC'] as const;

/**
 * The organization's Microsoft Teams client settings. Stored as {settingName: {value, lastModified}};
 * shown as Webex lists them: the organization's level once any is set there, the global defaults
 * (off, since the organization was created) before.
 */
export const MS_TEAMS: SettingDefinition = {
  key: 'msTeams',
  defaults: {},
  // A PUT names one setting ({settingName, value}): it is laid over the document as given, and
  // kept under its name with the time it changed.
  check(next, ctx) {
    const { settingName, value } = next;
    delete next.settingName;
    delete next.value;
    if (typeof settingName === 'string' && typeof value === 'boolean') next[settingName] = { value, lastModified: ctx.now };
  },
  async present(doc, ctx) {
    const created = (await ctx.store.organizations.get(ctx.orgId))?.created ?? '';
    const set = Object.keys(doc).length > 0;
    return {
      level: set ? 'ORGANIZATION' : 'GLOBAL',
      orgId: encodeId('ORGANIZATION', ctx.orgId),
      settings: MS_TEAMS_SETTINGS.map((settingName) => {
        const stored = doc[settingName] as { value: boolean; lastModified: string } | undefined;
        return { settingName, level: stored ? 'ORGANIZATION' : 'GLOBAL', value: stored?.value ?? false, lastModified: stored?.lastModified ?? created };
      }),
    };
  },
  changesCalls: false,
};

/** The organization's document a location's document shows beside its own. */
function organizationDocument(ctx: SettingContext, definition: SettingDefinition): Promise<SettingDocument> {
  return storedDocument(ctx.store, ctx.orgId, ctx.orgId, definition, 'organization').then((doc) => (definition.computed ? { ...doc, ...definition.computed(doc, ctx) } : doc));
}
