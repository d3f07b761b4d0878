// Tables of the call records area (see store/migrations/0044-call-records.ts).

export type CallRecordsTable = {
  id: string;
  org_id: string;
  location_id: string | null;
  /** ISO time the record was written (the leg's end). */
  report_time: string;
  /** JSON: the record as Webex serves it. */
  data: string;
};

export type CallRecordTables = { call_records: CallRecordsTable };
