import type { CallRecordData } from '../call-records/call-records.ts';

// The report templates Callplane generates, both from the detailed call history: every record as
// a row, or each person's usage summed. Webex's own template IDs are not published; these are
// Callplane's, listed by the templates operation as Webex lists its own.

export type ReportTemplate = {
  id: number;
  title: string;
  service: string;
  category: string;
  maxDays: number;
  /** The CSV of the records a report covers. */
  render: (records: readonly CallRecordData[]) => string;
};

const CDR_COLUMNS = [
  'Report ID',
  'Start time',
  'Answer time',
  'Release time',
  'Duration',
  'Ring duration',
  'Direction',
  'Call type',
  'Answered',
  'Call outcome',
  'Call outcome reason',
  'User',
  'User number',
  'Calling number',
  'Called number',
  'Calling line ID',
  'Called line ID',
  'Redirect reason',
  'Redirecting number',
  'Location',
  'Correlation ID',
  'Local call ID',
  'Remote call ID',
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csv = (header: readonly string[], rows: readonly (readonly unknown[])[]) =>
  [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';

function usage(records: readonly CallRecordData[]): string {
  const people = new Map<string, { user: string; number: string; placed: number; received: number; missed: number; seconds: number }>();
  for (const r of records) {
    const key = String(r['User UUID'] ?? '');
    const row = people.get(key) ?? { user: String(r.User ?? ''), number: String(r['User number'] ?? ''), placed: 0, received: 0, missed: 0, seconds: 0 };
    if (r.Direction === 'ORIGINATING') row.placed++;
    else if (r.Answered === 'true') row.received++;
    else row.missed++;
    row.seconds += Number(r.Duration ?? 0);
    people.set(key, row);
  }
  const rows = [...people.values()].sort((a, b) => a.user.localeCompare(b.user)).map((p) => [p.user, p.number, p.placed, p.received, p.missed, Math.round(p.seconds / 6) / 10]);
  return csv(['User', 'User number', 'Calls placed', 'Calls received', 'Calls missed', 'Total minutes'], rows);
}

export const REPORT_TEMPLATES: readonly ReportTemplate[] = [
  {
    id: 400,
    title: 'Calling Detailed Call History',
    service: 'Webex Calling',
    category: 'Calling',
    maxDays: 31,
    render: (records) => csv(CDR_COLUMNS, records.map((r) => CDR_COLUMNS.map((c) => r[c]))),
  },
  { id: 401, title: 'Calling Usage', service: 'Webex Calling', category: 'Calling', maxDays: 31, render: usage },
];

export const templateOf = (id: number) => REPORT_TEMPLATES.find((t) => t.id === id);
