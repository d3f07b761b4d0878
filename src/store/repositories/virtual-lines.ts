import { sql, type Selectable, type SqlBool } from 'kysely';
import type { VirtualLineDetails } from '../../domain/virtual-lines/virtual-line-service.ts';
import type { Page } from '../store.ts';
import type { VirtualLinesTable } from '../tables/virtual-lines.ts';
import type { StoredVirtualLine, VirtualLineFilter, VirtualLineRepository } from '../virtual-lines-store.ts';
import { guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toLine = (row: Selectable<VirtualLinesTable>): StoredVirtualLine => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  firstName: row.first_name,
  lastName: row.last_name,
  displayName: row.display_name,
  phoneNumber: row.phone_number,
  extension: row.extension,
  details: JSON.parse(row.details) as VirtualLineDetails,
  created: row.created,
});

const toRow = (l: StoredVirtualLine): VirtualLinesTable => ({
  id: l.id,
  org_id: l.orgId,
  location_id: l.locationId,
  first_name: l.firstName,
  last_name: l.lastName,
  display_name: l.displayName,
  phone_number: l.phoneNumber,
  extension: l.extension,
  details: JSON.stringify(l.details),
  created: l.created,
});

export class KyselyVirtualLineRepository implements VirtualLineRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(l: StoredVirtualLine): Promise<void> {
    await guardUnique(this.ctx, 'virtual line', () => this.ctx.db.insertInto('virtual_lines').values(toRow(l)).execute());
  }

  async get(orgId: string, id: string): Promise<StoredVirtualLine | undefined> {
    const row = await this.ctx.db.selectFrom('virtual_lines').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toLine(row);
  }

  async findByNumber(phoneNumber: string): Promise<StoredVirtualLine | undefined> {
    const row = await this.ctx.db.selectFrom('virtual_lines').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toLine(row);
  }

  async findByExtension(locationId: string, extension: string): Promise<StoredVirtualLine | undefined> {
    const row = await this.ctx.db.selectFrom('virtual_lines').selectAll().where('location_id', '=', locationId).where('extension', '=', extension).executeTakeFirst();
    return row && toLine(row);
  }

  async list(orgId: string, f: VirtualLineFilter): Promise<Page<StoredVirtualLine, number>> {
    let query = this.ctx.db.selectFrom('virtual_lines').selectAll().where('org_id', '=', orgId);
    if (f.locationIds !== undefined) {
      if (f.locationIds.length === 0) return { items: [] };
      query = query.where('location_id', 'in', f.locationIds);
    }
    if (f.ids !== undefined) {
      if (f.ids.length === 0) return { items: [] };
      query = query.where('id', 'in', f.ids);
    }
    if (f.ownerName !== undefined) {
      const name = f.ownerName;
      query = query.where(sql<SqlBool>`(${matches('first_name', name, 'contains', true)} or ${matches('last_name', name, 'contains', true)})`);
    }
    if (f.phoneNumber !== undefined) query = query.where(matches('phone_number', f.phoneNumber, 'contains'));
    if (f.hasExtension !== undefined) query = query.where('extension', f.hasExtension ? 'is not' : 'is', null);
    if (f.hasNumber !== undefined) query = query.where('phone_number', f.hasNumber ? 'is not' : 'is', null);
    const rows = await query
      .orderBy(sql`lower(last_name)`)
      .orderBy(sql`lower(first_name)`)
      .orderBy('created')
      .orderBy('id')
      .limit(f.max + 1)
      .offset(f.start)
      .execute();
    return offsetPage(rows.map(toLine), f.start, f.max);
  }

  async update(l: StoredVirtualLine): Promise<void> {
    const { id: _id, org_id: _org, created: _created, ...values } = toRow(l);
    await guardUnique(this.ctx, 'virtual line', () => this.ctx.db.updateTable('virtual_lines').set(values).where('org_id', '=', l.orgId).where('id', '=', l.id).execute());
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('virtual_lines').where('org_id', '=', orgId).where('id', '=', id).execute();
    // Its voicemail box and recording settings are named by its ID (no foreign key).
    await this.ctx.db.deleteFrom('voice_messages').where('org_id', '=', orgId).where('box_kind', '=', 'virtualLine').where('box_id', '=', id).execute();
    await this.ctx.db.deleteFrom('voicemail_greetings').where('org_id', '=', orgId).where('box_kind', '=', 'virtualLine').where('box_id', '=', id).execute();
    await this.ctx.db.deleteFrom('call_recording_settings').where('org_id', '=', orgId).where('person_id', '=', id).execute();
  }
}
