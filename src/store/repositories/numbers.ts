import { sql, type Expression, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database, Flag, NumbersTable } from '../database.ts';
import type {
  NumberCounts,
  NumberFilter,
  NumberListing,
  NumberRepository,
  NumberState,
  Page,
  PhoneNumber,
  TelephoneNumberType,
} from '../store.ts';
import { chunks, fixedStatement, flag, guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';
import { personNameContains } from './people.ts';

const toNumber = (row: Selectable<NumbersTable>): PhoneNumber => ({
  phoneNumber: row.phone_number,
  orgId: row.org_id,
  locationId: row.location_id,
  state: row.state as NumberState,
  numberType: row.number_type as TelephoneNumberType,
  isMainNumber: row.is_main_number === 1,
  isServiceNumber: row.is_service_number === 1,
  ownerId: row.owner_id,
  created: row.created,
});

type ListingRow = {
  phone_number: string | null;
  extension: string | null;
  location_id: string;
  location_name: string;
  routing_prefix: string | null;
  state: string;
  number_type: string | null;
  is_main_number: Flag;
  is_service_number: Flag;
  owner_id: string | null;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
};

const toListing = (row: ListingRow): NumberListing => ({
  phoneNumber: row.phone_number,
  extension: row.extension,
  locationId: row.location_id,
  locationName: row.location_name,
  routingPrefix: row.routing_prefix,
  state: row.state as NumberState,
  numberType: row.number_type as TelephoneNumberType | null,
  isMainNumber: Number(row.is_main_number) === 1,
  isServiceNumber: Number(row.is_service_number) === 1,
  owner:
    row.owner_id === null
      ? null
      : { id: row.owner_id, firstName: row.first_name, lastName: row.last_name, displayName: row.display_name ?? '' },
});

/** The organization's numbers with their location's name and their owner, if any (as n, l and p). */
export function numbersWithOwner(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('numbers as n')
    .innerJoin('locations as l', 'l.id', 'n.location_id')
    .leftJoin('people as p', 'p.id', 'n.owner_id')
    .select([
      'n.phone_number',
      'p.extension',
      'n.location_id',
      'l.name as location_name',
      'n.state',
      'n.number_type',
      'n.is_main_number',
      'n.is_service_number',
      'p.id as owner_id',
      'p.first_name',
      'p.last_name',
      'p.display_name',
    ])
    .where('n.org_id', '=', orgId);
}

// Creating a calling user checks and takes a number and an extension (issue 17): these are
// built and compiled once.
const numberWithHolder = fixedStatement((db, phoneNumber: string) =>
  db
    .selectFrom('numbers')
    .selectAll()
    .select((eb) => {
      const holds = (table: 'hunt_groups' | 'call_queues' | 'auto_attendants' | 'paging_groups' | 'voicemail_groups' | 'workspaces' | 'virtual_lines' | 'ai_receptionists' | 'alternate_numbers') =>
        eb.exists(eb.selectFrom(table).select(sql.lit(1).as('one')).where('phone_number', '=', phoneNumber));
      return eb
        .or([
          holds('hunt_groups'),
          holds('call_queues'),
          holds('auto_attendants'),
          holds('paging_groups'),
          holds('voicemail_groups'),
          holds('workspaces'),
          holds('virtual_lines'),
          holds('ai_receptionists'),
          holds('alternate_numbers'),
        ])
        .as('held_by_other');
    })
    .where('phone_number', '=', phoneNumber),
);

const extensionTakenAt = fixedStatement((db, orgId: string, locationId: string, extension: string, exceptPersonId: string) =>
  db
    .selectNoFrom((eb) => {
      const holds = (table: 'hunt_groups' | 'call_queues' | 'auto_attendants' | 'call_park_extensions' | 'paging_groups' | 'voicemail_groups' | 'virtual_lines' | 'ai_receptionists') =>
        eb.exists(eb.selectFrom(table).select(sql.lit(1).as('one')).where('location_id', '=', locationId).where('extension', '=', extension));
      return eb
        .or([
          eb.exists(
            eb.selectFrom('people').select(sql.lit(1).as('one')).where('location_id', '=', locationId).where('extension', '=', extension).where('id', '!=', exceptPersonId),
          ),
          holds('hunt_groups'),
          holds('call_queues'),
          holds('auto_attendants'),
          eb.exists(
            eb
              .selectFrom('virtual_extensions')
              .select(sql.lit(1).as('one'))
              .where('org_id', '=', orgId)
              .where('location_id', '=', locationId)
              .where('extension', '=', extension),
          ),
          holds('call_park_extensions'),
          holds('paging_groups'),
          holds('voicemail_groups'),
          eb.exists(eb.selectFrom('workspaces').select(sql.lit(1).as('one')).where('calling_location_id', '=', locationId).where('extension', '=', extension)),
          holds('virtual_lines'),
          holds('ai_receptionists'),
          // Driven from the organization's alternate numbers (few) rather than the
          // location's numbers (thousands, each probed): alternate_numbers has no index on extension.
          eb.exists(
            eb
              .selectFrom('alternate_numbers as a')
              .select(sql.lit(1).as('one'))
              .where('a.org_id', '=', orgId)
              .where('a.extension', '=', extension)
              .where((inner) =>
                inner.exists(inner.selectFrom('numbers as n').select(sql.lit(1).as('one')).whereRef('n.phone_number', '=', 'a.phone_number').where('n.location_id', '=', locationId)),
              ),
          ),
        ])
        .as('taken');
    }),
);

const claimNumber = fixedStatement((db, phoneNumber: string, ownerId: string) =>
  db.updateTable('numbers').set({ owner_id: ownerId }).where('phone_number', '=', phoneNumber).where('owner_id', 'is', null),
);

// Each placed call looks its number up and each call step its parties' numbers (issue 17).
const numberByPhone = fixedStatement((db, phoneNumber: string) => db.selectFrom('numbers').selectAll().where('phone_number', '=', phoneNumber));
const numbersOwnedBy = fixedStatement((db, ownerIds: string[]) => db.selectFrom('numbers').selectAll().where('owner_id', 'in', ownerIds));

export class KyselyNumberRepository implements NumberRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insertMany(numbers: readonly PhoneNumber[]): Promise<void> {
    await this.insert(numbers, false);
  }

  async insertMissing(numbers: readonly PhoneNumber[]): Promise<void> {
    await this.insert(numbers, true);
  }

  private async insert(numbers: readonly PhoneNumber[], skipStored: boolean): Promise<void> {
    if (numbers.length === 0) return;
    const rows = numbers.map((n) => ({
      phone_number: n.phoneNumber,
      org_id: n.orgId,
      location_id: n.locationId,
      state: n.state,
      number_type: n.numberType,
      is_main_number: flag(n.isMainNumber),
      is_service_number: flag(n.isServiceNumber),
      owner_id: n.ownerId,
      created: n.created,
    }));
    for (const chunk of chunks(rows)) {
      const insert = this.ctx.db.insertInto('numbers').values(chunk);
      await guardUnique(this.ctx, 'phone number', () =>
        (skipStored ? insert.onConflict((oc) => oc.column('phone_number').doNothing()) : insert).execute(),
      );
    }
  }

  async get(phoneNumber: string): Promise<PhoneNumber | undefined> {
    const row = (await numberByPhone(this.ctx, phoneNumber)).rows[0];
    return row && toNumber(row);
  }

  async getWithHolder(phoneNumber: string): Promise<{ number: PhoneNumber; heldByOther: boolean } | undefined> {
    const row = (await numberWithHolder(this.ctx, phoneNumber)).rows[0];
    if (!row) return undefined;
    const { held_by_other, ...number } = row;
    return { number: toNumber(number), heldByOther: Boolean(Number(held_by_other)) };
  }

  async extensionTaken(orgId: string, locationId: string, extension: string, exceptPersonId: string): Promise<boolean> {
    const row = (await extensionTakenAt(this.ctx, orgId, locationId, extension, exceptPersonId)).rows[0]!;
    return Boolean(Number(row.taken));
  }

  async getMany(phoneNumbers: readonly string[]): Promise<PhoneNumber[]> {
    if (phoneNumbers.length === 0) return [];
    const rows = await this.ctx.db.selectFrom('numbers').selectAll().where('phone_number', 'in', [...new Set(phoneNumbers)]).execute();
    return rows.map(toNumber);
  }

  async claim(phoneNumber: string, ownerId: string): Promise<boolean> {
    const result = await guardUnique(this.ctx, 'number owner', () => claimNumber(this.ctx, phoneNumber, ownerId));
    return Number(result.numAffectedRows) === 1;
  }

  async releaseOwnedBy(ownerId: string): Promise<void> {
    await this.ctx.db.updateTable('numbers').set({ owner_id: null }).where('owner_id', '=', ownerId).execute();
  }

  async ownedBy(ownerIds: readonly string[]): Promise<Map<string, PhoneNumber>> {
    const owned = new Map<string, PhoneNumber>();
    if (ownerIds.length === 0) return owned;
    const { rows } = await numbersOwnedBy(this.ctx, [...new Set(ownerIds)]);
    for (const row of rows) owned.set(row.owner_id!, toNumber(row));
    return owned;
  }

  async setState(phoneNumbers: readonly string[], state: NumberState): Promise<void> {
    if (phoneNumbers.length === 0) return;
    await this.ctx.db.updateTable('numbers').set({ state }).where('phone_number', 'in', [...phoneNumbers]).execute();
  }

  async deleteMany(phoneNumbers: readonly string[]): Promise<void> {
    if (phoneNumbers.length === 0) return;
    await this.ctx.db.deleteFrom('numbers').where('phone_number', 'in', [...phoneNumbers]).execute();
  }

  /** Numbers (with their owner, if any) followed by extensions whose owner has no number. */
  private inventory(orgId: string, filter: NumberFilter): SelectQueryBuilder<Database, any, ListingRow> {
    const db = this.ctx.db;
    // An owned number shows its owner's routing prefix (which a job may still be moving).
    let numbers = numbersWithOwner(db, orgId).select(sql<string | null>`case when p.id is null then l.routing_prefix else p.routing_prefix end`.as('routing_prefix'));
    // The same columns in the same order, for the union.
    let extensions = db
      .selectFrom('people as p')
      .innerJoin('locations as l', 'l.id', 'p.location_id')
      .select([
        sql<string | null>`null`.as('phone_number'),
        'p.extension',
        'l.id as location_id',
        'l.name as location_name',
        sql<string>`'ACTIVE'`.as('state'),
        sql<string | null>`null`.as('number_type'),
        sql<Flag>`0`.as('is_main_number'),
        sql<Flag>`0`.as('is_service_number'),
        'p.id as owner_id',
        'p.first_name',
        'p.last_name',
        'p.display_name',
        'p.routing_prefix',
      ])
      .where('p.org_id', '=', orgId)
      .where('p.extension', 'is not', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('numbers as o').select('o.phone_number').whereRef('o.owner_id', '=', 'p.id'))));

    // Filters that narrow both halves alike.
    const owner = (eb: any): Expression<SqlBool> => {
      const conditions: Expression<SqlBool>[] = [];
      if (filter.ownerName !== undefined) conditions.push(personNameContains(eb, filter.ownerName));
      if (filter.ownerId !== undefined) conditions.push(eb('p.id', '=', filter.ownerId));
      if (filter.extension !== undefined) conditions.push(eb('p.extension', '=', filter.extension));
      return eb.and(conditions);
    };
    numbers = numbers.where(owner);
    extensions = extensions.where(owner);
    if (filter.locationId !== undefined) {
      numbers = numbers.where('n.location_id', '=', filter.locationId);
      extensions = extensions.where('p.location_id', '=', filter.locationId);
    }
    if (filter.phoneNumber !== undefined) numbers = numbers.where(matches('n.phone_number', filter.phoneNumber, 'contains'));
    if (filter.available === true) numbers = numbers.where('n.owner_id', 'is', null).where('n.is_main_number', '=', 0);
    // A hunt group's or call queue's number is taken too (numbers.owner_id names people only).
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('hunt_groups as h').select('h.id').whereRef('h.phone_number', '=', 'n.phone_number'))));
    // A voicemail group's number is held too.
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('voicemail_groups as v').select('v.id').whereRef('v.phone_number', '=', 'n.phone_number'))));
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('call_queues as q').select('q.id').whereRef('q.phone_number', '=', 'n.phone_number'))));
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('auto_attendants as a').select('a.id').whereRef('a.phone_number', '=', 'n.phone_number'))));
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('workspaces as w').select('w.id').whereRef('w.phone_number', '=', 'n.phone_number'))));
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('virtual_lines as v').select('v.id').whereRef('v.phone_number', '=', 'n.phone_number'))));
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('alternate_numbers as a').select('a.phone_number').whereRef('a.phone_number', '=', 'n.phone_number'))));
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('paging_groups as g').select('g.id').whereRef('g.phone_number', '=', 'n.phone_number'))));
    if (filter.available === true) numbers = numbers.where((eb) => eb.not(eb.exists(eb.selectFrom('ai_receptionists as r').select('r.id').whereRef('r.phone_number', '=', 'n.phone_number'))));
    if (filter.available === false) numbers = numbers.where((eb) => eb.or([eb('n.owner_id', 'is not', null), eb('n.is_main_number', '=', 1)]));
    if (filter.state !== undefined) numbers = numbers.where('n.state', '=', filter.state);
    if (filter.tollFreeNumbers === true) numbers = numbers.where('n.number_type', '=', 'TOLLFREE');
    if (filter.serviceNumber !== undefined) numbers = numbers.where('n.is_service_number', '=', flag(filter.serviceNumber));

    // Extension-only rows have no number, state, availability, toll-free or service flag to match.
    const numbersOnly =
      filter.numberType === 'NUMBER' ||
      filter.phoneNumber !== undefined ||
      filter.available !== undefined ||
      filter.state !== undefined ||
      filter.tollFreeNumbers === true ||
      filter.serviceNumber === true;
    type Inventory = SelectQueryBuilder<Database, any, ListingRow>;
    if (filter.numberType === 'EXTENSION') return extensions as unknown as Inventory;
    if (numbersOnly) return numbers as unknown as Inventory;
    // The halves differ only in which columns may be null, which Kysely's union typing cannot express.
    return numbers.unionAll(extensions as any) as unknown as Inventory;
  }

  async search(orgId: string, filter: NumberFilter, start: number, limit: number): Promise<Page<NumberListing, number>> {
    const inventory = this.inventory(orgId, filter).as('inventory');
    let query = this.ctx.db.selectFrom(inventory).selectAll();
    const numberLast = sql`case when phone_number is null then 1 else 0 end`;
    if (filter.order === 'lastName') query = query.orderBy(sql`coalesce(last_name, '')`);
    if (filter.order === 'extension') query = query.orderBy(sql`coalesce(extension, '')`);
    query = query.orderBy(numberLast).orderBy('phone_number').orderBy('extension').orderBy('location_id');
    const rows = await query.limit(limit + 1).offset(start).execute();
    return offsetPage(rows.map(toListing), start, limit);
  }

  async counts(orgId: string, filter: NumberFilter): Promise<NumberCounts> {
    const db = this.ctx.db;
    let numbers = db
      .selectFrom('numbers')
      .select((eb) => [
        eb.fn.countAll().as('total'),
        eb.fn.sum(eb.case().when('owner_id', 'is not', null).then(1).else(0).end()).as('assigned'),
        eb.fn.sum(eb.case().when('state', '=', 'INACTIVE').then(1).else(0).end()).as('inactive'),
        eb.fn.sum(eb.case().when('number_type', '=', 'TOLLFREE').then(1).else(0).end()).as('toll_free'),
        eb.fn.sum(eb.case().when('number_type', '=', 'MOBILE').then(1).else(0).end()).as('mobile'),
        eb.fn.sum(eb.case().when('is_service_number', '=', 1).then(1).else(0).end()).as('service'),
      ])
      .where('org_id', '=', orgId);
    let extensions = db
      .selectFrom('people as p')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('p.org_id', '=', orgId)
      .where('p.extension', 'is not', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('numbers as o').select('o.phone_number').whereRef('o.owner_id', '=', 'p.id'))));
    if (filter.locationId !== undefined) {
      numbers = numbers.where('location_id', '=', filter.locationId);
      extensions = extensions.where('p.location_id', '=', filter.locationId);
    }
    const [n, e] = await Promise.all([numbers.executeTakeFirstOrThrow(), extensions.executeTakeFirstOrThrow()]);
    const total = Number(n.total);
    const assigned = Number(n.assigned ?? 0);
    const extensionOnly = Number(e.n);
    return {
      assigned,
      unAssigned: total - assigned,
      inActive: Number(n.inactive ?? 0),
      extensionOnly,
      tollFreeNumbers: Number(n.toll_free ?? 0),
      total: total + extensionOnly,
      mobileNumber: Number(n.mobile ?? 0),
      serviceNumber: Number(n.service ?? 0),
    };
  }
}
