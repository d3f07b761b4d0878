import type { Flag } from '../database.ts';
import type { CandidateFilter, CandidateNumber, EcbnSelected, EcbnSelection, LocationNumberRepository } from '../location-numbers-store.ts';
import type { NumberState, Page, TelephoneNumberType } from '../store.ts';
import { chunks, flag, offsetPage, type RepositoryContext } from './context.ts';
import { numbersWithOwner } from './numbers.ts';
import { personNameContains } from './people.ts';

type CandidateRow = {
  phone_number: string;
  location_id: string;
  location_name: string;
  state: string;
  number_type: string;
  is_main_number: Flag;
  is_service_number: Flag;
  owner_id: string | null;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  extension: string | null;
};

const toCandidate = (row: CandidateRow): CandidateNumber => ({
  phoneNumber: row.phone_number,
  locationId: row.location_id,
  locationName: row.location_name,
  state: row.state as NumberState,
  numberType: row.number_type as TelephoneNumberType,
  isMainNumber: Number(row.is_main_number) === 1,
  isServiceNumber: Number(row.is_service_number) === 1,
  owner:
    row.owner_id === null
      ? null
      : { id: row.owner_id, firstName: row.first_name, lastName: row.last_name, displayName: row.display_name ?? '', extension: row.extension },
});

export class KyselyLocationNumberRepository implements LocationNumberRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async getEcbn(locationId: string): Promise<EcbnSelection | undefined> {
    const row = await this.ctx.db.selectFrom('location_ecbn').selectAll().where('location_id', '=', locationId).executeTakeFirst();
    return (
      row && {
        locationId: row.location_id,
        orgId: row.org_id,
        selected: row.selected as EcbnSelected,
        memberId: row.member_id,
        elinExpiryTimeMinutes: Number(row.elin_expiry_minutes),
        lastModified: row.last_modified,
      }
    );
  }

  async saveEcbn(selection: EcbnSelection): Promise<void> {
    const values = {
      selected: selection.selected,
      member_id: selection.memberId,
      elin_expiry_minutes: selection.elinExpiryTimeMinutes,
      last_modified: selection.lastModified,
    };
    await this.ctx.db
      .insertInto('location_ecbn')
      .values({ location_id: selection.locationId, org_id: selection.orgId, ...values })
      .onConflict((oc) => oc.column('location_id').doUpdateSet(values))
      .execute();
  }

  async mainNumber(locationId: string): Promise<{ phoneNumber: string; state: NumberState } | undefined> {
    const row = await this.ctx.db
      .selectFrom('numbers')
      .select(['phone_number', 'state'])
      .where('location_id', '=', locationId)
      .where('is_main_number', '=', 1)
      .orderBy('phone_number')
      .executeTakeFirst();
    return row && { phoneNumber: row.phone_number, state: row.state as NumberState };
  }

  async candidates(orgId: string, filter: CandidateFilter, start: number, limit: number): Promise<Page<CandidateNumber, number>> {
    let query = numbersWithOwner(this.ctx.db, orgId);
    const { scope } = filter;
    if ('locationId' in scope) query = query.where('n.location_id', '=', scope.locationId);
    else if ('callingCountry' in scope) query = query.where('l.calling_enabled', '=', 1).where('l.country', '=', scope.callingCountry);
    else query = query.where('l.calling_enabled', '=', 1);
    if (filter.phoneNumbers !== undefined) {
      if (filter.phoneNumbers.length === 0) return { items: [] };
      query = query.where('n.phone_number', 'in', [...new Set(filter.phoneNumbers)]);
    }
    if (filter.assigned === true) query = query.where('n.owner_id', 'is not', null);
    if (filter.assigned === false) query = query.where('n.owner_id', 'is', null).where('n.is_main_number', '=', 0);
    // A hunt group's or call queue's number is held too (numbers.owner_id names people only).
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('hunt_groups as h').select('h.id').whereRef('h.phone_number', '=', 'n.phone_number'))));
    // A voicemail group's number is held too.
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('voicemail_groups as v').select('v.id').whereRef('v.phone_number', '=', 'n.phone_number'))));
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('call_queues as q').select('q.id').whereRef('q.phone_number', '=', 'n.phone_number'))));
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('auto_attendants as a').select('a.id').whereRef('a.phone_number', '=', 'n.phone_number'))));
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('workspaces as w').select('w.id').whereRef('w.phone_number', '=', 'n.phone_number'))));
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('virtual_lines as v').select('v.id').whereRef('v.phone_number', '=', 'n.phone_number'))));
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('paging_groups as g').select('g.id').whereRef('g.phone_number', '=', 'n.phone_number'))));
    if (filter.assigned === false) query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('ai_receptionists as r').select('r.id').whereRef('r.phone_number', '=', 'n.phone_number'))));
    if (filter.numberTypes !== undefined) query = query.where('n.number_type', 'in', filter.numberTypes);
    if (filter.serviceNumber !== undefined) query = query.where('n.is_service_number', '=', flag(filter.serviceNumber));
    const { ownerName } = filter;
    if (ownerName !== undefined) query = query.where((eb) => personNameContains(eb, ownerName));
    if (filter.extension !== undefined) query = query.where('p.extension', '=', filter.extension);
    const rows = await query.orderBy('n.phone_number').limit(limit + 1).offset(start).execute();
    return offsetPage(rows.map(toCandidate), start, limit);
  }

  async extensionsInUse(locationId: string, extensions: readonly string[]): Promise<Set<string>> {
    const used = new Set<string>();
    for (const chunk of chunks([...new Set(extensions)])) {
      const rows = await this.ctx.db.selectFrom('people').select('extension').where('location_id', '=', locationId).where('extension', 'in', chunk).execute();
      for (const row of rows) if (row.extension !== null) used.add(row.extension);
    }
    return used;
  }
}
