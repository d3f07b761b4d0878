import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type {
  DirectoryContact,
  DirectoryContactFilter,
  ReceptionistContactRepository,
  ReceptionistDirectory,
} from '../receptionist-contacts-store.ts';
import type { ReceptionistDirectoriesTable } from '../tables/receptionist-contacts.ts';
import { chunks, guardUnique, matches, type RepositoryContext } from './context.ts';

const toDirectory = (row: Selectable<ReceptionistDirectoriesTable>): ReceptionistDirectory => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  created: row.created,
  lastModified: row.last_modified,
});

export class KyselyReceptionistContactRepository implements ReceptionistContactRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(d: ReceptionistDirectory, personIds: readonly string[]): Promise<void> {
    await guardUnique(this.ctx, 'receptionist directory name', () =>
      this.ctx.db
        .insertInto('receptionist_directories')
        .values({ id: d.id, org_id: d.orgId, location_id: d.locationId, name: d.name, created: d.created, last_modified: d.lastModified })
        .execute(),
    );
    await this.insertContacts(d.id, personIds);
  }

  private async insertContacts(directoryId: string, personIds: readonly string[]): Promise<void> {
    const rows = personIds.map((personId, position) => ({ directory_id: directoryId, person_id: personId, position }));
    for (const chunk of chunks(rows)) await this.ctx.db.insertInto('receptionist_directory_contacts').values(chunk).execute();
  }

  async get(orgId: string, id: string): Promise<ReceptionistDirectory | undefined> {
    const row = await this.ctx.db.selectFrom('receptionist_directories').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toDirectory(row);
  }

  async findByName(locationId: string, name: string): Promise<ReceptionistDirectory | undefined> {
    const row = await this.ctx.db
      .selectFrom('receptionist_directories')
      .selectAll()
      .where('location_id', '=', locationId)
      .where(sql<SqlBool>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row && toDirectory(row);
  }

  async list(orgId: string, locationId: string): Promise<ReceptionistDirectory[]> {
    const rows = await this.ctx.db
      .selectFrom('receptionist_directories')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('location_id', '=', locationId)
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .execute();
    return rows.map(toDirectory);
  }

  async replace(d: ReceptionistDirectory, personIds: readonly string[]): Promise<void> {
    await guardUnique(this.ctx, 'receptionist directory name', () =>
      this.ctx.db
        .updateTable('receptionist_directories')
        .set({ name: d.name, last_modified: d.lastModified })
        .where('org_id', '=', d.orgId)
        .where('id', '=', d.id)
        .execute(),
    );
    await this.ctx.db.deleteFrom('receptionist_directory_contacts').where('directory_id', '=', d.id).execute();
    await this.insertContacts(d.id, personIds);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('receptionist_directories').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async contacts(directoryId: string, filter: DirectoryContactFilter): Promise<DirectoryContact[]> {
    const rows = await this.ctx.db
      .selectFrom('receptionist_directory_contacts as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .leftJoin('numbers as n', 'n.owner_id', 'p.id')
      .select(['p.id', 'p.first_name', 'p.last_name', 'p.department', 'p.extension', 'p.location_id', 'n.phone_number'])
      .where('c.directory_id', '=', directoryId)
      // A person who lost Webex Calling stays listed but is not shown while they lack it.
      .where('p.location_id', 'is not', null)
      .where((eb) => {
        const criteria: Expression<SqlBool>[] = [];
        if (filter.firstName !== undefined) criteria.push(matches('p.first_name', filter.firstName, 'prefix', true));
        if (filter.lastName !== undefined) criteria.push(matches('p.last_name', filter.lastName, 'prefix', true));
        if (filter.phoneNumberDigits !== undefined) criteria.push(matches('n.phone_number', filter.phoneNumberDigits, 'contains'));
        if (filter.extension !== undefined) criteria.push(eb('p.extension', '=', filter.extension));
        if (filter.personId !== undefined) criteria.push(eb('p.id', '=', filter.personId));
        if (criteria.length === 0) return eb.and([]);
        return filter.anyCriterion ? eb.or(criteria) : eb.and(criteria);
      })
      .orderBy('c.position')
      .execute();
    return rows.map((r) => ({
      personId: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      department: r.department,
      phoneNumber: r.phone_number,
      extension: r.extension,
      locationId: r.location_id!,
    }));
  }
}
