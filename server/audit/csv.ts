import 'server-only';
import type { AuditEntry } from '@/lib/schemas/audit';

// Spreadsheets run a cell starting with these as a formula (CSV injection); tab and CR too, per OWASP.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. Text that a
 * spreadsheet would evaluate gets a leading `'`, which shows it as text.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

const HEADER = ['id', 'time', 'actor', 'actorType', 'role', 'clusterId', 'action', 'target', 'outcome', 'status', 'errorCode', 'ip', 'summary'];

/** The audit CSV: a header row, then one row per entry; time as ISO 8601 UTC, summary as JSON; CRLF line ends. */
export function auditEntriesToCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) =>
    csvRow([
      e.id,
      new Date(e.time).toISOString(),
      e.actor,
      e.actorType,
      e.role,
      e.clusterId,
      e.action,
      e.target,
      e.outcome,
      e.status,
      e.errorCode,
      e.ip,
      JSON.stringify(e.summary),
    ]),
  );
  return [csvRow(HEADER), ...rows].map((row) => `${row}\r\n`).join('');
}
