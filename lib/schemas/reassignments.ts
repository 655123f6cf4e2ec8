import { z } from 'zod';
import { brokerId, epochMs, int64String } from '@/lib/schemas/common';
import { topicNameSchema } from '@/lib/schemas/topic-name';

const partitionIndex = z.number().int().nonnegative().max(2_147_483_647);

/**
 * kafka-reassign-partitions.sh's reassignment JSON, imported and exported unchanged:
 * `{"version":1,"partitions":[{"topic","partition","replicas":[…],"log_dirs"?:[…]}]}`. replicas[0] is the preferred
 * leader. Refused like the tool refuses it: empty or duplicate replica lists, duplicate partitions, log_dirs of
 * another length than replicas. Unknown broker ids are checked against the cluster on the server.
 */
export const reassignmentJsonSchema = z
  .object({
    version: z.literal(1),
    partitions: z
      .array(
        z
          .object({
            topic: topicNameSchema,
            partition: partitionIndex,
            replicas: z.array(brokerId).min(1, 'An empty replica list'),
            log_dirs: z.array(z.string()).optional(),
          })
          .superRefine((p, ctx) => {
            if (new Set(p.replicas).size !== p.replicas.length)
              ctx.addIssue({ code: 'custom', path: ['replicas'], message: `Duplicate replicas in ${p.replicas.join(',')}` });
            if (p.log_dirs && p.log_dirs.length !== p.replicas.length)
              ctx.addIssue({ code: 'custom', path: ['log_dirs'], message: 'log_dirs must have one entry per replica' });
          }),
      )
      .max(100_000),
  })
  .superRefine((json, ctx) => {
    const seen = new Set<string>();
    json.partitions.forEach((p, i) => {
      const key = `${p.topic}-${p.partition}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['partitions', i], message: `Partition ${key} appears twice` });
      seen.add(key);
    });
  })
  .meta({ id: 'ReassignmentJson' });
export type ReassignmentJson = z.infer<typeof reassignmentJsonSchema>;

const brokers = z.array(brokerId).min(1, 'Choose at least one broker').max(10_000);
const topics = z.array(topicNameSchema).min(1, 'Choose at least one topic').max(100_000);

export const planRequestSchema = z
  .discriminatedUnion('mode', [
    /** Move every replica off these brokers (scale in). */
    z.object({ mode: z.literal('drain'), brokers, topics: topics.optional() }),
    /** Spread replicas onto these (new) brokers until they hold their share. */
    z.object({ mode: z.literal('scale-out'), brokers, topics: topics.optional() }),
    /** Substitute broker `to` for broker `from` in every replica list (same position: leaders stay leaders). */
    z.object({ mode: z.literal('replace'), from: brokerId, to: brokerId, topics: topics.optional() }),
    /** Even out these topics' replicas and preferred leaders over the live brokers. */
    z.object({ mode: z.literal('rebalance'), topics }),
    /** Change these topics' replication factor, adding or removing as few replicas as possible. */
    z.object({ mode: z.literal('replication-factor'), topics, replicationFactor: z.number().int().min(1).max(32_767) }),
  ])
  .meta({ id: 'ReassignmentPlanRequest' });
export type PlanRequest = z.infer<typeof planRequestSchema>;
export type PlanMode = PlanRequest['mode'];

export const planDiffRowSchema = z.object({
  topic: z.string(),
  partition: partitionIndex,
  before: z.array(brokerId),
  after: z.array(brokerId),
});
export type PlanDiffRow = z.infer<typeof planDiffRowSchema>;

export const planResponseSchema = z
  .object({
    /** The partitions that change, in the tool's format (what `--execute` takes). */
    plan: reassignmentJsonSchema,
    /** The same partitions' current assignment: submitting it undoes the plan. */
    rollback: reassignmentJsonSchema,
    diff: z.array(planDiffRowSchema),
    /** Replicas created on a broker that did not hold them (each one copies the partition's data). */
    movedReplicas: z.number().int().nonnegative(),
    /** Σ partition size (its leader's log size) × replicas added to it. */
    bytesToCopy: int64String,
    /** Partitions whose preferred leader changes without data moving. */
    leaderChanges: z.number().int().nonnegative(),
  })
  .meta({ id: 'ReassignmentPlanResponse' });
export type PlanResponse = z.infer<typeof planResponseSchema>;

export const executeRequestSchema = z
  .object({
    plan: reassignmentJsonSchema,
    /** Replication throttle on the brokers involved, bytes/s, as kafka-reassign-partitions --throttle; none when absent. */
    throttleBytesPerSec: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    /** Accept plans that change a partition's replica count (the replication-factor mode sets it). */
    allowReplicationFactorChange: z.boolean().optional(),
    /** Accept partitions that are being reassigned already: the plan replaces their ongoing move. */
    allowReassigning: z.boolean().optional(),
  })
  .meta({ id: 'ReassignmentExecuteRequest' });
export type ExecuteRequest = z.infer<typeof executeRequestSchema>;

export const JOB_STATES = ['running', 'completed', 'cancelled', 'failed'] as const;
export const PARTITION_STATES = ['pending', 'moving', 'done', 'failed'] as const;

export const jobPartitionSchema = z.object({
  topic: z.string(),
  partition: partitionIndex,
  target: z.array(brokerId),
  state: z.enum(PARTITION_STATES),
  /** Replicas being added / removed right now (ListPartitionReassignments). */
  adding: z.array(brokerId).optional(),
  removing: z.array(brokerId).optional(),
  /** Why the partition failed. */
  error: z.string().optional(),
  /** Information that is not a failure, e.g. where a cancelled partition stayed. */
  note: z.string().optional(),
});
export type JobPartition = z.infer<typeof jobPartitionSchema>;

export const reassignmentJobSchema = z
  .object({
    jobId: z.string(),
    state: z.enum(JOB_STATES),
    createdAt: epochMs,
    updatedAt: epochMs,
    createdBy: z.string(),
    throttleBytesPerSec: z.number().int().positive().nullable(),
    bytesTotal: int64String,
    bytesDone: int64String,
    /** Bytes/s over the last 30 s of readings; null before two readings. */
    bytesPerSec: z.number().nonnegative().nullable(),
    etaSeconds: z.number().nonnegative().nullable(),
    /** No byte progress for a while although partitions are moving (throttle too low, a broker down). */
    stalled: z.boolean(),
    /** A cancel was asked for and is under way (the job is still running until nothing of it moves). */
    cancelling: z.boolean(),
    /** The job this one undoes, when it is a rollback. */
    rollbackOf: z.string().nullable(),
    /** What ended the job or what went wrong (failed, cancelled). */
    message: z.string().nullable(),
    partitions: z.array(jobPartitionSchema),
  })
  .meta({ id: 'ReassignmentJob' });
export type ReassignmentJob = z.infer<typeof reassignmentJobSchema>;

export const jobListResponseSchema = z
  .object({ jobs: z.array(reassignmentJobSchema.omit({ partitions: true }).extend({ partitionCount: z.number().int().nonnegative() })) })
  .meta({ id: 'ReassignmentJobList' });
export type JobListResponse = z.infer<typeof jobListResponseSchema>;

export const throttleUpdateSchema = z
  .object({ throttleBytesPerSec: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable() })
  .meta({ id: 'ReassignmentThrottleUpdate' });

export const throttleUpdatedSchema = throttleUpdateSchema.extend({ jobId: z.string() }).meta({ id: 'ReassignmentThrottleUpdated' });

export const jobCreatedSchema = z.object({ jobId: z.string() }).meta({ id: 'ReassignmentJobCreated' });

/** The partitions named by any of the filters (their union); no filter at all = every partition of the cluster. */
export const leaderElectionInputSchema = z
  .object({
    topics: z.array(topicNameSchema).max(100_000).optional(),
    /** Partitions whose preferred leader (replicas[0]) is one of these brokers. */
    brokers: z.array(brokerId).max(10_000).optional(),
    partitions: z
      .array(z.object({ topic: topicNameSchema, partition: partitionIndex }))
      .max(100_000)
      .optional(),
  })
  .meta({ id: 'LeaderElectionInput' });
export type LeaderElectionInput = z.infer<typeof leaderElectionInputSchema>;

export const leaderElectionResponseSchema = z
  .object({
    /** Partitions whose leader moved to the preferred replica. */
    elected: z.array(z.object({ topic: z.string(), partition: partitionIndex, leader: brokerId })),
    /** Partitions already led by their preferred replica. */
    alreadyPreferred: z.number().int().nonnegative(),
    /** Partitions Kafka could not elect for (e.g. the preferred replica is not in sync), with why. */
    failed: z.array(z.object({ topic: z.string(), partition: partitionIndex, error: z.string() })),
  })
  .meta({ id: 'LeaderElectionResponse' });
export type LeaderElectionResponse = z.infer<typeof leaderElectionResponseSchema>;

/** A recurring preferred leader election: every `everyMinutes` (15 min to a week), the whole cluster or a scope. */
export const electionScheduleInputSchema = z
  .object({
    everyMinutes: z.number().int().min(15, 'at least every 15 minutes').max(10_080, 'at most every 7 days'),
    topics: z.array(topicNameSchema).min(1).max(10_000).optional(),
    /** Partitions whose preferred leader (replicas[0]) is one of these brokers. */
    brokers: z.array(brokerId).min(1).max(10_000).optional(),
  })
  .strict()
  .meta({ id: 'ElectionScheduleInput' });
export type ElectionScheduleInput = z.infer<typeof electionScheduleInputSchema>;

/** What a scheduled run did: counts of the election's answer, or why it did not run. */
export const electionRunSchema = z.object({
  elected: z.number().int().nonnegative(),
  alreadyPreferred: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Not run: a reassignment was moving partitions, the cluster is read-only, … */
  skipped: z.string().optional(),
  /** The run failed as a whole (Kafka unavailable, a topic of the scope deleted, …). */
  error: z.string().optional(),
});
export type ElectionRun = z.infer<typeof electionRunSchema>;

export const electionScheduleSchema = z
  .object({
    clusterId: z.string(),
    everyMinutes: z.number().int().positive(),
    topics: z.array(z.string()).optional(),
    brokers: z.array(brokerId).optional(),
    nextRunAt: epochMs,
    lastRunAt: epochMs.nullable(),
    lastResult: electionRunSchema.nullable(),
    createdBy: z.string(),
    updatedAt: epochMs,
  })
  .meta({ id: 'ElectionSchedule' });
export type ElectionSchedule = z.infer<typeof electionScheduleSchema>;

export const electionScheduleResponseSchema = z
  .object({ schedule: electionScheduleSchema.nullable() })
  .meta({ id: 'ElectionScheduleResponse' });
export type ElectionScheduleResponse = z.infer<typeof electionScheduleResponseSchema>;
