import { z } from 'zod';
import { int64String } from '@/lib/schemas/common';
import { CONFIG_KEY, topicConfigValueError } from '@/lib/schemas/topic-config-catalog';
import { isInternalTopicName, topicNameSchema } from '@/lib/schemas/topic-name';

const INT32_MAX = 2_147_483_647;
/** Kafka's replication factor is an int16; no cluster has more brokers than that anyway. */
const INT16_MAX = 32_767;

const configKey = z.string().regex(CONFIG_KEY, 'a config name: letters, digits, ".", "_" and "-"');
const configValue = z.string().max(32_768);
/** Key → value; each checked against Kafka's types where the catalog knows the key. */
const configMap = z.record(configKey, configValue);

/** Catalog checks of each config value, reported on `<field>.<key>` (e.g. configs.retention.ms). */
function checkConfigValues(configs: Record<string, string> | undefined, field: string, ctx: z.RefinementCtx, replicationFactor?: number) {
  for (const [key, value] of Object.entries(configs ?? {})) {
    const error = topicConfigValueError(key, value, { replicationFactor });
    if (error) ctx.addIssue({ code: 'custom', path: [field, key], message: error });
  }
}

export const createTopicInputSchema = z
  .object({
    name: topicNameSchema.refine(
      (name) => !isInternalTopicName(name),
      'Names starting with "__" are reserved for Kafka\'s internal topics',
    ),
    partitions: z.number().int().min(1, 'At least 1').max(INT32_MAX),
    replicationFactor: z.number().int().min(1, 'At least 1').max(INT16_MAX),
    configs: configMap.optional(),
  })
  .superRefine((input, ctx) => checkConfigValues(input.configs, 'configs', ctx, input.replicationFactor))
  .meta({ id: 'CreateTopicInput' });
export type CreateTopicInput = z.infer<typeof createTopicInputSchema>;

export const addPartitionsInputSchema = z
  .object({ totalCount: z.number().int().min(1, 'At least 1').max(INT32_MAX) })
  .meta({ id: 'AddPartitionsInput' });
export type AddPartitionsInput = z.infer<typeof addPartitionsInputSchema>;

/** One-key-at-a-time edits (IncrementalAlterConfigs): SET these, DELETE those back to their inherited value. */
export const configPatchInputSchema = z
  .object({ set: configMap.optional(), delete: z.array(configKey).max(1_000).optional() })
  .superRefine((input, ctx) => {
    const setKeys = Object.keys(input.set ?? {});
    if (setKeys.length === 0 && (input.delete ?? []).length === 0)
      ctx.addIssue({ code: 'custom', path: ['request'], message: 'Nothing to change: give set or delete' });
    for (const key of input.delete ?? [])
      if (setKeys.includes(key)) ctx.addIssue({ code: 'custom', path: ['delete'], message: `"${key}" is both set and deleted` });
    checkConfigValues(input.set, 'set', ctx);
  })
  .meta({ id: 'ConfigPatchInput' });
export type ConfigPatchInput = z.infer<typeof configPatchInputSchema>;

/** Body of destructive topic operations: the topic name typed again. */
export const deleteTopicInputSchema = z.object({ confirm: z.string() }).meta({ id: 'DeleteTopicInput' });

export const deleteRecordsInputSchema = z
  .object({
    /** Records before `offset` are deleted: the partition's log start offset becomes `offset`. */
    before: z
      .array(
        z.object({
          partition: z.number().int().nonnegative().max(INT32_MAX),
          offset: int64String.refine((v) => !v.startsWith('-'), 'at least 0'),
        }),
      )
      .min(1, 'Choose at least one partition')
      .max(100_000)
      .refine((rows) => new Set(rows.map((r) => r.partition)).size === rows.length, 'Each partition once'),
    confirm: z.string(),
  })
  .meta({ id: 'DeleteRecordsInput' });
export type DeleteRecordsInput = z.infer<typeof deleteRecordsInputSchema>;

export const deleteRecordsResponseSchema = z
  .object({
    topic: z.string(),
    /** Each partition's log start offset after the deletion (Kafka's low watermark). */
    partitions: z.array(z.object({ partition: z.number().int().nonnegative(), logStartOffset: int64String })),
  })
  .meta({ id: 'DeleteRecordsResponse' });
export type DeleteRecordsResponse = z.infer<typeof deleteRecordsResponseSchema>;

export const deleteTopicResponseSchema = z.object({ topic: z.string(), deleted: z.literal(true) }).meta({ id: 'DeleteTopicResponse' });
export type DeleteTopicResponse = z.infer<typeof deleteTopicResponseSchema>;

/** What a new topic gets when the form leaves a value alone: the cluster's own defaults, as Kafka resolves them. */
export const topicDefaultsResponseSchema = z
  .object({
    partitions: z.number().int().positive(),
    replicationFactor: z.number().int().positive(),
    /** Brokers alive now: the largest replication factor a new topic can have. */
    liveBrokers: z.number().int().nonnegative(),
    /** Effective value of every topic config a new topic would get (null for sensitive or unset ones). */
    configs: z.record(z.string(), z.string().nullable()),
  })
  .meta({ id: 'TopicDefaultsResponse' });
export type TopicDefaultsResponse = z.infer<typeof topicDefaultsResponseSchema>;

/** The confirmation check of every destructive topic operation: the exact topic name, nothing else. */
export function topicConfirmationErrors(confirm: string, topic: string) {
  return confirm === topic ? null : { confirm: [`Type the topic name exactly ("${topic}") to confirm`] };
}
