import { zodFieldErrors } from '@/lib/errors';
import { rekeyErrors, type FormErrors } from '@/lib/form-errors';
import { deleteRecordsInputSchema, topicConfirmationErrors, type DeleteRecordsInput } from '@/lib/schemas/topic-admin';
import type { PartitionDetail } from '@/lib/schemas/topics';

/** One partition of the purge form: its offsets when the form opened, whether it is chosen, and the offset as typed. */
export type PurgeRow = {
  partition: number;
  logStartOffset: string | null;
  highWatermark: string | null;
  selected: boolean;
  offset: string;
};

/** A partition can be purged when it has a leader and its high watermark could be read. */
export const isPurgeable = (p: Pick<PartitionDetail, 'leader' | 'highWatermark'>) => p.leader !== null && p.highWatermark !== null;

/** Every purgeable partition chosen, up to its high watermark: everything the topic holds. */
export function initialPurgeRows(partitions: readonly PartitionDetail[]): PurgeRow[] {
  return partitions.map((p) => ({
    partition: p.partition,
    logStartOffset: p.logStartOffset,
    highWatermark: p.highWatermark,
    selected: isPurgeable(p),
    offset: p.highWatermark ?? '',
  }));
}

/** Form field of a partition's offset. */
export const purgeField = (partition: number) => `p.${partition}`;

/** Records the row would delete (offset − log start, none when the log already starts past it); null when unknown. */
export function recordsToDelete(row: PurgeRow): bigint | null {
  if (row.logStartOffset === null || !/^\d+$/.test(row.offset.trim())) return null;
  const count = BigInt(row.offset.trim()) - BigInt(row.logStartOffset);
  return count > 0n ? count : 0n;
}

/** The API's errors → form fields: `before.<i>.*` on that row's partition, `before` on the choice, `confirm`. */
export function deleteRecordsFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
  input: Pick<DeleteRecordsInput, 'before'>,
): FormErrors {
  return rekeyErrors(fieldErrors, (field) => {
    const row = /^before\.(\d+)\./.exec(field);
    const partition = row ? input.before[Number(row[1])]?.partition : undefined;
    if (partition !== undefined) return purgeField(partition);
    if (field === 'before') return 'partitions';
    return field === 'confirm' ? 'confirm' : 'request';
  });
}

/** The chosen rows → the API's input: offsets from 0 to the high watermark, exact (int64 strings); the topic typed again. */
export function toDeleteRecordsInput(
  rows: readonly PurgeRow[],
  confirm: string,
  topic: string,
): { input: DeleteRecordsInput } | { fieldErrors: FormErrors } {
  const errors: FormErrors = {};
  const chosen = rows.filter((r) => r.selected);
  if (chosen.length === 0) errors.partitions = ['Choose at least one partition'];
  for (const row of chosen) {
    const offset = row.offset.trim();
    if (!/^\d+$/.test(offset)) errors[purgeField(row.partition)] = ['An offset: a whole number from 0'];
    else if (row.highWatermark !== null && BigInt(offset) > BigInt(row.highWatermark))
      errors[purgeField(row.partition)] = [`At most the high watermark (${row.highWatermark})`];
  }
  const confirmation = topicConfirmationErrors(confirm, topic);
  if (confirmation) errors.confirm = confirmation.confirm;
  if (Object.keys(errors).length > 0) return { fieldErrors: errors };
  const before = chosen.map((r) => ({ partition: r.partition, offset: BigInt(r.offset.trim()).toString() }));
  const parsed = deleteRecordsInputSchema.safeParse({ before, confirm });
  return parsed.success ? { input: parsed.data } : { fieldErrors: deleteRecordsFieldErrors(zodFieldErrors(parsed.error), { before }) };
}
