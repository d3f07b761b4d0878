import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { encodeId } from '../../../src/domain/webex-ids.ts';
import { upload, wav } from '../../support/announcements.ts';
import { createDialPlan, createRouteGroup, createTrunk, newDialPattern } from '../../support/call-routing.ts';
import type { Client } from '../../support/client.ts';
import { memberLine } from '../../support/devices.ts';
import { createCallingUser, createLocation, createOrganization, createPerson, defaultLocation, freeExtension, licenses, unique } from '../../support/factories.ts';
import { hotDeskWorkspace, signIn, voicePortalSignIn } from '../../support/hotdesk.ts';
import type { TestServer } from '../../support/server.ts';

// One real object of every kind a Webex API path names, in an organization: what the bad-input
// and isolation suites put in paths, queries and bodies, their own and another organization's.

/** Real IDs by the path parameter names of the OpenAPI document (personId, locationId, …). */
export type IdMap = Record<string, string>;

export type OrganizationWorld = {
  admin: Client;
  ids: IdMap;
  /** Text that only this organization's data holds (IDs, numbers): seen in another's answer, it leaked. */
  markers: string[];
  /** A free number of the default location, E.164. */
  freeNumber: string;
  /** Where the webhooks it makes point: a local receiver that answers 200. */
  targetUrl: string;
};

/**
 * Operations whose path ID encodes a value, not an object: a call block state is asked about any
 * phone number (its ID is the number's), and the answer says only whether the caller's own list holds it.
 */
export const VALUE_IDS: ReadonlySet<string> = new Set(['GET /v1/telephony/config/people/me/settings/callBlock/numbers/{phoneNumberId}']);

/**
 * The path parameters that are not IDs, and what to put in them. accessCode: every world's
 * workspace holds this code (a value, never a marker of one organization's data). scheduleType: a
 * person's schedules name the type as the location paths' {type}. phoneNumber (PSTN: a number's
 * emergency address): a number nobody holds, since an ID map entry would also be sent as every
 * body's phoneNumber, where another organization's number is a legitimate external number.
 * countryCode: a country's address requirements are the same for every organization.
 */
export const FIXED_PARAMS: Record<string, string> = { action: 'answer', type: 'holidays', accessCode: '73195', scheduleType: 'holidays', phoneNumber: '+15555550123', countryCode: 'US' };

let pstnCaller = 0;

/**
 * Makes one of everything in the organization of `admin`. The calls it places ring until the
 * clock says otherwise: run it on a manual clock to keep them ringing.
 */
export async function organizationWorld(admin: Client, targetUrl: string): Promise<OrganizationWorld> {
  const me = (await admin.get('/v1/people/me', { callingData: true })).body;
  const hq = await defaultLocation(admin);
  const lic = await licenses(admin);
  // A calling user the suites may change or delete: never the administrator whose token they use.
  const person = await createCallingUser(admin);

  const trunk = await createTrunk(admin, hq.id);
  const routeGroup = await createRouteGroup(admin, [trunk.id]);
  const dialPlan = await createDialPlan(admin, { id: routeGroup.id, type: 'ROUTE_GROUP' }, [newDialPattern()]);

  // A routing prefix job: a calling location with one member whose prefix changes.
  const branch = await createLocation(admin);
  const location = (await admin.get(`/v1/locations/${branch.id}`)).body;
  const enabled = await admin.post('/v1/telephony/config/locations', location);
  assert.equal(enabled.status, 201, enabled.text);
  await createPerson(admin, { extension: freeExtension(), locationId: branch.id, licenses: [lic.professional] }, { callingData: 'true' });
  const prefix = String(100 + Math.floor(Math.random() * 8900));
  const job = await admin.put(`/v1/telephony/config/locations/${branch.id}`, { routingPrefix: prefix });
  assert.equal(job.status, 200, job.text);

  const announcement = await upload(admin, 'POST', '/v1/telephony/config/announcements', { name: unique('Greeting '), content: wav() });
  assert.equal(announcement.status, 201, announcement.text);
  // Announcement Repository with Media URLs: the announcement's file is the s3Path (and a media
  // link's mediaId); a text-to-speech prompt.
  const fileUri = await admin.get(`/v1/telephony/config/announcements/${announcement.body.id}/fileUri`);
  assert.equal(fileUri.status, 200, fileUri.text);
  const s3Path = (fileUri.body.fileUri as string).split('/media/urls/')[1]!;
  const tts = await admin.post('/v1/telephony/config/textToSpeech/actions/generate/invoke', { voice: 'ashley', text: unique('Welcome '), languageCode: 'en_us' });
  assert.equal(tts.status, 202, tts.text);
  const directory = await admin.post(`/v1/telephony/config/locations/${hq.id}/receptionistContacts/directories`, {
    name: unique('Dir '),
    contacts: [{ personId: person.id }],
  });
  assert.equal(directory.status, 200, directory.text);

  // A workspace with a Webex Calling line (its settings, numbers and simulated phone).
  const workspace = await admin.post('/v1/workspaces', {
    displayName: unique('Lobby '),
    locationId: hq.id,
    calling: { type: 'webexCalling', webexCalling: { extension: freeExtension() } },
  });
  assert.equal(workspace.status, 201, workspace.text);
  // An access code of the workspace's own (what {accessCode} names).
  const workspaceCode = await admin.post(`/v1/workspaces/${workspace.body.id}/features/outgoingPermission/accessCodes`, { code: FIXED_PARAMS.accessCode, description: 'Lobby' });
  assert.equal(workspaceCode.status, 201, workspaceCode.text);
  const virtualLine = await admin.post('/v1/telephony/config/virtualLines', { firstName: 'Front', lastName: unique('Desk'), locationId: hq.id, extension: freeExtension() });
  assert.equal(virtualLine.status, 201, virtualLine.text);

  // A holidays schedule with an event, and a hunt group with a selective forwarding rule naming it.
  // Schedule and event IDs carry their names (as at Webex): unique names keep them this organization's.
  const schedules = `/v1/telephony/config/locations/${hq.id}/schedules`;
  const holidays = unique('Holidays ');
  const schedule = await admin.post(schedules, { type: 'holidays', name: holidays });
  assert.equal(schedule.status, 201, schedule.text);
  const event = await admin.post(`${schedules}/holidays/${schedule.body.id}/events`, { name: unique('New Year '), startDate: '2027-01-01', endDate: '2027-01-01', allDayEnabled: true });
  assert.equal(event.status, 201, event.text);
  const noAnswer = { nextAgentEnabled: true, nextAgentRings: 3, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false };
  const huntGroup = await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups`, {
    name: unique('Hunt '),
    extension: freeExtension(),
    enabled: true,
    callPolicies: { policy: 'REGULAR', noAnswer },
    agents: [{ id: person.id }],
  });
  assert.equal(huntGroup.status, 200, huntGroup.text);
  const rule = await admin.post(`/v1/telephony/config/locations/${hq.id}/huntGroups/${huntGroup.body.id}/callForwarding/selectiveRules`, {
    name: 'Holidays',
    holidaySchedule: holidays,
    forwardTo: { selection: 'FORWARD_TO_SPECIFIED_NUMBER', phoneNumber: '+14155550100' },
    callsFrom: { selection: 'ANY', customNumbers: { privateNumberEnabled: false, unavailableNumberEnabled: false } },
    callsTo: { numbers: [] },
  });
  assert.equal(rule.status, 201, rule.text);

  // An outgoing permission digit pattern of the location (people's have IDs of the same kind).
  const digitPattern = await admin.post(`/v1/telephony/config/locations/${hq.id}/outgoingPermission/digitPatterns`, {
    name: unique('Pattern '),
    pattern: '1900!',
    action: 'BLOCK',
    transferEnabled: true,
  });
  assert.equal(digitPattern.status, 201, digitPattern.text);
  // An auto attendant (with a business schedule, a custom greeting file and a forwarding rule), a
  // virtual extension and a range, and an operating mode with a holiday.
  const office = unique('Office ');
  assert.equal((await admin.post(schedules, { type: 'businessHours', name: office, events: [{ name: 'Open', startDate: '2027-01-04', endDate: '2027-01-04', startTime: '09:00', endTime: '17:00' }] })).status, 201);
  const greeting = unique('greeting-') + '.wav';
  const menu = { greeting: 'DEFAULT', extensionEnabled: true, keyConfigurations: [{ key: '0', action: 'TRANSFER_TO_OPERATOR', value: '1000' }] };
  const attendant = await admin.post(`/v1/telephony/config/locations/${hq.id}/autoAttendants`, {
    name: unique('Reception '),
    extension: freeExtension(),
    businessSchedule: office,
    businessHoursMenu: { ...menu, greeting: 'CUSTOM', audioAnnouncementFile: { id: announcement.body.id, fileName: greeting, mediaFileType: 'WAV', level: 'ORGANIZATION' } },
    afterHoursMenu: menu,
  });
  assert.equal(attendant.status, 201, attendant.text);
  const virtual = await admin.post('/v1/telephony/config/virtualExtensions', { displayName: unique('Field '), phoneNumber: '+14085550100', extension: freeExtension(), locationId: hq.id });
  assert.equal(virtual.status, 201, virtual.text);
  const range = await admin.post('/v1/telephony/config/virtualExtensionRanges', { name: unique('Range '), prefix: '+1408555', patterns: ['9XXX'] });
  assert.equal(range.status, 201, range.text);
  const mode = await admin.post('/v1/telephony/config/operatingModes/', { name: unique('Mode '), type: 'HOLIDAY', level: 'LOCATION', locationId: hq.id, holidays: [] });
  assert.equal(mode.status, 201, mode.text);
  const modeHoliday = await admin.post(`/v1/telephony/config/operatingModes/${mode.body.id}/holidays`, { name: unique('Closed '), allDayEnabled: true, startDate: '2027-01-01', endDate: '2027-01-01' });
  assert.equal(modeHoliday.status, 201, modeHoliday.text);
  // A voicemail group, and a voice message a PSTN caller left in the calling user's box.
  const voicemailGroup = await admin.post(`/v1/telephony/config/locations/${hq.id}/voicemailGroups`, {
    name: unique('Box '),
    extension: Number(freeExtension()),
    passcode: 740215,
    languageCode: 'en_us',
    messageStorage: { storageType: 'INTERNAL' },
    notifications: { enabled: false },
    faxMessage: { enabled: false },
    transferToNumber: { enabled: false },
    emailCopyOfMessage: { enabled: false },
  });
  assert.equal(voicemailGroup.status, 201, voicemailGroup.text);
  const mailbox = await admin.put(`/v1/people/${person.id}/features/voicemail`, { enabled: true, sendAllCalls: { enabled: true } });
  assert.equal(mailbox.status, 204, mailbox.text);
  const toVoicemail = await admin.post('/sandbox/v1/calls', { from: `+1415555${String(1000 + (pstnCaller++ % 9000))}`, to: (person as unknown as { extension: string }).extension });
  assert.equal(toVoicemail.status, 201, toVoicemail.text);
  const message = await admin.post(`/sandbox/v1/calls/${toVoicemail.body.callSessionId}/voicemail/message`, { durationSeconds: 5 });
  assert.equal(message.status, 201, message.text);
  // A call park extension in a call park, a call pickup and a paging group, each with the person.
  const features = `/v1/telephony/config/locations/${hq.id}`;
  const parkExtension = await admin.post(`${features}/callParkExtensions`, { name: unique('Bay '), extension: freeExtension() });
  assert.equal(parkExtension.status, 201, parkExtension.text);
  const callPark = await admin.post(`${features}/callParks`, {
    name: unique('Park '),
    recall: { option: 'ALERT_PARKING_USER_ONLY' },
    agents: [person.id],
    callParkExtensions: [parkExtension.body.id],
  });
  assert.equal(callPark.status, 201, callPark.text);
  const callPickup = await admin.post(`${features}/callPickups`, { name: unique('Pickup '), agents: [person.id] });
  assert.equal(callPickup.status, 201, callPickup.text);
  const paging = await admin.post(`${features}/paging`, { name: unique('Page '), extension: freeExtension(), targets: [person.id] });
  assert.equal(paging.status, 201, paging.text);

  // A call queue with the person as agent: a DNIS of it, a wrap-up reason for it, a supervisor of
  // its agent, and an announcement playlist.
  const callBounce = { callBounceEnabled: false, callBounceMaxRings: 3, agentUnavailableEnabled: false, alertAgentEnabled: false, alertAgentMaxSeconds: 30, callBounceOnHoldEnabled: false, callBounceOnHoldMaxSeconds: 60 };
  const queue = await admin.post(`${features}/queues`, {
    name: unique('Queue '),
    extension: freeExtension(),
    callPolicies: { routingType: 'PRIORITY_BASED', policy: 'CIRCULAR', callBounce, distinctiveRing: { enabled: false } },
    queueSettings: { queueSize: 5, overflow: { action: 'PERFORM_BUSY_TREATMENT', greeting: 'DEFAULT' } },
    agents: [{ id: person.id }],
  });
  assert.equal(queue.status, 200, queue.text);
  const dnis = await admin.post(`${features}/queues/${queue.body.id}/dnis`, { name: unique('Line '), extension: freeExtension(), ringPattern: 'NORMAL' });
  assert.equal(dnis.status, 201, dnis.text);
  const wrapup = await admin.post('/v1/telephony/config/cxEssentials/wrapup/reasons', { name: unique('Resolved '), queues: [queue.body.id] });
  assert.equal(wrapup.status, 201, wrapup.text);
  const supervisor = await createPerson(admin, { extension: freeExtension(), locationId: hq.id, licenses: [lic.professional] }, { callingData: 'true' });
  const supervising = await admin.post('/v1/telephony/config/supervisors', { id: supervisor.id, agents: [{ id: person.id }] });
  assert.ok([200, 201, 204].includes(supervising.status), supervising.text);
  const playlist = await admin.post('/v1/telephony/config/announcements/playlists', { name: unique('Playlist '), announcementIds: [announcement.body.id] });
  assert.equal(playlist.status, 201, playlist.text);
  // A selective accept criterion of the person (what the criteria paths' {id} names).
  const criterion = await admin.post(`/v1/telephony/config/people/${person.id}/selectiveAccept/criteria`, { callsFrom: 'ANY_PHONE_NUMBER', acceptEnabled: true });
  assert.equal(criterion.status, 201, criterion.text);
  const reach = await admin.post(`/v1/telephony/config/people/${person.id}/singleNumberReach/numbers`, { phoneNumber: `+1415555${String(1000 + (pstnCaller++ % 9000))}`, enabled: true, name: 'Mobile' });
  assert.equal(reach.status, 201, reach.text);
  // A number the administrator blocks, a report, and a recording of an answered call of the supervisor's (the person's calls go to voicemail).
  const blocked = await admin.post('/v1/telephony/config/people/me/settings/callBlock/numbers', { phoneNumber: `+1415555${String(1000 + (pstnCaller++ % 9000))}` });
  assert.equal(blocked.status, 201, blocked.text);
  const report = await admin.post('/v1/reports', { templateId: 400, startDate: '2026-01-01', endDate: '2026-01-02' });
  assert.equal(report.status, 200, report.text);
  assert.equal((await admin.put(`/v1/people/${supervisor.id}/features/callRecording`, { enabled: true, record: 'Always' })).status, 204);
  const recorded = await admin.post('/sandbox/v1/calls', { from: `+1415555${String(1000 + (pstnCaller++ % 9000))}`, to: (supervisor as unknown as { extension: string }).extension });
  assert.equal(recorded.status, 201, recorded.text);
  const ringing = recorded.body.legs.find((l: { party: { kind: string } }) => l.party.kind === 'person');
  assert.equal((await admin.post(`/sandbox/v1/people/${supervisor.id}/calls/answer`, { callId: ringing.callId })).status, 204);
  assert.equal((await admin.post(`/sandbox/v1/calls/${recorded.body.callSessionId}/pstn/hangup`, {})).status, 204);
  assert.equal((await admin.put(`/v1/people/${supervisor.id}/features/callRecording`, { enabled: false })).status, 204);
  const recordings = await admin.get('/v1/admin/convergedRecordings', { max: 1 });
  assert.equal(recordings.body.items?.length, 1, recordings.text);

  // A call ringing the administrator (extension 1000), placed by a simulated PSTN caller.
  const call = await admin.post('/sandbox/v1/calls', { from: `+1415555${String(1000 + (pstnCaller++ % 9000))}`, to: me.extension });
  assert.equal(call.status, 201, call.text);
  const leg = call.body.legs.find((l: { party: { kind: string } }) => l.party.kind === 'person');
  assert.ok(leg, 'the administrator’s leg');

  // A webhook whose filter names nobody: it exists, and nothing is ever delivered to it.
  const webhook = await admin.post('/v1/webhooks', {
    name: unique('Hook '),
    targetUrl,
    resource: 'telephony_calls',
    event: 'all',
    filter: `personId=${missingId('personId')}`,
  });
  assert.equal(webhook.status, 200, webhook.text);
  // One delivery to redeliver: a test event, settled before the sweeps (its attempt updates the
  // webhook's health, which the store digest watches).
  const delivery = await admin.post(`/sandbox/v1/webhooks/${webhook.body.id}/test`, {});
  assert.equal(delivery.status, 201, delivery.text);
  for (let tries = 0; ; tries++) {
    const log = await admin.get(`/sandbox/v1/webhooks/${webhook.body.id}/deliveries`);
    if (log.body.items?.[0]?.status !== 'pending') break;
    assert.ok(tries < 500, 'the test event was never delivered');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  const fault = await admin.post('/sandbox/v1/faults', { path: '/v1/organizations', latencyMs: 0 });
  assert.equal(fault.status, 201, fault.text);

  // A service app authorized for the organization: its ID and its authorization's.
  const app = await admin.post('/sandbox/v1/apps', { name: unique('Service '), type: 'service', scopes: 'spark:people_read' });
  assert.equal(app.status, 201, app.text);
  const authorization = await admin.post('/sandbox/v1/authorizations', { clientId: app.body.clientId });
  assert.equal(authorization.status, 201, authorization.text);

  // A floor of the headquarters (Locations API floors).
  const floor = await admin.post(`/v1/locations/${hq.id}/floors`, { floorNumber: 2, displayName: 'Second' });
  assert.equal(floor.status, 201, floor.text);

  // The administrator's endpoint (their simulated phone), for the For Me endpoint paths.
  const endpoints = await admin.get('/v1/telephony/config/people/me/endpoints');
  assert.equal(endpoints.status, 200, endpoints.text);
  // A secondary line: the calling user's line on the administrator's Webex App (the For Me
  // secondary line paths name its owner; the User Call Settings app paths the app's ID).
  const appLines = await admin.put(`/v1/telephony/config/people/${me.id}/applications/members`, { members: [memberLine(me.id, 1), memberLine(person.id, 2)] });
  assert.equal(appLines.status, 204, appLines.text);
  const personApps = await admin.get(`/v1/people/${person.id}/features/applications`);
  assert.equal(personApps.status, 200, personApps.text);
  // Devices: a phone of the calling user (its ID is the deviceId of the Devices and Device Call Settings paths).
  const device = await admin.post('/v1/devices', { mac: randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase().replace(/^0/, 'A'), model: 'DMS Cisco 8865', personId: person.id });
  assert.equal(device.status, 200, device.text);
  // A DECT network of the default location with a base station and a handset carrying the user's line.
  const dect = await admin.post(`/v1/telephony/config/locations/${hq.id}/dectNetworks`, { name: unique('Dect '), model: 'DMS Cisco DBS210', defaultAccessCodeEnabled: false, defaultAccessCode: '' });
  assert.equal(dect.status, 201, dect.text);
  const dectPath = `/v1/telephony/config/locations/${hq.id}/dectNetworks/${dect.body.dectNetworkId}`;
  const baseStation = await admin.post(`${dectPath}/baseStations`, { baseStationMacs: [randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase().replace(/^0/, 'B')] });
  assert.equal(baseStation.body.baseStations?.[0]?.result?.status, 200, baseStation.text);
  assert.equal((await admin.post(`${dectPath}/handsets`, { line1MemberId: person.id, customDisplayName: 'Handset' })).status, 201);
  const handsets = await admin.get(`${dectPath}/handsets`);
  const template = await admin.post('/v1/telephony/config/devices/lineKeyTemplates', { templateName: unique('Keys '), deviceModel: 'DMS Cisco 8865', lineKeys: [{ lineKeyIndex: 1, lineKeyType: 'PRIMARY_LINE', sharedLineIndex: 0 }] });
  assert.equal(template.status, 201, template.text);
  // A translation pattern of the location (Call Routing); the organization's paths answer 404 for it.
  const translation = await admin.post(`/v1/telephony/config/locations/${hq.id}/callRouting/translationPatterns`, {
    name: unique('Translate '),
    matchingPattern: `*8${freeExtension().slice(-2)}X`,
    replacementPattern: '1000',
  });
  assert.equal(translation.status, 201, translation.text);

  // A call recording vendor (Features: Call Recording): the organization's current one.
  const recordingVendor = await admin.get('/v1/telephony/config/callRecording/vendors');
  assert.equal(recordingVendor.status, 200, recordingVendor.text);

  // PSTN: an emergency address of the location.
  const emergencyAddress = await admin.post(`/v1/telephony/pstn/locations/${hq.id}/emergencyAddress`, {
    address1: '1 Test Way',
    city: 'Austin',
    state: 'TX',
    postalCode: '78701',
    country: hq.address.country,
  });
  assert.equal(emergencyAddress.status, 201, emergencyAddress.text);

  // A route list of the location through the route group (Call Routing).
  const routeList = await admin.post('/v1/telephony/config/premisePstn/routeLists', { name: unique('Route list '), locationId: hq.id, routeGroupId: routeGroup.id });
  assert.equal(routeList.status, 201, routeList.text);

  // An AI receptionist of the location with an intent, and a knowledge base with a document.
  const aiReceptionist = await admin.post(`/v1/telephony/config/locations/${hq.id}/aiReceptionists`, {
    name: unique('AI receptionist '),
    enabled: true,
    extension: freeExtension(),
    defaultAction: { actionType: 'PLAY_MESSAGE_AND_DISCONNECT', audioMessageSelection: 'DEFAULT' },
    aiAgent: {},
  });
  assert.equal(aiReceptionist.status, 201, aiReceptionist.text);
  const intent = await admin.post(`/v1/telephony/config/locations/${hq.id}/aiReceptionists/${aiReceptionist.body.id}/intents`, {
    name: 'Sales',
    description: 'Buying something',
    transferTo: { contactType: 'PEOPLE', contactId: person.id },
  });
  assert.equal(intent.status, 201, intent.text);
  const knowledgeBase = await admin.post('/v1/telephony/config/knowledgeBases', { name: unique('Knowledge base ') });
  assert.equal(knowledgeBase.status, 201, knowledgeBase.text);
  const kbDocument = await admin.post(`/v1/telephony/config/knowledgeBases/${knowledgeBase.body.id}/documents`, { name: 'Hours', content: 'Open 9 to 5.' });
  assert.equal(kbDocument.status, 201, kbDocument.text);
  // The administrator's own holidays schedule with an event (the For Me schedule paths), and a
  // move users job that moved the calling user to the branch.
  const mySchedules = '/v1/telephony/config/people/me/schedules';
  const mySchedule = await admin.post(mySchedules, { type: 'holidays', name: unique('My days ') });
  assert.equal(mySchedule.status, 200, mySchedule.text);
  const myEvent = await admin.post(`${mySchedules}/holidays/${mySchedule.body.id}/events`, { name: unique('Off '), startDate: '2027-01-01', endDate: '2027-01-01', allDayEnabled: true });
  assert.equal(myEvent.status, 200, myEvent.text);
  const mover = await createPerson(admin, { extension: freeExtension(), locationId: hq.id, licenses: [lic.professional] }, { callingData: 'true' });
  const moveJob = await admin.post('/v1/telephony/config/jobs/person/moveLocation', { usersList: [{ locationId: branch.id, validate: false, users: [{ userId: mover.id }] }] });
  assert.equal(moveJob.status, 201, moveJob.text);
  // A hot desk session (Hot Desk API): a guest of its own signed in to a hot desk workspace.
  const guest = await createPerson(admin, { extension: freeExtension(), locationId: hq.id, licenses: [lic.professional] }, { callingData: 'true' });
  await voicePortalSignIn(admin, hq.id, [guest.id]);
  const hotdesk = await signIn(admin, guest.id, (await hotDeskWorkspace(admin, hq.id)).id);

  const ids: IdMap = {
    orgId: me.orgId,
    personId: person.id,
    locationId: hq.id,
    licenseId: lic.professional,
    trunkId: trunk.id,
    routeGroupId: routeGroup.id,
    dialPlanId: dialPlan.id,
    jobId: job.body.batchJobId,
    announcementId: announcement.body.id,
    directoryId: directory.body.id,
    callId: leg.callId,
    callSessionId: call.body.callSessionId,
    webhookId: webhook.body.id,
    deliveryId: delivery.body.id,
    faultId: fault.body.id,
    appId: app.body.id,
    applicationId: app.body.id,
    authorizationId: authorization.body.id,
    scheduleId: schedule.body.id,
    eventId: event.body.id,
    huntGroupId: huntGroup.body.id,
    workspaceId: workspace.body.id,
    placeId: workspace.body.id,
    virtualLineId: virtualLine.body.id,
    ruleId: rule.body.id,
    digitPatternId: digitPattern.body.id,
    autoAttendantId: attendant.body.id,
    fileName: greeting,
    extensionId: virtual.body.id,
    extensionRangeId: range.body.id,
    modeId: mode.body.id,
    holidayId: modeHoliday.body.id,
    featureId: attendant.body.id,
    voicemailGroupId: voicemailGroup.body.id,
    messageId: message.body.messageId,
    callParkId: callPark.body.id,
    callParkExtensionId: parkExtension.body.id,
    callPickupId: callPickup.body.id,
    pagingId: paging.body.id,
    queueId: queue.body.id,
    dnisId: dnis.body.id,
    wrapupReasonId: wrapup.body.id,
    supervisorId: supervisor.id,
    playlistId: playlist.body.id,
    playListId: playlist.body.id,
    phoneNumberId: blocked.body.id,
    reportId: report.body.id,
    criteriaId: criterion.body.id,
    reachNumberId: reach.body.id,
    agentId: person.id,
    recordingId: recordings.body.items[0].id,
    floorId: floor.body.id,
    // Call Controls by member: the administrator, whose ringing call callId is.
    memberId: me.id,
    endpointId: endpoints.body.endpoints[0].id,
    deviceId: device.body.id,
    dectNetworkId: dect.body.dectNetworkId,
    baseStationId: baseStation.body.baseStations[0].result.id,
    handsetId: handsets.body.handsets[0].id,
    templateId: template.body.id,
    translationId: translation.body.id,
    vendorId: recordingVendor.body.vendorId,
    addressId: emergencyAddress.body.id,
    routeListId: routeList.body.id,
    aiReceptionistId: aiReceptionist.body.id,
    intentId: intent.body.id,
    knowledgeBaseId: knowledgeBase.body.id,
    documentId: kbDocument.body.id,
    lineOwnerId: person.id,
    lineownerId: person.id,
    // The person's Webex App (on the people/{personId}/applications paths; applicationId is a service app's elsewhere).
    personApplicationId: personApps.body.desktopClientId,
    ttsId: tts.body.id,
    s3Path,
    mediaId: s3Path,
    myScheduleId: mySchedule.body.id,
    myEventId: myEvent.body.id,
    moveJobId: moveJob.body.response.id,
    sessionId: hotdesk.body.sessionId,
  };
  const numbers = (await admin.get('/v1/telephony/config/numbers', { max: 1000 })).body.phoneNumbers as { phoneNumber?: string }[];
  const free = (await admin.get('/v1/telephony/config/numbers', { locationId: hq.id, available: true, numberType: 'NUMBER', max: 1 })).body.phoneNumbers;
  const markers = [
    ...Object.values(ids),
    me.id,
    branch.id,
    ...numbers.flatMap((n) => (n.phoneNumber ? [n.phoneNumber] : [])),
  ];
  return { admin, ids, markers, freeNumber: free[0].phoneNumber, targetUrl };
}

/** The demo organization's world, and another organization's, on one server. */
export async function twoOrganizations(server: TestServer, targetUrl: string): Promise<{ own: OrganizationWorld; foreign: OrganizationWorld }> {
  const own = await organizationWorld(server.admin, targetUrl);
  const other = await createOrganization(server.anonymous);
  const foreign = await organizationWorld(other.admin, targetUrl);
  return { own, foreign };
}

/**
 * The real ID for a path parameter. Cisco names some of them only {id}: what they name follows from
 * the path segment before them (a criterion, a queue agent, a single number reach number).
 */
export function idFor(ids: IdMap, path: string, name: string): string | undefined {
  if (name === 'applicationId' && path.includes('/people/{personId}/applications/')) return ids.personApplicationId;
  // The For Me schedule paths name the token's own schedules; the move users paths their own jobs.
  if (path.includes('/people/me/schedules/') && (name === 'scheduleId' || name === 'eventId')) return ids[name === 'scheduleId' ? 'myScheduleId' : 'myEventId'];
  if (path.includes('/jobs/person/moveLocation/') && name === 'jobId') return ids.moveJobId;
  if (name !== 'id') return ids[name];
  const before = path.slice(0, path.indexOf('{id}')).split('/').filter(Boolean).at(-1);
  const named: Record<string, string | undefined> = { criteria: ids.criteriaId, agents: ids.agentId, numbers: ids.reachNumberId };
  return before ? named[before] : undefined;
}

/** A Webex ID of the right type that names nothing. */
export function missingId(param: string): string {
  const types: Record<string, Parameters<typeof encodeId>[0]> = {
    orgId: 'ORGANIZATION',
    personId: 'PEOPLE',
    locationId: 'LOCATION',
    trunkId: 'TRUNK',
    routeGroupId: 'ROUTE_GROUP',
    dialPlanId: 'DIAL_PLAN',
    jobId: 'JOB_ID',
    announcementId: 'ANNOUNCEMENT',
    callId: 'CALL',
    webhookId: 'WEBHOOK',
    appId: 'APPLICATION',
    applicationId: 'APPLICATION',
    authorizationId: 'AUTHORIZATION',
    huntGroupId: 'HUNT_GROUP',
    autoAttendantId: 'AUTO_ATTENDANT',
    featureId: 'AUTO_ATTENDANT',
    extensionId: 'VIRTUAL_EXTENSION',
    extensionRangeId: 'VIRTUAL_EXTENSION_RANGE',
    modeId: 'OPERATING_MODE',
    holidayId: 'OPERATING_MODE_HOLIDAY',
    workspaceId: 'PLACE',
    placeId: 'PLACE',
    virtualLineId: 'VIRTUAL_LINE',
    eventId: 'SCHEDULE_EVENT',
    ruleId: 'CALL_FORWARDING_SELECTIVE_RULE',
    voicemailGroupId: 'VOICEMAIL_GROUP',
    messageId: 'MESSAGE',
    callParkId: 'CALL_PARK',
    callParkExtensionId: 'CALL_PARK_EXTENSION',
    callPickupId: 'CALL_PICKUP',
    pagingId: 'PAGING_GROUP',
    queueId: 'CALL_QUEUE',
    dnisId: 'DNIS',
    wrapupReasonId: 'WRAPUP_REASON',
    supervisorId: 'PEOPLE',
    playlistId: 'PLAYLIST',
    playListId: 'PLAYLIST',
    phoneNumberId: 'PHONE_NUMBER',
    reportId: 'REPORT',
    criteriaId: 'CRITERIA',
    agentId: 'PEOPLE',
    floorId: 'WORKSPACE_LOCATION_FLOOR',
    memberId: 'PEOPLE',
    endpointId: 'CALLING_DEVICE',
    deviceId: 'DEVICE',
    dectNetworkId: 'DECT_NETWORK',
    baseStationId: 'DECT_BASE_STATION',
    handsetId: 'DECT_HANDSET',
    templateId: 'LINE_KEY_TEMPLATE',
    translationId: 'TRANSLATION_PATTERN',
    vendorId: 'RECORDING_VENDOR',
    addressId: 'EMERGENCY_ADDRESS',
    routeListId: 'ROUTE_LIST',
    aiReceptionistId: 'AI_RECEPTIONIST',
    intentId: 'INTENT',
    knowledgeBaseId: 'KNOWLEDGE_BASE',
    documentId: 'KB_DOCUMENT',
    lineOwnerId: 'PEOPLE',
    lineownerId: 'PEOPLE',
    ttsId: 'TEXT_TO_SPEECH',
    sessionId: 'HOTDESK_SESSION',
  };
  const type = types[param];
  return type ? encodeId(type, randomUUID()) : randomUUID();
}
