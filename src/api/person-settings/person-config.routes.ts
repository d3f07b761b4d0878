import { anyOf } from '../../domain/auth/scopes.ts';
import { notFound } from '../../domain/errors.ts';
import * as ring from '../../domain/settings/ring-settings.ts';
import type { SettingItemsService } from '../../domain/settings/setting-items.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import { decodeIdValue, encodeId } from '../../domain/webex-ids.ts';
import { operations as phase1 } from '../../generated/webex/beta-call-settings-for-me-with-userhub-phase1.ts';
import { operations as phase4 } from '../../generated/webex/call-settings-for-me-phase-4.ts';
import { operations as phase5 } from '../../generated/webex/call-settings-for-me-phase-5.ts';
import { operations as phase2 } from '../../generated/webex/call-settings-for-me-with-userhub-phase2.ts';
import { operations as phase3 } from '../../generated/webex/call-settings-for-me-with-userhub-phase3.ts';
import { operations as forMe } from '../../generated/webex/call-settings-for-me.ts';
import { operations as snr } from '../../generated/webex/features-single-number-reach.ts';
import { operations as monitoring } from '../../generated/webex/person-call-settings.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { settingItemRoutes, type ItemOperations } from './setting-item-routes.ts';
import { mySettingRoutes, personSettingRoutes, type MySettingDeps, type SettingPair } from './setting-routes.ts';

// The configuration and ring settings of a person (domain/settings/person-config-settings.ts,
// ring-settings.ts) by their Webex operations: GET/PUT pairs of documents and the operations on
// their sub-items, on the admin paths and the Call Settings For Me paths. Table driven: adding a
// setting is a row.

const ADMIN_PAIRS: readonly SettingPair[] = [
  { setting: 'applicationServices', get: user.getPersonsAppServicesSettingsNew, put: user.modifyApplicationServicesSettingsOfAPerson },
  { setting: 'pushToTalk', get: user.readPushToTalkSettingsForAPerson, put: user.configurePushToTalkSettingsForAPerson },
  { setting: 'monitoring', get: monitoring.getMonitoringSettingsPerson, put: monitoring.modifyMonitoringSettingsPerson },
  { setting: 'executiveAssistant', get: user.retrieveExecutiveAssistantSettingsForAPerson, put: user.modifyExecutiveAssistantSettingsForAPerson },
  { setting: 'executiveAlert', get: user.getPersonExecutiveAlertSettings, put: user.updatePersonExecutiveAlertSettings },
  { setting: 'executiveScreening', get: user.getPersonExecutiveScreeningSettings, put: user.updatePersonExecutiveScreeningSettings },
  { setting: 'executiveAssignedAssistants', get: user.getPersonExecutiveAssignedAssistants, put: user.modifyPersonExecutiveAssignedAssistants },
  { setting: 'executiveAssistantSettings', get: user.getPersonExecutiveAssistantSettings, put: user.modifyPersonExecutiveAssistantSettings },
  { setting: 'executiveCallFiltering', get: user.getPersonExecutiveCallFilteringSettings, put: user.updatePersonExecutiveCallFilteringSettings },
  { setting: 'callCaptions', get: user.getUserCallCaptionsSettings, put: user.modifyUserCallCaptionsSettings },
  { setting: 'musicOnHold', get: user.retrieveMusicOnHoldSettingsForPerson, put: user.configureMusicOnHoldSettingsForPerson },
  { setting: 'outboundBillingPlan', get: user.getPersonOutboundBillingPlan, put: user.updatePersonOutboundBillingPlan },
  { setting: 'personalAssistant', get: user.getPersonalAssistant, put: user.modifyPersonalAssistant },
  { setting: 'msTeams', get: user.getPersonMSTeamsSettings, put: user.configurePersonMSTeamsSetting },
  { setting: 'simultaneousRing', get: user.getPersonSimultaneousRingSettings, put: user.updatePersonSimultaneousRingSettings },
  { setting: 'selectiveAccept', get: user.getUserSelectiveCallAcceptCriteriaList, put: user.updateUserSelectiveCallAcceptCriteria },
  { setting: 'selectiveReject', get: user.getUserSelectiveCallRejectionCriteriaListing, put: user.updateUserSelectiveCallRejectionCriteriaList },
  { setting: 'selectiveForward', get: user.getUserSelectiveCallForwarding, put: user.updateUserSelectiveCallForwardingCriteriaList },
  { setting: 'singleNumberReach', get: snr.getSingleNumberReachSettingsForAPerson, put: snr.updateSingleNumberReachSettingsForAPerson },
  { setting: 'preferredAnswerEndpoint', get: user.getPreferredAnswerEndpoint, put: user.modifyPreferredAnswerEndpoint },
];

const MY_PAIRS: readonly SettingPair[] = [
  { setting: 'callPolicies', get: phase1.getMyCallPoliciesSettings, put: phase1.updateMyCallPoliciesSettings },
  { setting: 'executiveAlert', get: phase1.getMyExecutiveAlertSettings, put: phase1.updateMyExecutiveAlertSettings },
  { setting: 'executiveScreening', get: phase1.getMyExecutiveScreeningSettings, put: phase1.updateMyExecutiveScreeningSettings },
  { setting: 'executiveCallFiltering', get: phase1.getMyExecutiveCallFilteringSettings, put: phase1.updateMyExecutiveCallFilteringSettings },
  { setting: 'executiveAssignedAssistants', get: forMe.getMyExecutiveAssignedAssistants, put: forMe.modifyMyExecutiveAssignedAssistants },
  { setting: 'executiveAssistantSettings', get: forMe.getMyExecutiveAssistantSettings, put: forMe.modifyMyExecutiveAssistantSettings },
  { setting: 'monitoring', get: forMe.getMyMonitoringSettings },
  { setting: 'callCaptions', get: forMe.getMyCallCaptionsSettings },
  { setting: 'callBlock', get: forMe.getMyCallBlockSettings },
  { setting: 'speedDials', get: forMe.getSpeedDials, put: forMe.modifySpeedDials },
  { setting: 'singleNumberReach', get: forMe.getMySingleNumberReachSettings, put: forMe.modifyMySingleNumberReachSettings },
  { setting: 'callNotify', get: phase2.getMyCallNotifySettings, put: phase2.updateMyCallNotifySettings },
  { setting: 'priorityAlert', get: phase2.getMyPriorityAlertSettings, put: phase2.updateMyPriorityAlertSettings },
  { setting: 'selectiveAccept', get: phase2.getMySelectiveAcceptSettings, put: phase2.updateMySelectiveAcceptSettings },
  { setting: 'selectiveForward', get: phase2.getMySelectiveForwardSettings, put: phase2.updateMySelectiveForwardSettings },
  { setting: 'selectiveReject', get: phase3.getMySelectiveRejectSettings, put: phase3.updateMySelectiveRejectSettings },
  { setting: 'sequentialRing', get: phase3.getMySequentialRingSettings, put: phase3.updateMySequentialRingSettings },
  { setting: 'mySimultaneousRing', get: phase4.getMySimultaneousRingSettings, put: phase4.updateMySimultaneousRingSettings },
  { setting: 'hotelingGuest', get: phase5.getHotelingGuestSettings, put: phase5.updateHotelingGuestSettings },
  { setting: 'myPersonalAssistant', get: phase5.getPersonalAssistantSettings, put: phase5.updatePersonalAssistantSettings },
];

const ADMIN_ITEMS: readonly ItemOperations[] = [
  {
    collection: ring.SIMULTANEOUS_RING_CRITERIA,
    create: user.createPersonSimultaneousRingCriteria,
    get: user.getPersonSimultaneousRingCriteria,
    update: user.updatePersonSimultaneousRingCriteria,
    delete: user.deletePersonSimultaneousRingCriteria,
  },
  {
    collection: ring.SELECTIVE_ACCEPT_CRITERIA,
    create: user.createCriteriaToUserSelectiveCallAcceptService,
    get: user.getCriteriaForUserSelectiveCallAcceptService,
    update: user.modifyCriteriaFromUserSelectiveCallAcceptService,
    delete: user.deleteCriteriaFromUserSelectiveCallAcceptService,
  },
  {
    collection: ring.SELECTIVE_REJECT_CRITERIA,
    create: user.createCriteriaToUserSelectiveCallRejectionService,
    get: user.getCriteriaForUserSelectiveCallRejectionService,
    update: user.modifyCriteriaForUserSelectiveCallRejectionService,
    delete: user.deleteCriteriaFromUserSelectiveCallRejectionService,
  },
  {
    collection: ring.SELECTIVE_FORWARD_CRITERIA,
    create: user.createCriteriaToUserSelectiveCallForwardingService,
    get: user.getCriteriaForUserSelectiveCallForwardingService,
    update: user.modifyCriteriaForUserSelectiveCallForwardingService,
    delete: user.deleteCriteriaFromUserSelectiveCallForwardingService,
  },
  {
    collection: ring.EXECUTIVE_FILTER_CRITERIA,
    create: user.createPersonExecutiveCallFilteringCriteria,
    get: user.getPersonExecutiveCallFilteringCriteria,
    update: user.updatePersonExecutiveCallFilteringCriteria,
    delete: user.deletePersonExecutiveCallFilteringCriteria,
  },
  {
    collection: ring.SINGLE_NUMBER_REACH_NUMBERS,
    create: snr.createSingleNumberReachForAPerson,
    update: snr.updateSingleNumberReachSettingsForANumber,
    delete: snr.deleteASingleNumberReachNumber,
  },
];

const MY_ITEMS: readonly ItemOperations[] = [
  {
    collection: ring.SIMULTANEOUS_RING_CRITERIA,
    create: phase4.createMySimultaneousRingCriteria,
    get: phase4.getMySimultaneousRingCriteria,
    update: phase4.updateMySimultaneousRingCriteria,
    delete: phase4.deleteMySimultaneousRingCriteria,
  },
  {
    collection: ring.SEQUENTIAL_RING_CRITERIA,
    create: phase3.createMySequentialRingCriteria,
    get: phase3.getMySequentialRingCriteriaSettings,
    update: phase3.updateMySequentialRingCriteriaSettings,
    delete: phase3.deleteMySequentialRingCriteria,
  },
  {
    collection: ring.SELECTIVE_REJECT_CRITERIA,
    create: phase3.createMySelectiveRejectCriteria,
    get: phase3.getMySelectiveRejectCriteriaSettings,
    update: phase3.updateMySelectiveCallRejectCriteriaSettings,
    delete: phase3.deleteMySelectiveCallRejectCriteria,
  },
  {
    collection: ring.SELECTIVE_ACCEPT_CRITERIA,
    create: phase2.createMySelectiveAcceptCriteria,
    get: phase2.getMySelectiveAcceptCriteriaSettings,
    update: phase2.updateMySelectiveCallAcceptCriteriaSettings,
    delete: phase2.deleteMySelectiveCallAcceptCriteria,
  },
  {
    collection: ring.SELECTIVE_FORWARD_CRITERIA,
    create: phase2.createMySelectiveCallForwardCriteria,
    get: phase2.getMySelectiveCallForwardCriteria,
    update: phase2.updateMySelectiveCallForwardingCriteriaSettings,
    delete: phase2.deleteMySelectiveCallForwardingCriteria,
  },
  {
    collection: ring.PRIORITY_ALERT_CRITERIA,
    create: phase2.createMyPriorityAlertCriteria,
    get: phase2.getMyPriorityAlertCriteriaSettings,
    update: phase2.updateMyPriorityAlertCriteriaSettings,
    delete: phase2.deleteMyPriorityAlertCriteria,
  },
  {
    collection: ring.CALL_NOTIFY_CRITERIA,
    create: phase2.createMyCallNotifyCriteria,
    get: phase2.getMyCallNotifyCriteriaSettings,
    update: phase2.updateMyCallNotifyCriteriaSettings,
    delete: phase2.deleteMyCallNotifyCriteria,
  },
  {
    collection: ring.EXECUTIVE_FILTER_CRITERIA,
    create: phase1.createMyExecutiveCallFilteringCriteria,
    get: phase1.getMyExecutiveCallFilteringCriteria,
    update: phase1.updateMyExecutiveCallFilteringCriteria,
    delete: phase1.deleteMyExecutiveCallFilteringCriteria,
  },
  {
    collection: ring.SINGLE_NUMBER_REACH_NUMBERS,
    create: forMe.addPhoneNumberAsSingleNumberReach,
    update: forMe.modifyMySingleNumberReachContactSettings,
    delete: forMe.deleteMySingleNumberReachContactSettings,
  },
  { collection: ring.CALL_BLOCK_NUMBERS, create: forMe.addPhoneNumberToMyCallBlockList, delete: forMe.deleteMyCallBlockNumber },
];

export function personConfigRoutes(server: Server, deps: MySettingDeps & { items: SettingItemsService }): void {
  for (const pair of ADMIN_PAIRS) personSettingRoutes(server, deps, pair);
  for (const pair of MY_PAIRS) mySettingRoutes(server, deps, pair);
  for (const ops of ADMIN_ITEMS) settingItemRoutes(server, deps, 'admin', ops);
  for (const ops of MY_ITEMS) settingItemRoutes(server, deps, 'me', ops);

  // Any number may be asked about: its ID names it, and the answer says whether it is blocked.
  webexRoute(server, forMe.getMyCallBlockStateForASpecificNumber, {
    auth: anyOf('spark:telephony_config_read', 'spark:calls_read'),
    handler: async (request) => {
      const principal = principalOf(request);
      const doc = await deps.settings.get(principal.orgId, encodeId('PEOPLE', principal.personId), 'callBlock');
      const number = decodeIdValue(request.params.phoneNumberId, 'PHONE_NUMBER');
      // The ID must name a phone number: anything else names nothing to ask about.
      if (!number || !/^\+?\d{2,15}$/.test(number)) throw notFound('The phone number ID names no phone number.');
      return { blockCallsEnabled: (doc.numbers as { phoneNumber: string }[]).some((n) => n.phoneNumber === number) };
    },
  });
}
