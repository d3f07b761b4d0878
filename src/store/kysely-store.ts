import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';
import type { RepositoryContext } from './repositories/context.ts';
import { KyselyAnnouncementRepository } from './repositories/announcements.ts';
import { KyselyCallRoutingRepository } from './repositories/call-routing.ts';
import { KyselyCallRepository } from './repositories/calls.ts';
import { KyselyRetentionRepository } from './repositories/retention.ts';
import { KyselyWebhookRepository } from './repositories/webhooks.ts';
import { KyselyOAuthRepository } from './repositories/oauth.ts';
import { KyselyJobRepository } from './repositories/jobs.ts';
import { KyselyLicenseRepository } from './repositories/licenses.ts';
import { KyselyLocationCallingRepository } from './repositories/location-calling.ts';
import { KyselyLocationNumberRepository } from './repositories/location-numbers.ts';
import { KyselyReceptionistContactRepository } from './repositories/receptionist-contacts.ts';
import { KyselyScheduleRepository } from './repositories/schedules.ts';
import { KyselyCallRecordRepository } from './repositories/call-records.ts';
import { KyselyReportRepository } from './repositories/reports.ts';
import { KyselyRecordingRepository } from './repositories/recordings.ts';
import { KyselyHuntGroupRepository } from './repositories/hunt-groups.ts';
import { KyselyVoicemailRepository } from './repositories/voicemail.ts';
import { KyselyVoicemailGroupRepository } from './repositories/voicemail-groups.ts';
import { KyselyCallQueueRepository, KyselyFeatureDocumentRepository } from './repositories/call-queues.ts';
import { KyselyAutoAttendantRepository } from './repositories/auto-attendants.ts';
import { KyselyVirtualExtensionRepository } from './repositories/virtual-extensions.ts';
import { KyselyTranslationPatternRepository } from './repositories/translation-patterns.ts';
import { KyselyRouteListRepository } from './repositories/route-lists.ts';
import { KyselyAlternateNumberRepository } from './repositories/alternate-numbers.ts';
import { KyselyOperatingModeRepository } from './repositories/operating-modes.ts';
import { KyselyCallParkRepository, KyselyCallPickupRepository } from './repositories/call-park-pickup.ts';
import { KyselyPagingGroupRepository } from './repositories/paging-groups.ts';
import { KyselyWorkspaceRepository } from './repositories/workspaces.ts';
import { KyselyLocationFloorRepository } from './repositories/location-floors.ts';
import { KyselyHotdeskSessionRepository } from './repositories/hotdesk-sessions.ts';
import { KyselyCallNotificationRepository } from './repositories/call-notifications.ts';
import { KyselyDeviceRepository } from './repositories/devices.ts';
import { KyselyDectRepository } from './repositories/dect.ts';
import { KyselyVirtualLineRepository } from './repositories/virtual-lines.ts';
import { KyselyLocationRepository } from './repositories/locations.ts';
import { KyselyNumberRepository } from './repositories/numbers.ts';
import { KyselyOrganizationRepository } from './repositories/organizations.ts';
import { KyselyPersonRepository } from './repositories/people.ts';
import { KyselyOwnerSettingRepository } from './repositories/owner-settings.ts';
import { KyselySettingRepository, KyselyTokenRepository } from './repositories/tokens.ts';
import { KyselySnapshotRepository, type ShapeCache } from './repositories/snapshots.ts';
import { KyselyMetricsRepository } from './repositories/metrics.ts';
import type { ChangeMark, OutboxListener, Store } from './store.ts';
import { withStartupLock, type OutboxSignals } from './postgres.ts';
import { KyselyAiReceptionistRepository } from './repositories/ai-receptionists.ts';
import { KyselyKnowledgeBaseRepository } from './repositories/knowledge-bases.ts';

export type Dialect = {
  name: 'sqlite' | 'postgres';
  isUniqueViolation: (error: unknown) => boolean;
  /** PostgreSQL schema holding the tables; Kysely must look for its migration table there only. */
  schema?: string;
  /** The store's change mark (see Store.changeMark). */
  changeMark?: () => ChangeMark | Promise<ChangeMark | undefined>;
  /** Outbox signals to and from other processes (PostgreSQL). */
  outbox?: OutboxSignals;
};

/** The one Store implementation: the same repositories over either dialect. */
export class KyselyStore implements Store {
  readonly dialect: Dialect['name'];
  readonly organizations: KyselyOrganizationRepository;
  readonly locations: KyselyLocationRepository;
  readonly licenses: KyselyLicenseRepository;
  readonly people: KyselyPersonRepository;
  readonly numbers: KyselyNumberRepository;
  readonly tokens: KyselyTokenRepository;
  readonly settings: KyselySettingRepository;
  readonly locationCalling: KyselyLocationCallingRepository;
  readonly jobs: KyselyJobRepository;
  readonly callRouting: KyselyCallRoutingRepository;
  readonly locationNumbers: KyselyLocationNumberRepository;
  readonly announcements: KyselyAnnouncementRepository;
  readonly receptionistContacts: KyselyReceptionistContactRepository;
  readonly calls: KyselyCallRepository;
  readonly webhooks: KyselyWebhookRepository;
  readonly retention: KyselyRetentionRepository;
  readonly snapshots: KyselySnapshotRepository;
  readonly metrics: KyselyMetricsRepository;
  private readonly shapes: ShapeCache;
  readonly oauth: KyselyOAuthRepository;
  readonly ownerSettings: KyselyOwnerSettingRepository;
  readonly schedules: KyselyScheduleRepository;
  readonly huntGroups: KyselyHuntGroupRepository;
  readonly voicemail: KyselyVoicemailRepository;
  readonly voicemailGroups: KyselyVoicemailGroupRepository;
  readonly callQueues: KyselyCallQueueRepository;
  readonly featureDocuments: KyselyFeatureDocumentRepository;
  readonly autoAttendants: KyselyAutoAttendantRepository;
  readonly virtualExtensions: KyselyVirtualExtensionRepository;
  readonly translationPatterns: KyselyTranslationPatternRepository;
  readonly routeLists: KyselyRouteListRepository;
  readonly alternateNumbers: KyselyAlternateNumberRepository;
  readonly operatingModes: KyselyOperatingModeRepository;
  readonly callParks: KyselyCallParkRepository;
  readonly callPickups: KyselyCallPickupRepository;
  readonly pagingGroups: KyselyPagingGroupRepository;
  readonly workspaces: KyselyWorkspaceRepository;
  readonly devices: KyselyDeviceRepository;
  readonly dect: KyselyDectRepository;
  readonly virtualLines: KyselyVirtualLineRepository;
  readonly callRecords: KyselyCallRecordRepository;
  readonly reports: KyselyReportRepository;
  readonly recordings: KyselyRecordingRepository;
  readonly locationFloors: KyselyLocationFloorRepository;
  readonly hotdeskSessions: KyselyHotdeskSessionRepository;
  readonly callNotifications: KyselyCallNotificationRepository;
  readonly aiReceptionists: KyselyAiReceptionistRepository;
  readonly knowledgeBases: KyselyKnowledgeBaseRepository;
  private readonly db: Kysely<Database>;
  private readonly dialectInfo: Dialect;
  private readonly inTransaction: boolean;

  constructor(db: Kysely<Database>, dialect: Dialect, inTransaction = false, shapes: ShapeCache = {}) {
    this.db = db;
    this.shapes = shapes;
    this.dialectInfo = dialect;
    this.dialect = dialect.name;
    this.inTransaction = inTransaction;
    const ctx: RepositoryContext = { db, dialect: dialect.name, isUniqueViolation: dialect.isUniqueViolation };
    this.organizations = new KyselyOrganizationRepository(ctx);
    this.locations = new KyselyLocationRepository(ctx, inTransaction);
    this.licenses = new KyselyLicenseRepository(ctx);
    this.people = new KyselyPersonRepository(ctx);
    this.numbers = new KyselyNumberRepository(ctx);
    this.tokens = new KyselyTokenRepository(ctx);
    this.settings = new KyselySettingRepository(ctx);
    this.locationCalling = new KyselyLocationCallingRepository(ctx);
    this.jobs = new KyselyJobRepository(ctx);
    this.callRouting = new KyselyCallRoutingRepository(ctx);
    this.locationNumbers = new KyselyLocationNumberRepository(ctx);
    this.announcements = new KyselyAnnouncementRepository(ctx);
    this.receptionistContacts = new KyselyReceptionistContactRepository(ctx);
    this.calls = new KyselyCallRepository(ctx, inTransaction);
    this.webhooks = new KyselyWebhookRepository(ctx);
    this.retention = new KyselyRetentionRepository(ctx);
    this.snapshots = new KyselySnapshotRepository(ctx, dialect.name, shapes);
    this.metrics = new KyselyMetricsRepository(ctx);
    this.oauth = new KyselyOAuthRepository(ctx);
    this.ownerSettings = new KyselyOwnerSettingRepository(ctx, inTransaction);
    this.schedules = new KyselyScheduleRepository(ctx);
    this.huntGroups = new KyselyHuntGroupRepository(ctx);
    this.voicemail = new KyselyVoicemailRepository(ctx);
    this.voicemailGroups = new KyselyVoicemailGroupRepository(ctx);
    this.callQueues = new KyselyCallQueueRepository(ctx);
    this.featureDocuments = new KyselyFeatureDocumentRepository(ctx);
    this.autoAttendants = new KyselyAutoAttendantRepository(ctx);
    this.virtualExtensions = new KyselyVirtualExtensionRepository(ctx);
    this.translationPatterns = new KyselyTranslationPatternRepository(ctx);
    this.routeLists = new KyselyRouteListRepository(ctx);
    this.alternateNumbers = new KyselyAlternateNumberRepository(ctx);
    this.operatingModes = new KyselyOperatingModeRepository(ctx);
    this.callParks = new KyselyCallParkRepository(ctx);
    this.callPickups = new KyselyCallPickupRepository(ctx);
    this.pagingGroups = new KyselyPagingGroupRepository(ctx);
    this.workspaces = new KyselyWorkspaceRepository(ctx);
    this.devices = new KyselyDeviceRepository(ctx);
    this.dect = new KyselyDectRepository(ctx);
    this.virtualLines = new KyselyVirtualLineRepository(ctx);
    this.callRecords = new KyselyCallRecordRepository(ctx);
    this.reports = new KyselyReportRepository(ctx);
    this.recordings = new KyselyRecordingRepository(ctx);
    this.locationFloors = new KyselyLocationFloorRepository(ctx);
    this.hotdeskSessions = new KyselyHotdeskSessionRepository(ctx);
    this.callNotifications = new KyselyCallNotificationRepository(ctx);
    this.aiReceptionists = new KyselyAiReceptionistRepository(ctx);
    this.knowledgeBases = new KyselyKnowledgeBaseRepository(ctx);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    // A transaction inside a transaction joins the outer one.
    if (this.inTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyStore(trx, this.dialectInfo, true, this.shapes)));
  }

  async signalOutbox(): Promise<void> {
    await this.dialectInfo.outbox?.send(this.db);
  }

  async listenOutbox(onSignal: () => void, onError: (error: unknown) => void): Promise<OutboxListener | undefined> {
    return this.dialectInfo.outbox?.listen(onSignal, onError);
  }

  async exclusively<T>(fn: () => Promise<T>): Promise<T> {
    // SQLite: one process holds the file's write lock per transaction; PostgreSQL: an advisory lock.
    if (this.dialect !== 'postgres' || this.inTransaction) return fn();
    return withStartupLock(this.db, this.dialectInfo.schema ?? 'public', fn);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => migrations },
      // Without it Kysely takes another schema's migration table for this one's.
      ...(this.dialectInfo.schema ? { migrationTableSchema: this.dialectInfo.schema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) {
      throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }

  changeMark(): ChangeMark | undefined | Promise<ChangeMark | undefined> {
    return this.dialectInfo.changeMark?.();
  }

  get changeMarkCostsRoundTrip(): boolean {
    return this.dialect === 'postgres';
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
