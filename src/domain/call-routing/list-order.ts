import type { ListOrder, SortDirection } from '../../store/call-routing-store.ts';
import { invalidOrder } from './call-routing-errors.ts';

// The `order` query parameter of the call-routing lists. Webex documents it per list as sort
// fields ("name, locationName"; "routeName, routeType") or as a direction ("asc, desc"), ascending
// by default. Callplane takes a field, a field with -asc or -desc, or a bare asc or desc for the
// list's first field; anything else is a 400 rather than a silently ignored order.

export function parseOrder<F extends string>(value: string | undefined, fields: readonly [F, ...F[]]): ListOrder<F> {
  const fallback = fields[0];
  if (value === undefined || value === '') return { field: fallback, direction: 'asc' };
  const match = /^(?:([A-Za-z]+)-)?(asc|desc)$/i.exec(value) ?? /^([A-Za-z]+)()$/.exec(value);
  if (match) {
    const [, name, dir] = match;
    const field = name === undefined ? fallback : fields.find((f) => f.toLowerCase() === name.toLowerCase());
    const direction: SortDirection = dir?.toLowerCase() === 'desc' ? 'desc' : 'asc';
    // A bare word that is a direction was caught by the first form; one that is no field is refused.
    if (field !== undefined) return { field, direction };
  }
  throw invalidOrder(value, fields);
}
