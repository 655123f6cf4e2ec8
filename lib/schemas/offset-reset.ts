import { z } from 'zod';
import { int64String } from '@/lib/schemas/common';
import { topicNameSchema as topicName } from '@/lib/schemas/topic-name';

/** kafka-consumer-groups --reset-offsets' specifications, plus `copy` (another group's committed offsets). */
export const RESET_STRATEGIES = ['earliest', 'latest', 'timestamp', 'offset', 'shift', 'copy'] as const;
export const resetStrategySchema = z.enum(RESET_STRATEGIES);
export type ResetStrategy = z.infer<typeof resetStrategySchema>;

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

export const topicPartitionSchema = z.object({ topic: topicName, partition: z.number().int().nonnegative().max(2_147_483_647) });
export type TopicPartitionRef = z.infer<typeof topicPartitionSchema>;

const fields = {
  strategy: resetStrategySchema,
  /** `timestamp`: epoch ms; the first offset whose record time is at or after it, else the log end (as --to-datetime). */
  timestamp: z.number().int().nonnegative().optional(),
  /** `offset`: clamped to [log start, high watermark] per partition (as --to-offset). */
  offset: int64String
    .refine((v) => !/^-?\d+$/.test(v) || (BigInt(v) <= INT64_MAX && BigInt(v) >= INT64_MIN), 'outside the int64 range')
    .optional(),
  /** `shift`: added to each committed offset, then clamped (as --shift-by); negative moves back. */
  shiftBy: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  /** `copy`: the group whose committed offsets are copied (clamped like --from-file). */
  fromGroupId: z.string().min(1).max(32_767).optional(),
  /** Scope: whole topics (as --topic t). Neither topics nor partitions = every partition the group has committed (--all-topics). */
  topics: z.array(topicName).max(10_000).optional(),
  /** Scope: chosen partitions (as --topic t:0,1). */
  partitions: z.array(topicPartitionSchema).max(100_000).optional(),
};

const REQUIRED: Partial<Record<ResetStrategy, keyof typeof fields>> = {
  timestamp: 'timestamp',
  offset: 'offset',
  shift: 'shiftBy',
  copy: 'fromGroupId',
};

/** The parameter each strategy needs (the form and the route report it under that field). */
function requireParameter(value: { strategy: ResetStrategy } & Partial<Record<keyof typeof fields, unknown>>, ctx: z.RefinementCtx) {
  const field = REQUIRED[value.strategy];
  if (field && value[field] === undefined)
    ctx.addIssue({ code: 'custom', path: [field], message: `required by the "${value.strategy}" strategy` });
}

export const offsetResetInputSchema = z.object(fields).superRefine(requireParameter).meta({ id: 'OffsetResetInput' });
export type OffsetResetInput = z.infer<typeof offsetResetInputSchema>;

export const offsetResetRequestSchema = z
  .object({
    ...fields,
    /** The group id, typed again by the person resetting: checked on the server. */
    confirm: z.string(),
  })
  .superRefine(requireParameter)
  .meta({ id: 'OffsetResetRequest' });
export type OffsetResetRequest = z.infer<typeof offsetResetRequestSchema>;

/** One row of `kafka-consumer-groups --reset-offsets --dry-run`, with the offset before and the lag after. */
export const offsetResetRowSchema = z
  .object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    /** The group's committed offset now; null when it has none. */
    currentOffset: int64String.nullable(),
    newOffset: int64String,
    /** High watermark − newOffset: the lag right after the reset. */
    lagAfter: int64String,
  })
  .meta({ id: 'OffsetResetRow' });
export type OffsetResetRow = z.infer<typeof offsetResetRowSchema>;

export const offsetResetResponseSchema = z
  .object({
    groupId: z.string(),
    rows: z.array(offsetResetRowSchema),
    /** What the CLI would warn about: clamped offsets, empty partitions falling back to the log end, skipped partitions. */
    warnings: z.array(z.string()),
  })
  .meta({ id: 'OffsetResetResponse' });
export type OffsetResetResponse = z.infer<typeof offsetResetResponseSchema>;

/** Body of the deletes: the group id typed again. */
export const deleteConfirmSchema = z.object({ confirm: z.string() }).meta({ id: 'DeleteConfirmation' });

export const deleteGroupOffsetsQuerySchema = z.object({ topic: topicName });

export const deleteGroupResponseSchema = z.object({ groupId: z.string(), deleted: z.literal(true) }).meta({ id: 'DeleteGroupResponse' });
export type DeleteGroupResponse = z.infer<typeof deleteGroupResponseSchema>;

export const deleteGroupOffsetsResponseSchema = z
  .object({ groupId: z.string(), topic: z.string(), partitions: z.array(z.number().int().nonnegative()) })
  .meta({ id: 'DeleteGroupOffsetsResponse' });
export type DeleteGroupOffsetsResponse = z.infer<typeof deleteGroupOffsetsResponseSchema>;

/** The confirmation check of every destructive group operation: the exact group id, nothing else. */
export function confirmationErrors(confirm: string, groupId: string) {
  return confirm === groupId ? null : { confirm: [`Type the group id exactly ("${groupId}") to confirm`] };
}
