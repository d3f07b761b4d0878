import type { Selectable } from 'kysely';
import type { Page } from '../store.ts';
import type { TranslationPatternsTable } from '../tables/call-routing.ts';
import type { StoredTranslationPattern, TranslationPatternFilter, TranslationPatternRepository } from '../translation-patterns-store.ts';
import { guardUnique, matches, offsetPage, type RepositoryContext } from './context.ts';

const toPattern = (row: Selectable<TranslationPatternsTable>): StoredTranslationPattern => ({
  id: row.id,
  orgId: row.org_id,
  locationId: row.location_id,
  name: row.name,
  matchingPattern: row.matching_pattern,
  replacementPattern: row.replacement_pattern,
  created: row.created,
});

export class KyselyTranslationPatternRepository implements TranslationPatternRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(p: StoredTranslationPattern): Promise<void> {
    await guardUnique(this.ctx, 'translation pattern', () =>
      this.ctx.db
        .insertInto('translation_patterns')
        .values({
          id: p.id,
          org_id: p.orgId,
          location_id: p.locationId,
          name: p.name,
          matching_pattern: p.matchingPattern,
          replacement_pattern: p.replacementPattern,
          created: p.created,
        })
        .execute(),
    );
  }

  async get(orgId: string, id: string): Promise<StoredTranslationPattern | undefined> {
    const row = await this.ctx.db.selectFrom('translation_patterns').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toPattern(row);
  }

  async list(orgId: string, filter: TranslationPatternFilter): Promise<Page<StoredTranslationPattern, number>> {
    let query = this.ctx.db.selectFrom('translation_patterns').selectAll().where('org_id', '=', orgId);
    if (filter.orgLevelOnly) query = query.where('location_id', 'is', null);
    else if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.name !== undefined) query = query.where(matches('name', filter.name, 'contains', true));
    if (filter.matchingPattern !== undefined) query = query.where(matches('matching_pattern', filter.matchingPattern, 'contains'));
    const rows = await query.orderBy('name', filter.direction).orderBy('id').limit(filter.max + 1).offset(filter.start).execute();
    return offsetPage(rows.map(toPattern), filter.start, filter.max);
  }

  async patternsFor(orgId: string, locationId: string): Promise<StoredTranslationPattern[]> {
    const rows = await this.ctx.db
      .selectFrom('translation_patterns')
      .selectAll()
      .where('org_id', '=', orgId)
      .where((eb) => eb.or([eb('location_id', 'is', null), eb('location_id', '=', locationId)]))
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toPattern);
  }

  async update(p: StoredTranslationPattern): Promise<void> {
    await guardUnique(this.ctx, 'translation pattern', () =>
      this.ctx.db
        .updateTable('translation_patterns')
        .set({ name: p.name, matching_pattern: p.matchingPattern, replacement_pattern: p.replacementPattern })
        .where('org_id', '=', p.orgId)
        .where('id', '=', p.id)
        .execute(),
    );
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.ctx.db.deleteFrom('translation_patterns').where('org_id', '=', orgId).where('id', '=', id).execute();
  }
}
