import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.ts';
import * as locationCalling from './0002-location-calling.ts';
import * as callRouting from './0003-call-routing.ts';
import * as locationNumbers from './0004-location-numbers.ts';
import * as announcements from './0005-announcements.ts';
import * as receptionistContacts from './0006-receptionist-contacts.ts';
import * as calls from './0007-calls.ts';
import * as webhooks from './0008-webhooks.ts';
import * as pendingCallEvents from './0009-pending-call-events.ts';
import * as licenseUnits from './0010-license-units.ts';
import * as numbersByLocation from './0011-numbers-by-location.ts';
import * as lookupIndexes from './0012-lookup-indexes.ts';
import * as typedCallEvents from './0015-typed-call-events.ts';
import * as callTimers from './0017-call-timers.ts';
import * as oauth from './0019-oauth.ts';
import * as trunkPChargeInfo from './0023-trunk-p-charge-info.ts';
import * as ownerSettings from './0024-owner-settings.ts';
import * as phoneOffline from './0025-phone-offline.ts';
import * as schedules from './0026-schedules.ts';
import * as huntGroups from './0027-hunt-groups.ts';
import * as webhookTools from './0028-webhook-tools.ts';
import * as voicemail from './0032-voicemail.ts';
import * as voicemailGroups from './0033-voicemail-groups.ts';
import * as callQueues from './0036-call-queues.ts';
import * as featureDocuments from './0037-feature-documents.ts';
import * as autoAttendants from './0038-auto-attendants.ts';
import * as virtualExtensions from './0039-virtual-extensions-operating-modes.ts';
import * as callParkPickup from './0040-call-park-pickup.ts';
import * as pagingGroups from './0041-paging-groups.ts';
import * as workspaces from './0042-workspaces.ts';
import * as virtualLines from './0043-virtual-lines.ts';
import * as callRecords from './0044-call-records.ts';
import * as reports from './0045-reports.ts';
import * as callRecordings from './0046-call-recordings.ts';
import * as lineRecordingSettings from './0055-line-recording-settings.ts';
import * as personSchedules from './0056-person-schedules.ts';
import * as devices from './0060-devices.ts';
import * as dectNetworks from './0061-dect-networks.ts';
import * as deviceLayouts from './0062-device-layouts.ts';
import * as locationFloors from './0065-location-floors.ts';
import * as translationPatterns from './0070-translation-patterns.ts';
import * as routeLists from './0071-route-lists.ts';
import * as queueArrival from './0080-queue-arrival.ts';
import * as aiReceptionists from './0090-ai-receptionists.ts';
import * as deviceSettings from './0095-device-settings.ts';
import * as applicationLines from './0100-application-lines.ts';
import * as alternateNumbers from './0105-alternate-numbers.ts';
import * as announcementMedia from './0110-announcement-media.ts';
import * as hotdeskSessions from './0115-hotdesk-sessions.ts';
import * as callNotifications from './0120-call-notifications.ts';

// Every migration, in order. Names are permanent: a migration that has run is never edited,
// a change is a new entry.
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-location-calling': locationCalling,
  '0003-call-routing': callRouting,
  '0004-location-numbers': locationNumbers,
  '0005-announcements': announcements,
  '0006-receptionist-contacts': receptionistContacts,
  '0007-calls': calls,
  '0008-webhooks': webhooks,
  '0009-pending-call-events': pendingCallEvents,
  '0010-license-units': licenseUnits,
  '0011-numbers-by-location': numbersByLocation,
  '0012-lookup-indexes': lookupIndexes,
  '0015-typed-call-events': typedCallEvents,
  '0017-call-timers': callTimers,
  '0019-oauth': oauth,
  '0023-trunk-p-charge-info': trunkPChargeInfo,
  '0024-owner-settings': ownerSettings,
  '0025-phone-offline': phoneOffline,
  '0026-schedules': schedules,
  '0027-hunt-groups': huntGroups,
  '0028-webhook-tools': webhookTools,
  '0032-voicemail': voicemail,
  '0033-voicemail-groups': voicemailGroups,
  '0036-call-queues': callQueues,
  '0037-feature-documents': featureDocuments,
  '0038-auto-attendants': autoAttendants,
  '0039-virtual-extensions-operating-modes': virtualExtensions,
  '0040-call-park-pickup': callParkPickup,
  '0041-paging-groups': pagingGroups,
  '0042-workspaces': workspaces,
  '0043-virtual-lines': virtualLines,
  '0044-call-records': callRecords,
  '0045-reports': reports,
  '0046-call-recordings': callRecordings,
  '0055-line-recording-settings': lineRecordingSettings,
  '0056-person-schedules': personSchedules,
  '0060-devices': devices,
  '0061-dect-networks': dectNetworks,
  '0062-device-layouts': deviceLayouts,
  '0065-location-floors': locationFloors,
  '0070-translation-patterns': translationPatterns,
  '0071-route-lists': routeLists,
  '0080-queue-arrival': queueArrival,
  '0090-ai-receptionists': aiReceptionists,
  '0095-device-settings': deviceSettings,
  '0100-application-lines': applicationLines,
  '0105-alternate-numbers': alternateNumbers,
  '0110-announcement-media': announcementMedia,
  '0115-hotdesk-sessions': hotdeskSessions,
  '0120-call-notifications': callNotifications,
};
