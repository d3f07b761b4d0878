import type { Selectable } from 'kysely';
import type { AlternateNumber, AlternateNumberRepository, AlternateOwnerKind, RingPattern } from '../alternate-numbers-store.ts';
import type { AlternateNumbersTable } from '../tables/alternate-numbers.ts';
import { guardUnique, type RepositoryContext } from './context.ts';

const toNumber = (row: Selectable<AlternateNumbersTable>): AlternateNumber => ({
  phoneNumber: row.phone_number,
  orgId: row.org_id,
  ownerKind: row.owner_kind as AlternateOwnerKind,
  ownerId: row.owner_id,
  extension: row.extension,
  ringPattern: row.ring_pattern as RingPattern,
  created: row.created,
});

export class KyselyAlternateNumberRepository implements AlternateNumberRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async get(phoneNumber: string): Promise<AlternateNumber | undefined> {
    const row = await this.ctx.db.selectFrom('alternate_numbers').selectAll().where('phone_number', '=', phoneNumber).executeTakeFirst();
    return row && toNumber(row);
  }

  async ofOwner(orgId: string, ownerId: string): Promise<AlternateNumber[]> {
    const rows = await this.ctx.db.selectFrom('alternate_numbers').selectAll().where('org_id', '=', orgId).where('owner_id', '=', ownerId).orderBy('created').orderBy('phone_number').execute();
    return rows.map(toNumber);
  }

  async insert(n: AlternateNumber): Promise<void> {
    await guardUnique(this.ctx, 'alternate number', () =>
      this.ctx.db
        .insertInto('alternate_numbers')
        .values({ phone_number: n.phoneNumber, org_id: n.orgId, owner_kind: n.ownerKind, owner_id: n.ownerId, extension: n.extension, ring_pattern: n.ringPattern, created: n.created })
        .execute(),
    );
  }

  async delete(phoneNumber: string): Promise<void> {
    await this.ctx.db.deleteFrom('alternate_numbers').where('phone_number', '=', phoneNumber).execute();
  }

  async deleteOfOwner(orgId: string, ownerId: string): Promise<void> {
    await this.ctx.db.deleteFrom('alternate_numbers').where('org_id', '=', orgId).where('owner_id', '=', ownerId).execute();
  }

  async findByExtension(locationId: string, extension: string): Promise<AlternateNumber | undefined> {
    const row = await this.ctx.db
      .selectFrom('alternate_numbers as a')
      .innerJoin('numbers as n', 'n.phone_number', 'a.phone_number')
      .selectAll('a')
      .where('n.location_id', '=', locationId)
      .where('a.extension', '=', extension)
      .executeTakeFirst();
    return row && toNumber(row);
  }
}
