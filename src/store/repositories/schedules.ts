import { sql, type Selectable, type SqlBool } from 'kysely';
import type { ScheduleEvent, ScheduleType } from '../../domain/schedules/schedule-types.ts';
import type { ScheduleFilter, ScheduleRepository, StoredSchedule } from '../schedules-store.ts';
import type { Page } from '../store.ts';
import type { SchedulesTable } from '../tables/schedules.ts';
import { guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toSchedule = (row: Selectable<SchedulesTable>): StoredSchedule => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  personId: row.person_id,
  type: row.type as ScheduleType,
  name: row.name,
  events: JSON.parse(row.events) as ScheduleEvent[],
  created: row.created,
  lastModified: row.last_modified,
});

export class KyselyScheduleRepository implements ScheduleRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(s: StoredSchedule): Promise<void> {
    await guardUnique(this.ctx, 'schedule name', () =>
      this.ctx.db
        .insertInto('schedules')
        .values({
          id: s.id,
          org_id: s.orgId,
          location_id: s.locationId,
          person_id: s.personId ?? null,
          type: s.type,
          name: s.name,
          events: JSON.stringify(s.events),
          created: s.created,
          last_modified: s.lastModified,
        })
        .execute(),
    );
  }

  async findByName(orgId: string, locationId: string, type: ScheduleType, name: string, personId?: string): Promise<StoredSchedule | undefined> {
    let query = this.ctx.db.selectFrom('schedules').selectAll().where('org_id', '=', orgId);
    query = personId === undefined ? query.where('location_id', '=', locationId).where('person_id', 'is', null) : query.where('person_id', '=', personId);
    const row = await query
      .where('type', '=', type)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toSchedule(row);
  }

  async list(orgId: string, locationId: string | undefined, filter: ScheduleFilter): Promise<Page<StoredSchedule, number>> {
    let query = this.ctx.db.selectFrom('schedules').selectAll().where('org_id', '=', orgId);
    if (locationId !== undefined) query = query.where('location_id', '=', locationId);
    query = filter.personId === undefined ? query.where('person_id', 'is', null) : query.where('person_id', '=', filter.personId);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    const rows = await query
      .orderBy('type')
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .limit(filter.max + 1)
      .offset(filter.start)
      .execute();
    return offsetPage(rows.map(toSchedule), filter.start, filter.max);
  }

  async update(s: StoredSchedule): Promise<void> {
    await guardUnique(this.ctx, 'schedule name', () =>
      this.ctx.db
        .updateTable('schedules')
        .set({ name: s.name, events: JSON.stringify(s.events), last_modified: s.lastModified })
        .where('org_id', '=', s.orgId)
        .where('id', '=', s.id)
        .execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('schedules').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
