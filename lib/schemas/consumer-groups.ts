import { z } from 'zod';
import { blankToUndefined, brokerId, epochMs, int64String, unsupportedSchema } from '@/lib/schemas/common';
import { configListResponseSchema } from '@/lib/schemas/configs';
import { MAX_TOPIC_NAME_LENGTH } from '@/lib/schemas/topic-name';

/** Burrow's partition statuses, in increasing severity; the group's status is its worst partition's. */
export const LAG_STATUSES = ['OK', 'WARN', 'REWIND', 'STALL', 'STOP'] as const;
export const lagStatusSchema = z.enum(LAG_STATUSES);
export type LagStatus = z.infer<typeof lagStatusSchema>;

/**
 * Kafka's group types (ListGroups v5, KIP-848): classic (the JoinGroup protocol), consumer (KIP-848), share (KIP-932,
 * queues) and streams (KIP-1071). The groups list covers the groups consumers use: Connect workers' classic groups
 * (protocol type "connect") are left to the Connect views.
 */
export const GROUP_TYPES = ['classic', 'consumer', 'share', 'streams'] as const;
export const groupTypeSchema = z.enum(GROUP_TYPES);
export type GroupType = z.infer<typeof groupTypeSchema>;

/** What the list and the detail both say about a group, as its coordinator describes it. */
const groupIdentity = {
  groupId: z.string(),
  type: groupTypeSchema,
  /** As the coordinator reports it: Stable, Empty, PreparingRebalance, CompletingRebalance, Assigning, Reconciling, Dead, … */
  state: z.string(),
  /** "consumer" for consumer groups, "" for groups that only commit offsets (e.g. kafka-consumer-groups resets). */
  protocolType: z.string(),
  /** The first API's name for `type`, kept for its clients: classic (JoinGroup), consumer (KIP-848, Kafka 4.0+), share, streams. */
  groupProtocol: groupTypeSchema,
  /** The assignor (classic: the chosen protocol, e.g. "range"; consumer: the server assignor); null when none. */
  assignor: z.string().nullable(),
  coordinatorId: brokerId,
};

/**
 * The sampler's progress on a group: the most samples with a committed offset one of its partitions has (k of
 * `window`), "collecting (k/N)" until they fill the window; null when the cluster is not sampled.
 */
const groupSamplingSchema = z
  .object({ samples: z.number().int().nonnegative(), window: z.number().int().positive(), intervalMs: z.number().int().positive() })
  .nullable();

export const consumerGroupSummarySchema = z
  .object({
    ...groupIdentity,
    memberCount: z.number().int().nonnegative(),
    /** Topics the group has committed offsets for or is assigned. */
    topics: z.array(z.string()),
    /** Σ of the rows' lags that are known (negatives included, as the CLI computes them); null when none is. */
    totalLag: int64String.nullable(),
    maxLag: int64String.nullable(),
    /** The largest time lag of the group's partitions (ms behind); null when none is known, never 0 while one lags unknown. */
    maxTimeLagMs: z.number().nonnegative().nullable(),
    /** maxTimeLagMs is a lower bound: a lagging partition's time lag is not known (yet). */
    maxTimeLagIsLowerBound: z.boolean(),
    /** The worst partition status over the sampler's window; null until the window has filled, or without a sampler. */
    status: lagStatusSchema.nullable(),
    sampling: groupSamplingSchema,
    error: z.string().optional(),
  })
  .meta({ id: 'ConsumerGroupSummary' });
export type ConsumerGroupSummary = z.infer<typeof consumerGroupSummarySchema>;

/**
 * The cluster's lag sampler: it reads every group's offsets each `intervalMs` and evaluates status over the last
 * `window` samples. Its samples are polls, not commits: an offset may be committed several times between two.
 */
export const lagSamplingSchema = z
  .object({
    window: z.number().int().positive(),
    intervalMs: z.number().int().positive(),
    /** The last pass that was recorded; null before the first. */
    lastSampleAt: epochMs.nullable(),
    /** The last pass failed at this time (the server logs why); absent when the last pass succeeded. */
    lastFailureAt: epochMs.optional(),
  })
  .meta({ id: 'LagSampling' });
export type LagSampling = z.infer<typeof lagSamplingSchema>;

export const GROUP_SORT_FIELDS = ['groupId', 'state', 'memberCount', 'totalLag', 'maxLag', 'maxTimeLagMs', 'coordinatorId'] as const;
export type GroupSortField = (typeof GROUP_SORT_FIELDS)[number];

/** Filters, sort and page of the groups list; without `limit`, every matching group. */
export const consumerGroupListQuerySchema = z.object({
  /** A substring of the group id (case-insensitive). */
  q: z.preprocess(blankToUndefined, z.string().max(255).optional()),
  /** Exact state, e.g. Stable, Empty (case-insensitive). */
  state: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  /** Groups that committed or are assigned this topic (exact name). */
  topic: z.preprocess(blankToUndefined, z.string().max(MAX_TOPIC_NAME_LENGTH).optional()),
  /** Group types, comma-separated (e.g. "classic,consumer", what kafka-consumer-groups --list lists); all when absent. */
  type: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(64)
      .transform((value) => value.split(',').map((t) => t.trim().toLowerCase()))
      .pipe(z.array(groupTypeSchema, { error: `types among ${GROUP_TYPES.join(', ')}, comma-separated` }))
      .optional(),
  ),
  /** Only groups with a total lag above 0. */
  lagging: z.preprocess(blankToUndefined, z.enum(['true', 'false']).optional()),
  sort: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(new RegExp(`^-?(${GROUP_SORT_FIELDS.join('|')})$`), `one of ${GROUP_SORT_FIELDS.join(', ')}, with "-" for descending`)
      .optional(),
  ),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional()),
  offset: z.preprocess(blankToUndefined, z.coerce.number().int().nonnegative().default(0)),
});
export type ConsumerGroupListQuery = z.infer<typeof consumerGroupListQuerySchema>;

export const consumerGroupListResponseSchema = z
  .object({
    asOf: epochMs,
    /** Groups matching the filters, before paging. */
    total: z.number().int().nonnegative(),
    /** Of those, how many of each type (what kafka-groups --list counts). */
    byType: z.record(groupTypeSchema, z.number().int().nonnegative()),
    partial: z.boolean().optional(),
    /** null when no sampler runs for the cluster (time lag and status are then null). */
    sampling: lagSamplingSchema.nullable(),
    groups: z.array(consumerGroupSummarySchema),
  })
  .meta({ id: 'ConsumerGroupListResponse' });
export type ConsumerGroupListResponse = z.infer<typeof consumerGroupListResponseSchema>;

const topicPartitionsSchema = z.array(z.object({ topic: z.string(), partition: z.number().int().nonnegative() }));

/**
 * A member of a KIP-848 ("consumer" protocol) group as ConsumerGroupDescribe gives it: the member reconciles towards
 * its target assignment, and is caught up when its epoch reached the group's target assignment epoch and it owns
 * exactly its target (kafka-consumer-groups --describe --members --verbose: CURRENT-EPOCH, TARGET-ASSIGNMENT).
 */
export const consumerProtocolMemberSchema = z
  .object({
    memberEpoch: z.number().int(),
    /** What the group's assignor wants it to own. */
    targetAssignments: topicPartitionsSchema,
    /** client.rack; null when the client set none. */
    rack: z.string().nullable(),
    subscribedTopicNames: z.array(z.string()),
    /** The subscription's regular expression (RE2J); null when the member subscribed by names. */
    subscribedTopicRegex: z.string().nullable(),
    /** A classic-protocol client inside a consumer group (KIP-1099, upgrades) or a KIP-848 one; null on brokers before 4.0. */
    memberType: z.enum(['classic', 'consumer']).nullable(),
  })
  .meta({ id: 'ConsumerProtocolMember' });

export const groupMemberSchema = z
  .object({
    memberId: z.string(),
    groupInstanceId: z.string().nullable(),
    clientId: z.string(),
    /** As the broker reports it, usually with a leading "/". */
    host: z.string(),
    /** What the member owns now (the CLI's CURRENT-ASSIGNMENT). */
    assignments: topicPartitionsSchema,
    /** Members of "consumer" protocol groups only. */
    consumerProtocol: consumerProtocolMemberSchema.optional(),
  })
  .meta({ id: 'ConsumerGroupMember' });
export type GroupMember = z.infer<typeof groupMemberSchema>;

/** One row of `kafka-consumer-groups --describe`; null where the CLI prints "-". */
export const groupOffsetRowSchema = z
  .object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    currentOffset: int64String.nullable(),
    logEndOffset: int64String.nullable(),
    /** logEndOffset − currentOffset, not clamped: negative after truncation or an offset set ahead. */
    lag: int64String.nullable(),
    consumerId: z.string().nullable(),
    host: z.string().nullable(),
    clientId: z.string().nullable(),
    /**
     * How far behind the committed offset is, in ms: now − the time the high watermark reached it (interpolated on
     * the sampler's HWM-over-time table), or where that cannot tell, now − the timestamp of the first record at or
     * after the committed offset; 0 when caught up (or when only transaction markers are left); null when unknown or
     * not sampled.
     */
    timeLagMs: z.number().nonnegative().nullable(),
    /** How timeLagMs of a lagging partition was found; null when it is unknown or the partition is caught up. */
    timeLagMethod: z.enum(['interpolated', 'record']).nullable(),
    // The sampler's view of the partition: present when the cluster is sampled, null while unknown.
    /** Burrow's partition status over the window; null until the window has filled or without a commit. */
    status: lagStatusSchema.nullable().optional(),
    /** Records a second the committed offset advanced over the window. */
    consumeRate: z.number().nullable().optional(),
    /** Records a second the high watermark advanced over the window. */
    produceRate: z.number().nullable().optional(),
    /** Catch-up ETA: lag ÷ (consume rate − produce rate); 0 without lag; null when not catching up or unknown. */
    etaMs: z.number().nonnegative().nullable().optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'ConsumerGroupOffsetRow' });
export type GroupOffsetRow = z.infer<typeof groupOffsetRowSchema>;

export const consumerGroupDetailResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    ...groupIdentity,
    type: z.enum(['classic', 'consumer']),
    /** The worst partition status (as in the list); null until the window has filled. */
    status: lagStatusSchema.nullable(),
    maxTimeLagMs: z.number().nonnegative().nullable(),
    /** maxTimeLagMs is a lower bound: a lagging partition's time lag is not known (yet). */
    maxTimeLagIsLowerBound: z.boolean(),
    /** The sampler and this group's progress (`samples` as in the list); null when the cluster is not sampled. */
    sampling: lagSamplingSchema.extend({ samples: z.number().int().nonnegative() }).nullable(),
    /**
     * "consumer" protocol groups: the group epoch (bumped by every membership or subscription change) and the epoch of
     * the target assignment the members reconcile towards (kafka-consumer-groups --describe --state --verbose); null
     * for classic groups.
     */
    epochs: z.object({ groupEpoch: z.number().int(), targetAssignmentEpoch: z.number().int() }).nullable(),
    members: z.array(groupMemberSchema),
    offsets: z.array(groupOffsetRowSchema),
  })
  .meta({ id: 'ConsumerGroupDetailResponse' });
export type ConsumerGroupDetailResponse = z.infer<typeof consumerGroupDetailResponseSchema>;

/** A share group's member (KIP-932): share consumers get partitions assigned by the broker; several may share one. */
export const shareGroupMemberSchema = z
  .object({
    memberId: z.string(),
    clientId: z.string(),
    host: z.string(),
    rack: z.string().nullable(),
    memberEpoch: z.number().int(),
    subscribedTopicNames: z.array(z.string()),
    assignments: topicPartitionsSchema,
  })
  .meta({ id: 'ShareGroupMember' });
export type ShareGroupMember = z.infer<typeof shareGroupMemberSchema>;

/** One row of `kafka-share-groups --describe`: null where it prints "-" (no state for the partition yet). */
export const shareGroupOffsetRowSchema = z
  .object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    /** The share-partition start offset: records before it are all acknowledged (or archived). */
    startOffset: int64String.nullable(),
    /** Records from the start offset to the high watermark not yet acknowledged, as the broker counts them. */
    lag: int64String.nullable(),
  })
  .meta({ id: 'ShareGroupOffsetRow' });
export type ShareGroupOffsetRow = z.infer<typeof shareGroupOffsetRowSchema>;

export const shareGroupDetailResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    ...groupIdentity,
    type: z.literal('share'),
    /** The group epoch and the epoch of the assignment the members have (kafka-share-groups --describe --state --verbose). */
    epochs: z.object({ groupEpoch: z.number().int(), targetAssignmentEpoch: z.number().int() }),
    members: z.array(shareGroupMemberSchema),
    offsets: z.array(shareGroupOffsetRowSchema),
    error: z.string().optional(),
  })
  .meta({ id: 'ShareGroupDetailResponse' });
export type ShareGroupDetailResponse = z.infer<typeof shareGroupDetailResponseSchema>;

/** Tasks of one subtopology (a task per partition of its input topics), as `0:[0,1]` in kafka-streams-groups. */
const streamsTasksSchema = z.array(z.object({ subtopologyId: z.string(), partitions: z.array(z.number().int().nonnegative()) }));
const streamsAssignmentSchema = z.object({ active: streamsTasksSchema, standby: streamsTasksSchema, warmup: streamsTasksSchema });
/** An internal topic of the application, created by the group coordinator (KIP-1071); 0 = the broker's default. */
const streamsInternalTopicSchema = z.object({
  name: z.string(),
  partitions: z.number().int(),
  replicationFactor: z.number().int(),
});

/** One member of a streams group: a stream thread of a Kafka Streams instance (its process). */
export const streamsGroupMemberSchema = z
  .object({
    memberId: z.string(),
    memberEpoch: z.number().int(),
    /** The epoch of the topology the member runs. */
    topologyEpoch: z.number().int(),
    instanceId: z.string().nullable(),
    rack: z.string().nullable(),
    clientId: z.string(),
    host: z.string(),
    /** Shared by the members (threads) of one Kafka Streams instance. */
    processId: z.string(),
    /** application.server (interactive queries), when the instance set one. */
    userEndpoint: z.object({ host: z.string(), port: z.number().int() }).nullable(),
    clientTags: z.array(z.object({ key: z.string(), value: z.string() })),
    /** "classic" for a member still joining with the classic protocol (upgrading), as the tool's MEMBER-PROTOCOL. */
    memberProtocol: z.enum(['streams', 'classic']),
    assignment: streamsAssignmentSchema,
    targetAssignment: streamsAssignmentSchema,
  })
  .meta({ id: 'StreamsGroupMember' });
export type StreamsGroupMember = z.infer<typeof streamsGroupMemberSchema>;

export const streamsSubtopologySchema = z
  .object({
    subtopologyId: z.string(),
    sourceTopics: z.array(z.string()),
    repartitionSourceTopics: z.array(streamsInternalTopicSchema),
    repartitionSinkTopics: z.array(z.string()),
    stateChangelogTopics: z.array(streamsInternalTopicSchema),
  })
  .meta({ id: 'StreamsSubtopology' });
export type StreamsSubtopology = z.infer<typeof streamsSubtopologySchema>;

/** One row of `kafka-streams-groups --describe --verbose`: an input partition of an active task, or a committed one. */
export const streamsGroupOffsetRowSchema = z
  .object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    /** The committed offset; null where the tool prints "-". */
    currentOffset: int64String.nullable(),
    leaderEpoch: z.number().int().nullable(),
    logEndOffset: int64String.nullable(),
    /** Log end − committed offset; without a commit, log end − log start (as the tool counts). null when unknown. */
    lag: int64String.nullable(),
    error: z.string().optional(),
  })
  .meta({ id: 'StreamsGroupOffsetRow' });
export type StreamsGroupOffsetRow = z.infer<typeof streamsGroupOffsetRowSchema>;

export const streamsGroupDetailResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    ...groupIdentity,
    type: z.literal('streams'),
    /** The group epoch and the epoch of the target assignment (kafka-streams-groups --describe --state --verbose). */
    epochs: z.object({ groupEpoch: z.number().int(), targetAssignmentEpoch: z.number().int() }),
    /** The application's subtopologies; null until a member has sent its topology. */
    topology: z.object({ epoch: z.number().int(), subtopologies: z.array(streamsSubtopologySchema) }).nullable(),
    members: z.array(streamsGroupMemberSchema),
    offsets: z.array(streamsGroupOffsetRowSchema),
    error: z.string().optional(),
  })
  .meta({ id: 'StreamsGroupDetailResponse' });
export type StreamsGroupDetailResponse = z.infer<typeof streamsGroupDetailResponseSchema>;

/** `GET …/consumer-groups/{groupId}`: each type with its own shape, told apart by `type`. */
export const groupDetailResponseSchema = z
  .union([consumerGroupDetailResponseSchema, shareGroupDetailResponseSchema, streamsGroupDetailResponseSchema])
  .meta({ id: 'GroupDetailResponse' });
export type GroupDetailResponse = z.infer<typeof groupDetailResponseSchema>;

/** A group's position on one topic (the topic page's "consumer groups reading this topic"). */
export const topicGroupSchema = z
  .object({
    groupId: z.string(),
    type: groupTypeSchema,
    state: z.string(),
    memberCount: z.number().int().nonnegative(),
    /** Partitions of this topic the group has a row for (committed or assigned). */
    partitions: z.number().int().nonnegative(),
    /** Of those, how many a member owns now. */
    assignedPartitions: z.number().int().nonnegative(),
    /** Σ LAG on this topic over the rows whose lag is known; null when none is. */
    lag: int64String.nullable(),
    /** The largest time lag of its partitions of this topic (ms behind); null when none is known. */
    maxTimeLagMs: z.number().nonnegative().nullable(),
    maxTimeLagIsLowerBound: z.boolean(),
    /** The worst status of its partitions of this topic over the sampler's window; null until known. */
    status: lagStatusSchema.nullable(),
    sampling: groupSamplingSchema,
    error: z.string().optional(),
  })
  .meta({ id: 'TopicConsumerGroup' });
export type TopicGroup = z.infer<typeof topicGroupSchema>;

export const topicGroupsResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    topic: z.string(),
    groups: z.array(topicGroupSchema),
  })
  .meta({ id: 'TopicConsumerGroupsResponse' });
export type TopicGroupsResponse = z.infer<typeof topicGroupsResponseSchema>;

/** A group's configs (Kafka 4's GROUP config resource: session and heartbeat timeouts, share.auto.offset.reset, …). */
export const groupConfigsResponseSchema = z
  .discriminatedUnion('supported', [configListResponseSchema.extend({ supported: z.literal(true) }), unsupportedSchema])
  .meta({ id: 'GroupConfigsResponse' });
export type GroupConfigsResponse = z.infer<typeof groupConfigsResponseSchema>;
