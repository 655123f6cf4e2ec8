import { z } from 'zod';
import { blankToUndefined, brokerId, epochMs, int64String } from '@/lib/schemas/common';
import { configEntrySchema } from '@/lib/schemas/configs';
import { MAX_TOPIC_NAME_LENGTH } from '@/lib/schemas/topic-name';

export const topicSummarySchema = z
  .object({
    name: z.string(),
    internal: z.boolean(),
    partitionCount: z.number().int().nonnegative(),
    replicationFactor: z.number().int().nonnegative(),
    underReplicatedPartitions: z.number().int().nonnegative(),
    offlinePartitions: z.number().int().nonnegative(),
    underMinIsrPartitions: z.number().int().nonnegative(),
    /** Σ (high watermark − log start offset) over partitions; what the log holds, not what was ever produced. */
    messageCount: int64String,
    /** Σ leader replica sizes on disk; null when a broker's log dirs could not be read. */
    sizeBytes: int64String.nullable(),
    preferredPercent: z.number(),
    spreadPercent: z.number(),
    skewPercent: z.number(),
    leaderSkewPercent: z.number(),
    /** Why some of this row could not be read (partial answers only). */
    error: z.string().optional(),
  })
  .meta({ id: 'TopicSummary' });
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const TOPIC_SORT_FIELDS = [
  'name',
  'partitionCount',
  'replicationFactor',
  'underReplicatedPartitions',
  'offlinePartitions',
  'underMinIsrPartitions',
  'messageCount',
  'sizeBytes',
  'preferredPercent',
  'spreadPercent',
  'skewPercent',
  'leaderSkewPercent',
] as const;
export type TopicSortField = (typeof TOPIC_SORT_FIELDS)[number];

/** Query string of the topics list: everything optional; without `limit`, the full list. */
export const topicListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(MAX_TOPIC_NAME_LENGTH).optional()),
  sort: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(new RegExp(`^-?(${TOPIC_SORT_FIELDS.join('|')})$`), `one of ${TOPIC_SORT_FIELDS.join(', ')}, with "-" for descending`)
      .optional(),
  ),
  internal: z.preprocess(blankToUndefined, z.enum(['true', 'false']).optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional()),
  offset: z.preprocess(blankToUndefined, z.coerce.number().int().nonnegative().default(0)),
});
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;

export const topicListResponseSchema = z
  .object({
    asOf: epochMs,
    /** Topics matching the filters, before paging. */
    total: z.number().int().nonnegative(),
    partial: z.boolean().optional(),
    topics: z.array(topicSummarySchema),
  })
  .meta({ id: 'TopicListResponse' });
export type TopicListResponse = z.infer<typeof topicListResponseSchema>;

export const partitionDetailSchema = z
  .object({
    partition: z.number().int().nonnegative(),
    leader: brokerId.nullable(),
    /** In assignment order: the first is the preferred leader. */
    replicas: z.array(brokerId),
    isr: z.array(brokerId),
    offlineReplicas: z.array(brokerId),
    /**
     * KIP-966: replicas out of the ISR that may still become a clean leader (they held every committed record when
     * the ISR shrank below min.insync.replicas). null: not known — the cluster does not track them (ZooKeeper mode,
     * Kafka before 3.8, or eligible.leader.replicas.version 0).
     */
    eligibleLeaderReplicas: z.array(brokerId).nullable(),
    /** The ELR members last known before the partition lost every one of them; null as above. */
    lastKnownElr: z.array(brokerId).nullable(),
    logStartOffset: int64String.nullable(),
    highWatermark: int64String.nullable(),
    /** The leader replica's size on disk. */
    sizeBytes: int64String.nullable(),
    error: z.string().optional(),
  })
  .meta({ id: 'PartitionDetail' });
export type PartitionDetail = z.infer<typeof partitionDetailSchema>;

export const topicDetailResponseSchema = z
  .object({
    asOf: epochMs,
    name: z.string(),
    internal: z.boolean(),
    partial: z.boolean().optional(),
    minInsyncReplicas: z.number().int().nullable(),
    partitions: z.array(partitionDetailSchema),
    /** Absent when asked for with `?configs=false`. */
    configs: z.array(configEntrySchema).optional(),
  })
  .meta({ id: 'TopicDetailResponse' });
export type TopicDetailResponse = z.infer<typeof topicDetailResponseSchema>;
