// What the domain may ask of persistence for route lists (Call Routing).
import type { Page } from './store.ts';

export type StoredRouteList = { id: string; orgId: string; locationId: string; name: string; routeGroupId: string; created: string };
export type RouteListListing = StoredRouteList & { locationName: string; routeGroupName: string };
/** names / locationIds: any of them (names contained, regardless of case). */
export type RouteListFilter = { names?: string[]; locationIds?: string[]; direction: 'asc' | 'desc'; start: number; max: number };

export interface RouteListRepository {
  /** UniqueViolation for a name in use in the organization. */
  insert(list: StoredRouteList): Promise<void>;
  get(orgId: string, id: string): Promise<RouteListListing | undefined>;
  list(orgId: string, filter: RouteListFilter): Promise<Page<RouteListListing, number>>;
  /** UniqueViolation for a name in use in the organization. */
  update(list: StoredRouteList): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  /** The route lists that route through a route group. */
  byRouteGroup(orgId: string, routeGroupId: string): Promise<RouteListListing[]>;
  numbers(routeListId: string, filter: { number?: string; direction: 'asc' | 'desc'; start: number; max: number }): Promise<Page<string, number>>;
  /** Which route list of the organization holds each of these numbers. */
  holders(orgId: string, numbers: readonly string[]): Promise<Map<string, string>>;
  addNumbers(orgId: string, routeListId: string, numbers: readonly string[]): Promise<void>;
  deleteNumbers(routeListId: string, numbers: readonly string[]): Promise<void>;
  deleteAllNumbers(routeListId: string): Promise<void>;
}
