import type { IdAndName } from '../../store/call-routing-store.ts';
import { blankName } from './call-routing-errors.ts';

// Small rules shared by trunks, route groups and dial plans.

/** `route group "A", dial plan "B"`: what uses a trunk or route group, for a 409. */
export function describeUsers(parts: { routeGroups?: IdAndName[]; dialPlans?: IdAndName[]; locations?: IdAndName[] }): string[] {
  return [
    ...(parts.routeGroups ?? []).map((g) => `route group "${g.name}"`),
    ...(parts.dialPlans ?? []).map((d) => `dial plan "${d.name}"`),
    ...(parts.locations ?? []).map((l) => `the PSTN connection of location "${l.name}"`),
  ];
}

/** A name trimmed; a blank one is a 400. Uniqueness is checked against the store. */
export function checkedName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  if (trimmed === '') throw blankName(field);
  return trimmed;
}
