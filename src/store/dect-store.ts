// What the domain may ask of persistence for DECT networks, their base stations and handsets.
import type { MemberKind } from './devices-store.ts';

export type StoredDectNetwork = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  displayName: string | null;
  model: string;
  chainId: number;
  defaultAccessCodeEnabled: boolean;
  defaultAccessCode: string | null;
  serviceabilityPasswordEnabled: boolean;
  serviceabilityPassword: string | null;
  created: string;
};

export type StoredBaseStation = { id: string; orgId: string; networkId: string; mac: string; created: string };

/** A handset's line: a person's, a workspace's or a virtual line. */
export type HandsetLine = { kind: MemberKind; memberId: string };

export type StoredHandset = {
  id: string;
  orgId: string;
  networkId: string;
  index: number;
  customDisplayName: string;
  mac: string;
  accessCode: string;
  line1: HandsetLine;
  line2: HandsetLine | null;
  created: string;
};

export interface DectRepository {
  /** UniqueViolation for a name the location already has. */
  insertNetwork(network: StoredDectNetwork): Promise<void>;
  getNetwork(orgId: string, id: string): Promise<StoredDectNetwork | undefined>;
  /** By name; locationId and name (contains, caseless) filter. */
  listNetworks(orgId: string, filter: { locationId?: string; name?: string }): Promise<StoredDectNetwork[]>;
  updateNetwork(network: StoredDectNetwork): Promise<void>;
  deleteNetwork(orgId: string, id: string): Promise<void>;

  /** UniqueViolation for a MAC in use in the organization. */
  insertBaseStation(station: StoredBaseStation): Promise<void>;
  findBaseStationByMac(orgId: string, mac: string): Promise<StoredBaseStation | undefined>;
  /** In creation order. */
  baseStations(orgId: string, networkId: string): Promise<StoredBaseStation[]>;
  deleteBaseStations(orgId: string, networkId: string, ids?: readonly string[]): Promise<void>;

  insertHandset(handset: StoredHandset): Promise<void>;
  /** By index. */
  handsets(orgId: string, networkId: string): Promise<StoredHandset[]>;
  updateHandset(handset: StoredHandset): Promise<void>;
  deleteHandsets(orgId: string, networkId: string, ids?: readonly string[]): Promise<void>;
  /** Handsets carrying a line of this member, on any network of the organization. */
  handsetsOf(orgId: string, memberId: string): Promise<StoredHandset[]>;
}
