import { operations as phase1 } from '../../generated/webex/beta-call-settings-for-me-with-userhub-phase1.ts';
import { operations as phase3 } from '../../generated/webex/call-settings-for-me-with-userhub-phase3.ts';
import { operations as forMe } from '../../generated/webex/call-settings-for-me.ts';
import { operations as deviceSettings } from '../../generated/webex/device-call-settings.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import type { Server } from '../../http/types.ts';
import { mySettingRoutes, personSettingRoutes, type MySettingDeps, type SettingPair } from './setting-routes.ts';

// Every person setting served through the one settings mechanism, by its Webex operations. The
// keys are the registry's (domain/settings/person-settings.ts).

export const ADMIN_SETTING_PAIRS: readonly SettingPair[] = [
  { setting: 'doNotDisturb', get: user.readDoNotDisturbSettingsForAPerson, put: user.configureDoNotDisturbSettingsForAPerson },
  { setting: 'callWaiting', get: user.readCallWaitingSettingsForAPerson, put: user.configureCallWaitingSettingsForAPerson },
  { setting: 'callForwarding', get: user.readForwardingSettingsForAPerson, put: user.configureCallForwardingSettingsForAPerson },
  { setting: 'hoteling', get: user.readHotelingSettingsForAPerson, put: user.configureHotelingSettingsForAPerson },
  { setting: 'callBridge', get: user.readCallBridgeSettingsPerson, put: user.configureCallBridgeSettingsPerson },
  { setting: 'callingBehavior', get: user.readCallingBehaviorForAPerson, put: user.configureCallingBehaviorForAPerson },
  {
    setting: 'timeZoneAndLanguage',
    get: user.getTimezoneAnnouncementLanguageSettingsOfAPerson,
    put: user.modifyTimezoneAnnouncementLanguageSettingsOfAPerson,
  },
  { setting: 'reception', get: user.readReceptionistClientSettingsForAPerson, put: user.configureReceptionistClientSettingsForAPerson },
  { setting: 'voicemail', get: user.readVoicemailSettingsForAPerson, put: user.configureVoicemailSettingsForAPerson },
  { setting: 'deviceCompression', get: deviceSettings.getDeviceSettingsForAPerson, put: deviceSettings.updateDeviceSettingsForAPerson },
];

export const MY_SETTING_PAIRS: readonly SettingPair[] = [
  { setting: 'doNotDisturb', get: phase1.getMyDoNotDisturbSettings, put: phase1.updateMyDoNotDisturbSettings },
  { setting: 'callWaiting', get: phase3.getMyCallWaitingSettings, put: phase3.updateMyCallWaitingSettings },
  { setting: 'callForwarding', get: forMe.getMyCallForwardingSettings, put: forMe.modifyMyCallForwardingSettings },
  { setting: 'webexGoOverride', get: forMe.getMyWebexGoOverrideSettings, put: forMe.modifyMyWebexGoOverrideSettings },
  { setting: 'voicemail', get: forMe.getMyVoicemailSettings, put: forMe.modifyMyVoicemailSettings },
  // The same documents of a secondary line the person carries (its owner's).
  { setting: 'callForwarding', get: forMe.getMySecondaryLinesCallForwardingSettings, put: forMe.modifyMySecondaryLinesCallForwardingSettings },
  {
    setting: 'voicemail',
    get: forMe.getMySecondaryLinesVoicemailSettings,
    put: forMe.modifyMySecondaryLinesVoicemailSettings,
    // A virtual line has no email address of its own, and this shape requires one: empty until set.
    present: (doc) => ({
      ...doc,
      emailCopyOfMessage: { emailId: '', ...(doc.emailCopyOfMessage as object | undefined) },
      messageStorage: { externalEmail: '', ...(doc.messageStorage as object | undefined) },
    }),
  },
];

export function personSettingsRoutes(server: Server, deps: MySettingDeps): void {
  for (const pair of ADMIN_SETTING_PAIRS) personSettingRoutes(server, deps, pair);
  for (const pair of MY_SETTING_PAIRS) mySettingRoutes(server, deps, pair);
}
