// Tables of the reports area (see store/migrations/0045-reports.ts).

export type ReportsTable = {
  id: string;
  org_id: string;
  template_id: number;
  /** YYYY-MM-DD, inclusive. */
  start_date: string;
  end_date: string;
  time_zone: string;
  created: string;
  /** The person who asked for it (raw id). */
  created_by: string;
  /** 1 when made through the partner API. */
  partner: number;
  /** The CSV. */
  content: string;
};

export type ReportTables = { reports: ReportsTable };
