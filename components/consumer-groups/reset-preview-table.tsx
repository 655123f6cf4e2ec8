import { formatInt64 } from '@/lib/format';
import type { OffsetResetResponse } from '@/lib/schemas/offset-reset';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/** The planned rows (kafka-consumer-groups --reset-offsets --dry-run, with the offset before and the lag after) and the CLI's warnings. */
export function ResetPreviewTable({ preview }: { preview: OffsetResetResponse }) {
  return (
    <div className="space-y-2">
      {preview.rows.length === 0 ? (
        <EmptyState title="Nothing to reset">The scope names no partition (the group has no committed offsets there).</EmptyState>
      ) : (
        <div className="max-h-80 overflow-y-auto">
          <Table aria-label="Reset preview">
            <thead>
              <tr>
                <Th>Topic</Th>
                <Th numeric>Partition</Th>
                <Th numeric>Current offset</Th>
                <Th numeric>New offset</Th>
                <Th numeric>Lag after</Th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={`${r.topic}:${r.partition}`} data-row>
                  <Td className="font-mono text-xs">{r.topic}</Td>
                  <Td numeric>{r.partition}</Td>
                  <Td numeric>{r.currentOffset === null ? '-' : formatInt64(r.currentOffset)}</Td>
                  <Td numeric className="font-medium">
                    {formatInt64(r.newOffset)}
                  </Td>
                  <Td numeric>{formatInt64(r.lagAfter)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {preview.warnings.length > 0 ? (
        <ul aria-label="Warnings" className="list-disc space-y-0.5 pl-5 text-xs text-amber-800 dark:text-amber-300">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
