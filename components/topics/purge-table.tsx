'use client';

import { purgeField, recordsToDelete, type PurgeRow } from '@/lib/delete-records-form';
import type { FormErrors } from '@/lib/form-errors';
import { formatInt64 } from '@/lib/format';
import { FormField, Input } from '@/components/ui/form-field';
import { Table, Td, Th } from '@/components/ui/table';

type Props = { rows: PurgeRow[]; errors: FormErrors; onChange: (partition: number, changes: Partial<PurgeRow>) => void };

const offset = (value: string | null) => (value === null ? '–' : formatInt64(value));

/** One row per partition: chosen or not, its log start and high watermark, and the offset to delete before. */
export function PurgeTable({ rows, errors, onChange }: Props) {
  return (
    <div className="max-h-80 overflow-y-auto">
      <Table aria-label="Partitions to purge">
        <thead>
          <tr>
            <Th>Partition</Th>
            <Th numeric>Log start</Th>
            <Th numeric>High watermark</Th>
            <Th>Delete before offset</Th>
            <Th numeric>Records deleted</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const count = row.selected ? recordsToDelete(row) : null;
            const purgeable = row.highWatermark !== null;
            return (
              <tr key={row.partition} data-partition={row.partition}>
                <Td>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-4 accent-sky-700"
                      disabled={!purgeable}
                      checked={row.selected}
                      onChange={(e) => onChange(row.partition, { selected: e.target.checked })}
                    />
                    <span className="tabular-nums">Partition {row.partition}</span>
                  </label>
                </Td>
                <Td numeric>{offset(row.logStartOffset)}</Td>
                <Td numeric>{offset(row.highWatermark)}</Td>
                <Td>
                  <FormField label={`Offset for partition ${row.partition}`} labelHidden error={errors[purgeField(row.partition)]}>
                    {(control) => (
                      <Input
                        {...control}
                        inputMode="numeric"
                        className="w-44 text-right tabular-nums"
                        disabled={!row.selected}
                        value={row.offset}
                        onChange={(e) => onChange(row.partition, { offset: e.target.value })}
                      />
                    )}
                  </FormField>
                </Td>
                <Td numeric>{count === null ? '–' : formatInt64(count)}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
