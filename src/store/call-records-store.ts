// What the domain may ask of persistence for detailed call history (domain/call-records).

export type StoredCallRecord = {
  id: string;
  orgId: string;
  locationId: string | null;
  reportTime: string;
  /** The Webex record (field names as Webex spells them: "Call type", "Duration", …). */
  data: Record<string, unknown>;
};

/** Records of an organization with `from <= reportTime <= to`, after a keyset position. */
export type CallRecordQuery = {
  orgId: string;
  from: string;
  to: string;
  /** Only these locations (undefined: all). */
  locationIds?: readonly string[];
  after?: { reportTime: string; id: string };
  limit: number;
};

export interface CallRecordRepository {
  add(records: readonly StoredCallRecord[]): Promise<void>;
  /** Ordered by report time then ID; at most `limit`. */
  list(query: CallRecordQuery): Promise<StoredCallRecord[]>;
}
