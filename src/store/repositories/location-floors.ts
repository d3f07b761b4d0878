import type { LocationFloorRepository, StoredFloor } from '../location-floors-store.ts';
import type { LocationFloorsTable } from '../tables/location-floors.ts';
import { guardUnique, type RepositoryContext } from './context.ts';

const toFloor = (r: LocationFloorsTable): StoredFloor => ({
  id: r.id,
  orgId: r.org_id,
  locationId: r.location_id,
  floorNumber: Number(r.floor_number),
  displayName: r.display_name,
  created: r.created,
});

export class KyselyLocationFloorRepository implements LocationFloorRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(f: StoredFloor): Promise<void> {
    await guardUnique(this.ctx, 'floor', () =>
      this.ctx.db
        .insertInto('location_floors')
        .values({ id: f.id, org_id: f.orgId, location_id: f.locationId, floor_number: f.floorNumber, display_name: f.displayName, created: f.created })
        .execute(),
    );
  }

  async get(orgId: string, locationId: string, id: string): Promise<StoredFloor | undefined> {
    const row = await this.ctx.db
      .selectFrom('location_floors')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('location_id', '=', locationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toFloor(row);
  }

  async list(orgId: string, locationId: string): Promise<StoredFloor[]> {
    const rows = await this.ctx.db
      .selectFrom('location_floors')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('location_id', '=', locationId)
      .orderBy('floor_number')
      .execute();
    return rows.map(toFloor);
  }

  async update(f: StoredFloor): Promise<void> {
    await guardUnique(this.ctx, 'floor', () =>
      this.ctx.db
        .updateTable('location_floors')
        .set({ floor_number: f.floorNumber, display_name: f.displayName })
        .where('org_id', '=', f.orgId)
        .where('id', '=', f.id)
        .execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('location_floors').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
