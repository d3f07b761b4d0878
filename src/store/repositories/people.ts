import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool } from 'kysely';
import type { PeopleTable } from '../database.ts';
import type { Cursor, Page, Person, PersonFilter, PersonRepository } from '../store.ts';
import { fixedStatement, flag, guardUnique, keysetPage, matches, type RepositoryContext } from './context.ts';

export const toPerson = (row: Selectable<PeopleTable>): Person => ({
  id: row.id,
  orgId: row.org_id,
  email: row.email,
  displayName: row.display_name,
  firstName: row.first_name,
  lastName: row.last_name,
  nickName: row.nick_name,
  avatar: row.avatar,
  department: row.department,
  manager: row.manager,
  managerId: row.manager_id,
  title: row.title,
  addresses: JSON.parse(row.addresses),
  roles: JSON.parse(row.roles),
  siteUrls: JSON.parse(row.site_urls),
  timezone: row.timezone,
  loginEnabled: row.login_enabled === 1,
  locationId: row.location_id,
  extension: row.extension,
  routingPrefix: row.routing_prefix,
  announcementLanguage: row.announcement_language,
  created: row.created,
  lastModified: row.last_modified,
});

const toRow = (p: Person): Insertable<PeopleTable> => ({
  id: p.id,
  org_id: p.orgId,
  email: p.email,
  display_name: p.displayName,
  display_name_key: p.displayName.toLowerCase(),
  first_name: p.firstName,
  last_name: p.lastName,
  nick_name: p.nickName,
  avatar: p.avatar,
  department: p.department,
  manager: p.manager,
  manager_id: p.managerId,
  title: p.title,
  addresses: JSON.stringify(p.addresses),
  roles: JSON.stringify(p.roles),
  site_urls: JSON.stringify(p.siteUrls),
  timezone: p.timezone,
  login_enabled: flag(p.loginEnabled),
  location_id: p.locationId,
  extension: p.extension,
  routing_prefix: p.routingPrefix,
  announcement_language: p.announcementLanguage,
  created: p.created,
  last_modified: p.lastModified,
});

// Creating a person (issue 17): built and compiled once.
const insertPerson = fixedStatement((db, row: Insertable<PeopleTable>) => db.insertInto('people').values(row));
const personByEmail = fixedStatement((db, email: string) => db.selectFrom('people').selectAll().where('email', '=', email));
// Read by each call request (its actor, the called person and their caller ID): issue 17.
const personById = fixedStatement((db, orgId: string, id: string) => db.selectFrom('people').selectAll().where('org_id', '=', orgId).where('id', '=', id));

/** The person joined as `p` has a display, first or last name containing `name`, regardless of case. */
export const personNameContains = (eb: ExpressionBuilder<any, any>, name: string): Expression<SqlBool> =>
  eb.or([matches('p.display_name', name, 'contains', true), matches('p.first_name', name, 'contains', true), matches('p.last_name', name, 'contains', true)]);

export class KyselyPersonRepository implements PersonRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(person: Person): Promise<void> {
    await guardUnique(this.ctx, 'person email or extension', () =>
      insertPerson(this.ctx, toRow(person)),
    );
  }

  async get(orgId: string, id: string): Promise<Person | undefined> {
    const row = (await personById(this.ctx, orgId, id)).rows[0];
    return row && toPerson(row);
  }

  async getMany(orgId: string, ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return rows.map(toPerson);
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const row = (await personByEmail(this.ctx, email.toLowerCase())).rows[0];
    return row && toPerson(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<Person | undefined> {
    const row = await this.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('location_id', '=', locationId)
      .where('extension', '=', extension)
      .executeTakeFirst();
    return row && toPerson(row);
  }

  async list(orgId: string, filter: PersonFilter, after: Cursor | undefined, limit: number): Promise<Page<Person, Cursor>> {
    let query = this.ctx.db.selectFrom('people').selectAll().where('org_id', '=', orgId);
    if (filter.email !== undefined) query = query.where('email', '=', filter.email.toLowerCase());
    if (filter.displayName !== undefined) {
      query = query.where(matches('display_name_key', filter.displayName.toLowerCase(), 'prefix'));
    }
    if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.roles !== undefined && filter.roles.length > 0) {
      const roles = filter.roles;
      query = query.where((eb) => eb.or(roles.map((role) => matches('roles', JSON.stringify(role), 'contains'))));
    }
    if (after) query = query.where((eb) => eb(eb.refTuple('created', 'id'), '>', eb.tuple(after.created, after.id)));
    const rows = await query.orderBy('created').orderBy('id').limit(limit + 1).execute();
    return keysetPage(rows.map(toPerson), limit);
  }

  async update(person: Person): Promise<void> {
    const { id, org_id, created, ...changes } = toRow(person);
    await guardUnique(this.ctx, 'person email or extension', () =>
      this.ctx.db.updateTable('people').set(changes).where('org_id', '=', org_id).where('id', '=', id).execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    // Their license units go back; their holdings then go by cascade.
    await this.ctx.db
      .updateTable('licenses')
      .set((eb) => ({ consumed_units: eb('consumed_units', '-', 1) }))
      .where('id', 'in', (eb) => eb.selectFrom('person_licenses').select('license_id').where('org_id', '=', orgId).where('person_id', '=', id))
      .execute();
    await this.ctx.db.deleteFrom('people').where('org_id', '=', orgId).where('id', '=', id).execute();
    // Their settings documents go with them (owner_settings has no foreign key to people).
    await this.ctx.db.deleteFrom('owner_settings').where('org_id', '=', orgId).where('owner_kind', '=', 'person').where('owner_id', '=', id).execute();
    // So do their voicemail box's messages and greetings (boxes are named by kind and id, no foreign key).
    await this.ctx.db.deleteFrom('voice_messages').where('org_id', '=', orgId).where('box_kind', '=', 'person').where('box_id', '=', id).execute();
    await this.ctx.db.deleteFrom('voicemail_greetings').where('org_id', '=', orgId).where('box_kind', '=', 'person').where('box_id', '=', id).execute();
    await this.ctx.db.deleteFrom('call_recording_settings').where('org_id', '=', orgId).where('person_id', '=', id).execute();
  }

  async countInLocation(locationId: string): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('location_id', '=', locationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
