import type { Selectable } from 'kysely';
import type { Job, JobError, JobExitCode, JobRepository, JobStatus } from '../location-calling-store.ts';
import type { JobsTable } from '../tables/location-calling.ts';
import type { Page } from '../store.ts';
import { offsetPage, type RepositoryContext } from './context.ts';

const toJob = (row: Selectable<JobsTable>): Job => ({
  id: row.id,
  orgId: row.org_id,
  jobType: row.job_type,
  locationId: row.location_id,
  status: row.status as JobStatus,
  exitCode: row.exit_code as JobExitCode,
  oldValue: row.old_value,
  newValue: row.new_value,
  totalItems: row.total_items,
  updatedItems: row.updated_items,
  failedItems: row.failed_items,
  cursor: row.cursor,
  sourceUserId: row.source_user_id,
  trackingId: row.tracking_id,
  instanceId: row.instance_id,
  created: row.created,
  started: row.started,
  ended: row.ended,
  lastUpdated: row.last_updated,
});

const toRow = (j: Job): Selectable<JobsTable> => ({
  id: j.id,
  org_id: j.orgId,
  job_type: j.jobType,
  location_id: j.locationId,
  status: j.status,
  exit_code: j.exitCode,
  old_value: j.oldValue,
  new_value: j.newValue,
  total_items: j.totalItems,
  updated_items: j.updatedItems,
  failed_items: j.failedItems,
  cursor: j.cursor,
  source_user_id: j.sourceUserId,
  tracking_id: j.trackingId,
  instance_id: j.instanceId,
  created: j.created,
  started: j.started,
  ended: j.ended,
  last_updated: j.lastUpdated,
});

export class KyselyJobRepository implements JobRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(job: Job): Promise<void> {
    await this.ctx.db.insertInto('jobs').values(toRow(job)).execute();
  }

  async get(orgId: string, id: string): Promise<Job | undefined> {
    const row = await this.ctx.db.selectFrom('jobs').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toJob(row);
  }

  async find(id: string): Promise<Job | undefined> {
    const row = await this.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toJob(row);
  }

  async update(job: Job): Promise<void> {
    const { id, ...changes } = toRow(job);
    await this.ctx.db.updateTable('jobs').set(changes).where('id', '=', id).execute();
  }

  async updateIf(job: Job, lastUpdated: string): Promise<boolean> {
    const { id, ...changes } = toRow(job);
    const result = await this.ctx.db.updateTable('jobs').set(changes).where('id', '=', id).where('last_updated', '=', lastUpdated).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(orgId: string, jobType: string, start: number, limit: number): Promise<Page<Job, number>> {
    const rows = await this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('job_type', '=', jobType)
      .orderBy('created', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .offset(start)
      .execute();
    return offsetPage(rows.map(toJob), start, limit);
  }

  async running(orgId: string, jobType: string): Promise<Job | undefined> {
    const row = await this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('job_type', '=', jobType)
      .where('status', 'in', ['STARTING', 'STARTED'])
      .executeTakeFirst();
    return row && toJob(row);
  }

  async runningForLocation(locationId: string, jobType: string): Promise<Job | undefined> {
    const row = await this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('location_id', '=', locationId)
      .where('job_type', '=', jobType)
      .where('status', 'in', ['STARTING', 'STARTED'])
      .executeTakeFirst();
    return row && toJob(row);
  }

  async unfinished(): Promise<Job[]> {
    const rows = await this.ctx.db.selectFrom('jobs').selectAll().where('status', 'in', ['STARTING', 'STARTED']).orderBy('created').execute();
    return rows.map(toJob);
  }

  async nextInstanceId(): Promise<number> {
    const row = await this.ctx.db.selectFrom('jobs').select((eb) => eb.fn.max('instance_id').as('n')).executeTakeFirst();
    return Number(row?.n ?? 0) + 1;
  }

  async addError(error: JobError): Promise<void> {
    await this.ctx.db
      .insertInto('job_errors')
      .values({
        job_id: error.jobId,
        item_number: error.itemNumber,
        item_id: error.itemId,
        tracking_id: error.trackingId,
        error_code: error.errorCode,
        message: error.message,
      })
      .execute();
  }

  async errors(jobId: string, start: number, limit: number): Promise<Page<JobError, number>> {
    const rows = await this.ctx.db
      .selectFrom('job_errors')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('item_number')
      .limit(limit + 1)
      .offset(start)
      .execute();
    const errors = rows.map((r) => ({
      jobId: r.job_id,
      itemNumber: r.item_number,
      itemId: r.item_id,
      trackingId: r.tracking_id,
      errorCode: r.error_code,
      message: r.message,
    }));
    return offsetPage(errors, start, limit);
  }
}
