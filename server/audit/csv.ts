import 'server-only';
import type { AuditEntry } from '@/lib/schemas/audit';
import { csvRow } from '@/server/http/csv';

const HEADER = [
  'id',
  'time',
  'actor',
  'actorType',
  'role',
  'clusterId',
  'action',
  'target',
  'outcome',
  'status',
  'errorCode',
  'ip',
  'summary',
];

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
