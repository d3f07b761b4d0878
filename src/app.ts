import { randomBytes } from 'node:crypto';
import { announcementRoutes } from './api/announcements/announcements.routes.ts';
import { announcementMediaRoutes } from './api/announcements/announcement-media.routes.ts';
import { callRoutingRoutes } from './api/call-routing/call-routing.routes.ts';
import { translationPatternRoutes } from './api/call-routing/translation-patterns.routes.ts';
import { callRecordingConfigRoutes } from './api/call-recording/call-recording-config.routes.ts';
import { manageNumbersRoutes } from './api/numbers/manage-numbers.routes.ts';
import { moveUsersRoutes } from './api/person-settings/move-users.routes.ts';
import { MoveUsersJobs } from './domain/jobs/move-users-jobs.ts';
import { pstnRoutes } from './api/pstn/pstn.routes.ts';
import { routeListRoutes } from './api/call-routing/route-lists.routes.ts';
import { callRoutes } from './api/calls/calls.routes.ts';
import { bargeInRoutes } from './api/calls/barge-in.routes.ts';
import { pullPushRoutes } from './api/calls/pull-push.routes.ts';
import { memberCallRoutes } from './api/calls/member-calls.routes.ts';
import { queueCallRoutes } from './api/calls/queue-calls.routes.ts';
import { forMeRoutes } from './api/for-me/for-me.routes.ts';
import { myLineRoutes } from './api/for-me/my-line.routes.ts';
import { myCallingRoutes } from './api/for-me/my-calling.routes.ts';
import { countryRoutes } from './api/locations/countries.routes.ts';
import { MyCallingService } from './domain/for-me/my-calling.ts';
import { ForMeService } from './domain/for-me/for-me-service.ts';
import { healthRoutes } from './api/health/health.routes.ts';
import { licenseRoutes } from './api/licenses/licenses.routes.ts';
import { locationCallingRoutes } from './api/location-calling/location-calling.routes.ts';
import { locationNumberRoutes } from './api/location-numbers/location-numbers.routes.ts';
import { locationRoutes } from './api/locations/locations.routes.ts';
import { notServedRoutes } from './api/not-served.ts';
import { numberRoutes } from './api/numbers/numbers.routes.ts';
import { organizationRoutes } from './api/organizations/organizations.routes.ts';
import { peopleRoutes } from './api/people/people.routes.ts';
import { callRecordingRoutes } from './api/person-features/call-recording.routes.ts';
import { personSettingsRoutes } from './api/person-settings/person-settings.routes.ts';
import { personPermissionRoutes } from './api/call-permissions/person-permissions.routes.ts';
import { callHandlingRoutes } from './api/call-handling/call-handling.routes.ts';
import { personConfigRoutes } from './api/person-settings/person-config.routes.ts';
import { voicemailRoutes } from './api/voicemail/voicemail.routes.ts';
import { VoicemailService } from './domain/voicemail/voicemail-service.ts';
import { organizationVoicemailRoutes } from './api/voicemail/organization-voicemail.routes.ts';
import { OrganizationVoicemailService } from './domain/voicemail/organization-voicemail-service.ts';
import { VoicemailCalls } from './domain/voicemail/voicemail-calls.ts';
import { sandboxVoicemailRoutes } from './sandbox/sandbox-voicemail.routes.ts';
import { sandboxNotificationRoutes } from './sandbox/sandbox-notifications.routes.ts';
import { CallNotifications } from './domain/calls/call-notify.ts';
import { locationVoicemailRoutes } from './api/voicemail/location-voicemail.routes.ts';
import { LocationVoicemailService } from './domain/voicemail/location-voicemail-service.ts';
import { VoicemailGroupService } from './domain/voicemail/voicemail-group-service.ts';
import { receptionistContactRoutes } from './api/receptionist-contacts/receptionist-contacts.routes.ts';
import { scheduleRoutes } from './api/schedules/schedules.routes.ts';
import { personScheduleRoutes } from './api/schedules/person-schedules.routes.ts';
import { personListRoutes } from './api/person-settings/person-lists.routes.ts';
import { callRecordRoutes } from './api/call-records/call-records.routes.ts';
import { reportRoutes } from './api/reports/reports.routes.ts';
import { recordingRoutes } from './api/recordings/recordings.routes.ts';
import { huntGroupRoutes } from './api/hunt-groups/hunt-groups.routes.ts';
import { huntGroupForwardingRoutes } from './api/hunt-groups/hunt-group-forwarding.routes.ts';
import { callQueueRoutes } from './api/call-queues/call-queues.routes.ts';
import { callQueueForwardingRoutes } from './api/call-queues/call-queue-forwarding.routes.ts';
import { callQueueAgentRoutes } from './api/call-queues/call-queue-agents.routes.ts';
import { callQueuePartRoutes } from './api/call-queues/call-queue-parts.routes.ts';
import { callQueueSupervisorRoutes } from './api/call-queues/call-queue-supervisors.routes.ts';
import { playlistRoutes } from './api/call-queues/playlists.routes.ts';
import { customerAssistRoutes } from './api/call-queues/customer-assist.routes.ts';
import { autoAttendantRoutes } from './api/auto-attendants/auto-attendants.routes.ts';
import { aiReceptionistRoutes } from './api/ai-receptionists/ai-receptionists.routes.ts';
import { knowledgeBaseRoutes } from './api/ai-receptionists/knowledge-bases.routes.ts';
import { virtualExtensionRoutes } from './api/virtual-extensions/virtual-extensions.routes.ts';
import { operatingModeRoutes } from './api/operating-modes/operating-modes.routes.ts';
import { modeManagementRoutes } from './api/operating-modes/mode-management.routes.ts';
import { callParkRoutes } from './api/call-park/call-park.routes.ts';
import { callPickupRoutes } from './api/call-pickup/call-pickup.routes.ts';
import { pagingRoutes } from './api/paging/paging.routes.ts';
import { conferenceRoutes } from './api/conference/conference.routes.ts';
import { workspaceRoutes } from './api/workspaces/workspaces.routes.ts';
import { workspaceSettingsRoutes } from './api/workspaces/workspace-settings.routes.ts';
import { lineNumberRoutes } from './api/workspaces/line-numbers.routes.ts';
import { hotDeskingMemberRoutes } from './api/devices/hot-desking-members.routes.ts';
import { HotDeskingMemberService } from './domain/devices/hot-desking-members.ts';
import { AlternateNumberService } from './domain/lines/alternate-numbers.ts';
import { virtualLineRoutes } from './api/virtual-lines/virtual-lines.routes.ts';
import { applicationLineRoutes } from './api/devices/application-lines.routes.ts';
import { deviceCallSettingsRoutes } from './api/devices/device-call-settings.routes.ts';
import { deviceRoutes } from './api/devices/devices.routes.ts';
import { dectRoutes } from './api/devices/dect.routes.ts';
import { DectService } from './domain/devices/dect-service.ts';
import { lineKeyTemplateRoutes } from './api/devices/line-key-templates.routes.ts';
import { LineKeyTemplateService } from './domain/devices/line-key-templates.ts';
import { DeviceJobs } from './domain/devices/device-jobs.ts';
import { BackgroundImageService } from './domain/devices/background-images.ts';
import { DeviceSettingsService } from './domain/devices/device-settings.ts';
import { DynamicDeviceSettingsService } from './domain/devices/dynamic-settings.ts';
import { deviceSettingsRoutes } from './api/devices/device-settings.routes.ts';
import { dynamicDeviceSettingsRoutes } from './api/devices/dynamic-device-settings.routes.ts';
import { hotDeskingRoutes } from './api/devices/hot-desking.routes.ts';
import { HotDeskingService } from './domain/devices/hot-desking.ts';
import { hotdeskSessionRoutes } from './api/devices/hotdesk-sessions.routes.ts';
import { HotdeskSessionService } from './domain/devices/hotdesk-sessions.ts';
import { sandboxHotdeskRoutes } from './sandbox/sandbox-hotdesk.routes.ts';
import { DeviceService } from './domain/devices/device-service.ts';
import { ApplicationLineService } from './domain/devices/application-lines.ts';
import { SecondaryLineService } from './domain/for-me/secondary-lines.ts';
import { DeviceMemberService } from './domain/devices/device-members.ts';
import { lineAvailableNumberRoutes } from './api/workspaces/line-available-numbers.routes.ts';
import { VirtualLineService } from './domain/virtual-lines/virtual-line-service.ts';
import { VIRTUAL_LINE_SETTINGS, VIRTUAL_LINES } from './domain/settings/virtual-line-settings.ts';
import { WORKSPACE_SETTINGS, WORKSPACES } from './domain/settings/workspace-settings.ts';
import { webhookRoutes } from './api/webhooks/webhooks.routes.ts';
import { appRoutes } from './api/oauth/apps.routes.ts';
import { oauthRoutes } from './api/oauth/oauth.routes.ts';
import { consoleInfoRoutes } from './sandbox/console-info.routes.ts';
import { liveEventRoutes } from './sandbox/live-events.routes.ts';
import { sandboxCallRoutes } from './sandbox/sandbox-calls.routes.ts';
import { sandboxWebhookRoutes } from './sandbox/sandbox-webhooks.routes.ts';
import { sandboxRoutes } from './sandbox/sandbox.routes.ts';
import type { CatalogueRow } from './generated/webex/catalogue.ts';
import { sandboxAdminRoutes } from './sandbox/sandbox-admin.routes.ts';
import { SandboxState } from './sandbox/sandbox-state.ts';
import { SandboxSeeder } from './sandbox/seed.ts';
import type { Server } from './http/types.ts';
import type { Config } from './config.ts';
import { AnnouncementService } from './domain/announcements/announcements-service.ts';
import { AnnouncementMediaService } from './domain/announcements/announcement-media-service.ts';
import { TextToSpeechService } from './domain/announcements/text-to-speech-service.ts';
import { MediaLinks } from './domain/media/media-links.ts';
import { TokenService } from './domain/auth/token-service.ts';
import { CallRoutingService } from './domain/call-routing/call-routing-service.ts';
import { TranslationPatternService } from './domain/call-routing/translation-pattern-service.ts';
import { TestCallRouting } from './domain/call-routing/test-call-routing.ts';
import { CallRecordingConfigService } from './domain/call-recording/call-recording-config.ts';
import { ManageNumbersJobs } from './domain/jobs/manage-numbers-jobs.ts';
import { PstnService } from './domain/pstn/pstn-service.ts';
import { RouteListService } from './domain/call-routing/route-list-service.ts';
import { CallControlService } from './domain/calls/call-control-service.ts';
import { CallPullService } from './domain/calls/call-pull.ts';
import { CallRecordingService } from './domain/calls/call-recording-service.ts';
import { PERSON_SETTINGS } from './domain/settings/person-settings.ts';
import { PERSON_CONFIG_SETTINGS } from './domain/settings/person-config-settings.ts';
import { RING_SETTINGS } from './domain/settings/ring-settings.ts';
import { SettingItemsService } from './domain/settings/setting-items.ts';
import { SettingsService } from './domain/settings/settings-service.ts';
import { adminConfigServices, type AdminConfigServices } from './domain/service-settings/admin-config-services.ts';
import { adminConfigRoutes } from './api/service-settings/admin-config.routes.ts';
import { PERMISSION_SETTINGS } from './domain/settings/permission-settings.ts';
import { PermissionService } from './domain/settings/permission-service.ts';
import { AgentCallerIdService } from './domain/settings/agent-caller-id.ts';
import { BargeInService } from './domain/calls/barge-in.ts';
import { LocationSettingsService } from './domain/call-handling/location-settings-service.ts';
import { CallRuntime } from './domain/calls/call-runtime.ts';
import { RoutingPrefixJobs } from './domain/jobs/routing-prefix-jobs.ts';
import { LocationCallingService } from './domain/location-calling/location-calling-service.ts';
import { LicenseService } from './domain/licenses/license-service.ts';
import { LocationNumberService } from './domain/location-numbers/location-numbers-service.ts';
import { LocationService } from './domain/locations/location-service.ts';
import { NumberService } from './domain/numbers/number-service.ts';
import { OrganizationService } from './domain/organizations/organization-service.ts';
import { PeopleService } from './domain/people/people-service.ts';
import { ReceptionistContactService } from './domain/receptionist-contacts/receptionist-contacts-service.ts';
import { ScheduleService } from './domain/schedules/schedule-service.ts';
import { CallRecordService } from './domain/call-records/call-record-service.ts';
import { ReportService } from './domain/reports/report-service.ts';
import { RecordingService } from './domain/recordings/recording-service.ts';
import { HuntGroupService } from './domain/hunt-groups/hunt-group-service.ts';
import { WorkspaceService } from './domain/workspaces/workspace-service.ts';
import { HuntGroupForwardingService } from './domain/hunt-groups/hunt-group-forwarding.ts';
import { CallQueueService } from './domain/call-queues/call-queue-service.ts';
import { CallQueueForwardingService } from './domain/call-queues/call-queue-forwarding.ts';
import { CallQueueAgentService } from './domain/call-queues/call-queue-agents.ts';
import { OrgQueueSettingsService } from './domain/call-queues/call-queue-org-settings.ts';
import { CallQueuePartsService } from './domain/call-queues/call-queue-parts-service.ts';
import { CallQueueSupervisorService } from './domain/call-queues/call-queue-supervisors.ts';
import { PlaylistService } from './domain/call-queues/playlist-service.ts';
import { WrapupReasonService } from './domain/call-queues/wrapup-reasons.ts';
import { AutoAttendantService } from './domain/auto-attendants/auto-attendant-service.ts';
import { AutoAttendantForwardingService } from './domain/auto-attendants/auto-attendant-forwarding.ts';
import { AiReceptionistService } from './domain/ai-receptionists/ai-receptionist-service.ts';
import { IntentService } from './domain/ai-receptionists/intent-service.ts';
import { KnowledgeBaseService } from './domain/ai-receptionists/knowledge-base-service.ts';
import { VirtualExtensionService } from './domain/virtual-extensions/virtual-extension-service.ts';
import { OperatingModeService } from './domain/operating-modes/operating-mode-service.ts';
import { ModeManagementService } from './domain/operating-modes/mode-management-service.ts';
import { CallParkService } from './domain/call-park/call-park-service.ts';
import { CallPickupService } from './domain/call-pickup/call-pickup-service.ts';
import { PagingService } from './domain/paging/paging-service.ts';
import { ConferenceService } from './domain/calls/conference-service.ts';
import { buildServer } from './http/server.ts';
import { installTargetOrg } from './http/target-org.ts';
import { installReadCache } from './http/read-cache.ts';
import { Metrics } from './http/metrics.ts';
import { ensureDemoOrganization, type DemoOrganization } from './sandbox/demo-organization.ts';
import { SandboxClock } from './sandbox/sandbox-clock.ts';
import { Simulator } from './sandbox/simulator.ts';
import { FaultInjector, faultRoutes, installFaults } from './sandbox/faults.ts';
import { WebhookService } from './domain/webhooks/webhook-service.ts';
import { AppService } from './domain/oauth/app-service.ts';
import { AuthorizationService } from './domain/oauth/authorization-service.ts';
import { OAuthService } from './domain/oauth/oauth-service.ts';
import { WebhookDeliveryWorker } from './webhooks/delivery-worker.ts';
import { WebhookTools } from './webhooks/webhook-tools.ts';
import { RetentionPruner } from './domain/retention/retention-pruner.ts';
import { openStore } from './store/open-store.ts';
import { UniqueViolation, type Store } from './store/store.ts';
import { WebexError } from './domain/errors.ts';

export type Services = {
  tokens: TokenService;
  organizations: OrganizationService;
  licenses: LicenseService;
  locations: LocationService;
  numbers: NumberService;
  people: PeopleService;
  callRouting: CallRoutingService;
  locationCalling: LocationCallingService;
  locationNumbers: LocationNumberService;
  announcements: AnnouncementService;
  /** Announcement Repository with Media URLs: file URIs, signed upload and download links. */
  announcementMedia: AnnouncementMediaService;
  textToSpeech: TextToSpeechService;
  receptionistContacts: ReceptionistContactService;
  schedules: ScheduleService;
  huntGroups: HuntGroupService;
  huntGroupForwarding: HuntGroupForwardingService;
  callQueues: CallQueueService;
  callQueueForwarding: CallQueueForwardingService;
  callQueueAgents: CallQueueAgentService;
  orgQueueSettings: OrgQueueSettingsService;
  callQueueParts: CallQueuePartsService;
  callQueueSupervisors: CallQueueSupervisorService;
  playlists: PlaylistService;
  wrapupReasons: WrapupReasonService;
  autoAttendants: AutoAttendantService;
  autoAttendantForwarding: AutoAttendantForwardingService;
  aiReceptionists: AiReceptionistService;
  aiReceptionistIntents: IntentService;
  knowledgeBases: KnowledgeBaseService;
  virtualExtensions: VirtualExtensionService;
  operatingModes: OperatingModeService;
  modeManagement: ModeManagementService;
  callParks: CallParkService;
  callPickups: CallPickupService;
  paging: PagingService;
  conference: ConferenceService;
  workspaces: WorkspaceService;
  /** Phones of people and workspaces, and the lines on them (domain/devices). */
  devices: DeviceService;
  deviceMembers: DeviceMemberService;
  /** Shared lines on people's Webex Apps. */
  applicationLines: ApplicationLineService;
  /** Which secondary lines (shared lines on their phones and app) a person may configure. */
  secondaryLines: SecondaryLineService;
  /** DECT networks, base stations and handsets. */
  dect: DectService;
  lineKeyTemplates: LineKeyTemplateService;
  /** Jobs that change many devices (line key templates, device settings, rebuilds), on the clock. */
  deviceJobs: DeviceJobs;
  /** Device Call Settings: organization, location and device customizations, and their jobs. */
  deviceSettings: DeviceSettingsService;
  backgroundImages: BackgroundImageService;
  dynamicDeviceSettings: DynamicDeviceSettingsService;
  hotDesking: HotDeskingService;
  /** A workspace's settings documents (the same mechanism, domain/settings/workspace-settings.ts). */
  workspaceSettings: SettingsService;
  /** A workspace's criteria (the same sub-items as a person's). */
  workspaceItems: SettingItemsService;
  virtualLines: VirtualLineService;
  virtualLineSettings: SettingsService;
  /** A virtual line's agent caller ID (the admin paths of AgentCallerIdService for virtual lines). */
  virtualLineAgentCallerId: AgentCallerIdService;
  calls: CallControlService;
  callRecording: CallRecordingService;
  /** Detailed call history (CDR) of ended calls. */
  callRecords: CallRecordService;
  reports: ReportService;
  /** Recordings of calls (Converged Recordings). */
  recordings: RecordingService;
  /** A person's settings documents (domain/settings). */
  settings: SettingsService;
  /** A location's call handling documents (domain/call-handling). */
  locationSettings: LocationSettingsService;
  /** Outgoing permission lists of people, workspaces and locations. */
  permissions: PermissionService;
  /** An agent's caller ID (hunt groups whose caller ID they may use). */
  agentCallerId: AgentCallerIdService;
  /** The bargeIn call control. */
  bargeIn: BargeInService;
  /** Pull and Push of the Call Controls. */
  callPull: CallPullService;
  /** Call Settings For Me beyond the settings documents (domain/for-me). */
  forMe: ForMeService;
  /** What the token's person sees of their own calling configuration (Call Settings For Me). */
  myCalling: MyCallingService;
  /** Sub-items of settings documents: criteria, single number reach numbers, blocked numbers. */
  items: SettingItemsService;
  /** Voicemail boxes: PINs, greetings, voice messages (domain/voicemail). */
  voicemail: VoicemailService;
  organizationVoicemail: OrganizationVoicemailService;
  /** Callers at voicemail boxes (the simulator leaves messages through it). */
  voicemailCalls: VoicemailCalls;
  locationVoicemail: LocationVoicemailService;
  /** Call Routing's translation patterns, and testCallRouting (the route a call would take). */
  translationPatterns: TranslationPatternService;
  testCallRouting: TestCallRouting;
  /** Features: Call Recording of the organization and its locations. */
  callRecordingConfig: CallRecordingConfigService;
  /** Numbers: manage numbers jobs (move, delete, change usage) on the server clock. */
  manageNumbers: ManageNumbersJobs;
  /** Jobs moving users to another location, on the clock. */
  moveUsers: MoveUsersJobs;
  /** Alternate numbers of people and workspaces. */
  alternateNumbers: AlternateNumberService;
  /** A person's hot desking guest profile lines. */
  hotDeskingMembers: HotDeskingMemberService;
  /** Hot desk sessions: guests signed in to hot desking workspaces. */
  hotdeskSessions: HotdeskSessionService;
  /** PSTN: locations' PSTN connections and emergency addresses. */
  pstn: PstnService;
  /** Call Routing's route lists. */
  routeLists: RouteListService;
  voicemailGroups: VoicemailGroupService;
  simulator: Simulator;
  webhooks: WebhookService;
  webhookTools: WebhookTools;
  apps: AppService;
  oauth: OAuthService;
  authorizations: AuthorizationService;
} & AdminConfigServices;

/**
 * Every area's routes, listed once. The sandbox's own API is left out when the sandbox is off.
 * Returns the operations of Cisco's catalogue that no area serves (they answer 501).
 */
function registerRoutes(
  server: Server,
  deps: { config: Config; services: Services; store: Store; clock: SandboxClock; faults: FaultInjector; state: SandboxState; seeder: SandboxSeeder; metrics: Metrics },
): CatalogueRow[] {
  const { config, services, store } = deps;
  installTargetOrg(server);
  installReadCache(server, store);
  healthRoutes(server, { store, clock: deps.clock, metrics: deps.metrics });
  organizationRoutes(server, services);
  licenseRoutes(server, services);
  locationRoutes(server, services);
  numberRoutes(server, services);
  peopleRoutes(server, services);
  callRoutingRoutes(server, services);
  locationCallingRoutes(server, services);
  locationNumberRoutes(server, services);
  announcementRoutes(server, services);
  announcementMediaRoutes(server, services);
  receptionistContactRoutes(server, services);
  scheduleRoutes(server, services);
  personScheduleRoutes(server, services);
  personListRoutes(server, { store });
  huntGroupRoutes(server, services);
  huntGroupForwardingRoutes(server, services);
  callQueueRoutes(server, services);
  callQueueForwardingRoutes(server, services);
  callQueueAgentRoutes(server, services);
  callQueuePartRoutes(server, services);
  callQueueSupervisorRoutes(server, services);
  playlistRoutes(server, services);
  customerAssistRoutes(server, services);
  autoAttendantRoutes(server, services);
  aiReceptionistRoutes(server, services);
  knowledgeBaseRoutes(server, services);
  virtualExtensionRoutes(server, services);
  operatingModeRoutes(server, services);
  modeManagementRoutes(server, services);
  callParkRoutes(server, services);
  callPickupRoutes(server, services);
  pagingRoutes(server, services);
  workspaceRoutes(server, services);
  workspaceSettingsRoutes(server, { ...services, store });
  lineNumberRoutes(server, services);
  hotDeskingMemberRoutes(server, services);
  virtualLineRoutes(server, services);
  deviceCallSettingsRoutes(server, { ...services, store, clock: deps.clock });
  applicationLineRoutes(server, services);
  deviceRoutes(server, services);
  dectRoutes(server, { ...services, store });
  lineKeyTemplateRoutes(server, services);
  deviceSettingsRoutes(server, services);
  dynamicDeviceSettingsRoutes(server, { ...services, store });
  hotDeskingRoutes(server, services);
  hotdeskSessionRoutes(server, services);
  lineAvailableNumberRoutes(server, { ...services, store });
  callRoutes(server, services);
  bargeInRoutes(server, services);
  pullPushRoutes(server, services);
  memberCallRoutes(server, services);
  queueCallRoutes(server, services);
  forMeRoutes(server, services);
  myLineRoutes(server, { ...services, store });
  myCallingRoutes(server, services);
  countryRoutes(server, services);
  conferenceRoutes(server, services);
  callRecordingRoutes(server, services);
  callRecordRoutes(server, services);
  reportRoutes(server, services);
  recordingRoutes(server, services);
  personSettingsRoutes(server, services);
  personPermissionRoutes(server, services);
  callHandlingRoutes(server, services);
  personConfigRoutes(server, services);
  voicemailRoutes(server, services);
  organizationVoicemailRoutes(server, services);
  locationVoicemailRoutes(server, services);
  webhookRoutes(server, services);
  adminConfigRoutes(server, { ...services, store });
  translationPatternRoutes(server, services);
  callRecordingConfigRoutes(server, services);
  manageNumbersRoutes(server, { ...services, store });
  moveUsersRoutes(server, services);
  pstnRoutes(server, services);
  routeListRoutes(server, services);
  // The consent page signs in without a password: only a sandbox serves it.
  oauthRoutes(server, services, { consentPage: config.sandbox });
  const notServed = notServedRoutes(server, services);
  if (config.sandbox) {
    sandboxRoutes(server, { ...services, clock: deps.clock, signup: config.signup });
    sandboxCallRoutes(server, services);
    sandboxHotdeskRoutes(server, services);
    sandboxVoicemailRoutes(server, services);
    sandboxNotificationRoutes(server, { notifications: new CallNotifications(store) });
    sandboxWebhookRoutes(server, services);
    liveEventRoutes(server, { store });
    consoleInfoRoutes(server, { store, host: config.host });
    faultRoutes(server, { faults: deps.faults });
    sandboxAdminRoutes(server, { config, tokens: services.tokens, state: deps.state, seeder: deps.seeder });
    appRoutes(server, services);
  }
  return notServed;
}

export type App = {
  config: Config;
  server: Server;
  store: Store;
  services: Services;
  clock: SandboxClock;
  /** Reset, export and import of the whole state (the sandbox API and the CLI). */
  state: SandboxState;
  seeder: SandboxSeeder;
  /** Delivers the call-event outbox (tests stop it to see another process deliver). */
  delivery: WebhookDeliveryWorker;
  /** The demo organization, when the demo is on. */
  demo: DemoOrganization | undefined;
  /** The operations of Cisco's catalogue answering 501 (docs/coverage.md). */
  notServed: CatalogueRow[];
  /** Starts listening; resolves with the address. */
  listen(): Promise<string>;
  /** Stops taking requests, finishes those under way, then closes the store. */
  close(): Promise<void>;
};

/** The one place that builds the store, services and server and wires them together. */
export async function buildApp(config: Config, options: { clock?: SandboxClock } = {}): Promise<App> {
  const clock = options.clock ?? new SandboxClock(config.clock);
  const store = await openStore(config.database);
  let server: Server | undefined;
  try {
    const tokens = new TokenService(store, clock);
    const lineKeyTemplates = new LineKeyTemplateService(store, clock);
    const deviceJobs = new DeviceJobs(store, clock, lineKeyTemplates);
    const deviceSettings = new DeviceSettingsService(store, clock, deviceJobs);
    const jobs = new RoutingPrefixJobs(store, clock, (error, jobId) => server?.log.error({ err: error, jobId }, 'routing prefix job step failed'));
    const manageNumbers = new ManageNumbersJobs(store, clock, (error, jobId) => server?.log.error({ err: error, jobId }, 'manage numbers job step failed'));
    const deviceMembers = new DeviceMemberService(store);
    const moveUsers = new MoveUsersJobs(store, clock, (error, jobId) => server?.log.error({ err: error, jobId }, 'move users job step failed'));
    const callRouting = new CallRoutingService(store, clock);
    const calls = new CallRuntime(store, clock, config.calls, {
      onError: (error) => server?.log.error({ err: error }, 'call timer failed'),
      onTransition: (line) => server?.log.debug(line),
    });
    const callControl = new CallControlService(store, calls);
    const voicemail = new VoicemailService(store, clock);
    const oauth = new OAuthService(store, clock, tokens);
    const huntGroups = new HuntGroupService(store, clock);
    const schedules = new ScheduleService(store, clock);
    const forMe = new ForMeService(store, clock, schedules);
    const callRecordingConfig = new CallRecordingConfigService(store, clock);
    const webhooks = new WebhookService(store, clock, config.webhooks.egress);
    const settings = new SettingsService(store, clock, [...PERSON_SETTINGS, ...PERMISSION_SETTINGS, ...PERSON_CONFIG_SETTINGS, ...RING_SETTINGS]);
    const locationSettings = new LocationSettingsService(store, clock);
    const workspaceSettings = new SettingsService(store, clock, WORKSPACE_SETTINGS, WORKSPACES);
    const virtualLineSettings = new SettingsService(store, clock, VIRTUAL_LINE_SETTINGS, VIRTUAL_LINES);
    const callQueues = new CallQueueService(store, clock);
    const autoAttendants = new AutoAttendantService(store, clock);
    const announcements = new AnnouncementService(store, clock);
    const mediaLinks = new MediaLinks(config.mediaSecret ?? randomBytes(32).toString('base64url'), clock);
    const announcementMedia = new AnnouncementMediaService({ store, clock, links: mediaLinks, announcements });
    const services: Services = {
      tokens,
      organizations: new OrganizationService(store, clock, tokens),
      licenses: new LicenseService(store),
      locations: new LocationService(store, clock),
      numbers: new NumberService(store, clock),
      people: new PeopleService(store, clock, calls),
      callRouting,
      locationCalling: new LocationCallingService(store, clock, jobs, callRouting),
      locationNumbers: new LocationNumberService(store, clock),
      announcements,
      announcementMedia,
      textToSpeech: new TextToSpeechService({ store, clock, media: announcementMedia }),
      receptionistContacts: new ReceptionistContactService(store, clock),
      schedules,
      huntGroups,
      huntGroupForwarding: new HuntGroupForwardingService(store, clock, huntGroups),
      callQueues,
      callQueueForwarding: new CallQueueForwardingService(store, clock, callQueues),
      callQueueAgents: new CallQueueAgentService(store),
      orgQueueSettings: new OrgQueueSettingsService(store, clock),
      callQueueParts: new CallQueuePartsService(store, callQueues),
      callQueueSupervisors: new CallQueueSupervisorService(store),
      playlists: new PlaylistService(store, clock),
      wrapupReasons: new WrapupReasonService(store, clock, callQueues),
      autoAttendants,
      autoAttendantForwarding: new AutoAttendantForwardingService(store, clock, autoAttendants),
      aiReceptionists: new AiReceptionistService(store, clock),
      aiReceptionistIntents: new IntentService(store, clock),
      knowledgeBases: new KnowledgeBaseService(store, clock),
      virtualExtensions: new VirtualExtensionService(store, clock),
      operatingModes: new OperatingModeService(store, clock),
      modeManagement: new ModeManagementService(store, clock),
      callParks: new CallParkService(store, clock),
      callPickups: new CallPickupService(store, clock),
      paging: new PagingService(store, clock),
      conference: new ConferenceService(store, calls),
      workspaces: new WorkspaceService(store, clock, calls),
      workspaceSettings,
      workspaceItems: new SettingItemsService(store, clock, workspaceSettings),
      devices: new DeviceService(store, clock),
      applicationLines: new ApplicationLineService(store),
      secondaryLines: new SecondaryLineService(store),
      deviceMembers,
      dect: new DectService(store, clock),
      lineKeyTemplates,
      deviceJobs,
      deviceSettings,
      backgroundImages: new BackgroundImageService(store, clock, deviceSettings),
      dynamicDeviceSettings: new DynamicDeviceSettingsService(store, clock, deviceJobs),
      hotDesking: new HotDeskingService(store, clock),
      virtualLines: new VirtualLineService(store, clock, calls),
      virtualLineSettings,
      virtualLineAgentCallerId: new AgentCallerIdService(store, virtualLineSettings),
      calls: callControl,
      callRecording: new CallRecordingService(store),
      settings,
      locationSettings,
      permissions: new PermissionService(store, { person: settings, workspace: workspaceSettings, virtualLine: virtualLineSettings }, locationSettings),
      agentCallerId: new AgentCallerIdService(store, settings),
      bargeIn: new BargeInService(store, calls),
      callPull: new CallPullService(store, calls),
      forMe,
      myCalling: new MyCallingService(store, forMe, callRecordingConfig),
      items: new SettingItemsService(store, clock, settings),
      voicemail,
      voicemailCalls: new VoicemailCalls(calls, voicemail),
      locationVoicemail: new LocationVoicemailService(store, clock),
      voicemailGroups: new VoicemailGroupService(store, clock),
      organizationVoicemail: new OrganizationVoicemailService(store, clock),
      callRecords: new CallRecordService(store, clock),
      reports: new ReportService(store, clock),
      recordings: new RecordingService(store, clock),
      simulator: new Simulator(store, calls, callControl),
      webhooks,
      webhookTools: new WebhookTools(store, clock, webhooks),
      ...adminConfigServices(store, clock),
      apps: new AppService(store, clock),
      oauth,
      authorizations: new AuthorizationService(store, clock, oauth),
      translationPatterns: new TranslationPatternService(store, clock),
      testCallRouting: new TestCallRouting(store),
      callRecordingConfig,
      manageNumbers,
      moveUsers,
      alternateNumbers: new AlternateNumberService(store, clock),
      hotDeskingMembers: new HotDeskingMemberService(store, clock, deviceMembers),
      hotdeskSessions: new HotdeskSessionService(store, clock, new HotDeskingService(store, clock)),
      pstn: new PstnService(store, clock),
      routeLists: new RouteListService(store, clock),
    };
    const demo = config.demo ? await ensureDemoOrganization({ store, clock, tokens, adminToken: config.adminToken }) : undefined;
    // The operator: whoever holds CALLPLANE_ADMIN_TOKEN, else the generated demo administrator's token.
    tokens.recognizeOperator(config.adminToken ?? demo?.adminToken);
    const faults = new FaultInjector();
    let notServed: CatalogueRow[] = [];
    const delivery = new WebhookDeliveryWorker(
      store,
      clock,
      config.webhooks,
      (error) => server?.log.error({ err: error }, 'webhook delivery failed'),
      (error) => server?.log.warn({ err: error }, 'webhook delivery: not hearing other processes, looking every watch'),
    );
    calls.onEvents = (orgIds) => delivery.nudge(orgIds);
    calls.signalsEvents = (orgIds) => delivery.wants(orgIds);
    const state = new SandboxState(store, {
      clock,
      clockMode: config.clock,
      faults,
      pauseDeliveries: () => delivery.stop(),
      resumeDeliveries: () => delivery.start(),
    });
    const seeder = new SandboxSeeder(store, clock, tokens, config.webhooks.egress);
    const metrics = new Metrics();
    server = await buildServer({
      config,
      tokens,
      marks: store,
      metrics,
      beforeRoutes: config.sandbox ? (s) => installFaults(s, faults) : undefined,
      // Two writers raced for the same unique value: the loser retries, as Webex asks on a 409.
      translateError: (error) =>
        error instanceof UniqueViolation ? new WebexError(409, 'The request conflicts with a change made at the same time; try again.') : undefined,
      routes: (s) => {
        notServed = registerRoutes(s, { config, services, store, clock, faults, state, seeder, metrics });
      },
    });
    await jobs.resume();
    await services.locationDeletions.resumeUnfinished();
    await deviceJobs.resume();
    await manageNumbers.resumeAll();
    await moveUsers.resumeAll();
    await calls.start();
    delivery.start();
    const retention = new RetentionPruner(store, clock, config.retention, (error) => server?.log.error({ err: error }, 'retention pass failed'));
    retention.start();
    // What POST /sandbox/v1/reset returns to; start-up code that loads a seed marks it again.
    if (config.sandbox) await state.markBaseline();
    const built = server;
    return {
      config,
      server: built,
      store,
      services,
      clock,
      state,
      seeder,
      delivery,
      demo,
      notServed,
      listen: () => built.listen({ port: config.port, host: config.host }),
      async close() {
        jobs.stop();
        services.locationDeletions.stop();
        deviceJobs.stop();
        manageNumbers.stop();
        moveUsers.stop();
        await calls.stop();
        await delivery.stop();
        await retention.stop();
        await built.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
