import type { IdAndName } from '../../store/call-routing-store.ts';
import type { Page } from '../../store/store.ts';
import { parseOrder } from './list-order.ts';

// The usage lists of trunks and route groups (locations, dial plans, route groups that use one).
// They are short (what one trunk or route group serves), so they are filtered, sorted and paged
// here rather than by the store.

export type UsageListQuery = {
  /** Only entries whose name contains this, regardless of case. */
  name?: string;
  /** name, name-asc, name-desc, asc or desc; ascending by name by default. */
  order?: string;
  start: number;
  max: number;
};

export function usagePage<T extends IdAndName>(items: readonly T[], query: UsageListQuery): Page<T, number> {
  const order = parseOrder(query.order, ['name']);
  const needle = query.name?.toLowerCase();
  const kept = needle ? items.filter((i) => i.name.toLowerCase().includes(needle)) : [...items];
  const sign = order.direction === 'desc' ? -1 : 1;
  kept.sort((a, b) => sign * (a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const end = query.start + query.max;
  return { items: kept.slice(query.start, end), ...(end < kept.length ? { next: end } : {}) };
}
