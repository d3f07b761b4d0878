// What the domain may ask of persistence for reports (domain/reports).

export type StoredReport = {
  id: string;
  orgId: string;
  templateId: number;
  startDate: string;
  endDate: string;
  timeZone: string;
  created: string;
  createdBy: string;
  /** Made through the partner API (listed there, not in the organization's own list). */
  partner: boolean;
  content: string;
};

export type ReportFilter = { partner: boolean; id?: string; templateId?: number; from?: string; to?: string };

export interface ReportRepository {
  insert(report: StoredReport): Promise<void>;
  /** Without the content. */
  list(orgId: string, filter: ReportFilter): Promise<Omit<StoredReport, 'content'>[]>;
  get(orgId: string, id: string): Promise<StoredReport | undefined>;
  /** False when there was none. */
  delete(orgId: string, id: string): Promise<boolean>;
}
