import 'server-only';
import { ApiError, type FieldErrors } from '@/lib/errors';
import type { ExecuteRequest } from '@/lib/schemas/reassignments';
import type { BrokerLogDirsResult } from '@/server/kafka/log-dirs';
import type { ClusterMetadata } from '@/server/kafka/metadata';
import { partitionKey } from '@/server/kafka/partition-key';

export type PlannedMove = { topic: string; partition: number; before: number[]; after: number[] };

const format = (bytes: bigint) => `${(Number(bytes) / 1024 ** 3).toFixed(2)} GiB`;

/**
 * Checks a submitted plan the way kafka-reassign-partitions has no dry run for: every broker alive, every
 * partition existing and led, the replica count unchanged unless allowed, nothing already moving unless allowed,
 * and room on each receiving broker's fullest-free log dir for the replicas it receives (where sizes are known).
 * Returns the moves (current → planned), refusing with 422 and a reason per plan row otherwise.
 */
export function validatePlan(
  request: ExecuteRequest,
  metadata: ClusterMetadata,
  reassigning: ReadonlySet<string>,
  logDirs: readonly BrokerLogDirsResult[],
  leaderSizes: ReadonlyMap<string, bigint>,
): PlannedMove[] {
  const live = new Set(metadata.brokers.map((b) => b.id));
  const layouts = new Map(metadata.topics.flatMap((t) => t.partitions.map((p) => [partitionKey(t.name, p.partition), p] as const)));
  const fieldErrors: FieldErrors = {};
  const moves: PlannedMove[] = [];
  const incoming = new Map<number, bigint>();
  request.plan.partitions.forEach((row, i) => {
    const field = `plan.partitions.${i}`;
    const key = partitionKey(row.topic, row.partition);
    const layout = layouts.get(key);
    const dead = row.replicas.filter((b) => !live.has(b));
    let error: string | null = null;
    if (!layout) error = `${row.topic}-${row.partition} does not exist`;
    else if (dead.length > 0)
      error = `Broker${dead.length > 1 ? 's' : ''} ${dead.join(', ')} ${dead.length > 1 ? 'are' : 'is'} not alive in this cluster`;
    else if (layout.leader === null) error = `${row.topic}-${row.partition} is offline (no leader): it cannot be moved now`;
    else if (!request.allowReplicationFactorChange && row.replicas.length !== layout.replicas.length) {
      error = `Changes the replica count of ${row.topic}-${row.partition} from ${layout.replicas.length} to ${row.replicas.length}`;
    } else if (!request.allowReassigning && reassigning.has(key)) error = `${row.topic}-${row.partition} is being reassigned already`;
    if (error || !layout) {
      fieldErrors[field] = [error ?? 'invalid'];
      return;
    }
    moves.push({ topic: row.topic, partition: row.partition, before: layout.replicas, after: row.replicas });
    for (const broker of row.replicas.filter((b) => !layout.replicas.includes(b))) {
      incoming.set(broker, (incoming.get(broker) ?? 0n) + (leaderSizes.get(key) ?? 0n));
    }
  });
  for (const [broker, bytes] of incoming) {
    const dirs = logDirs.find((d) => d.brokerId === broker);
    if (!dirs || 'error' in dirs) continue;
    const free = dirs.logDirs.reduce<bigint | null>(
      (most, d) => (d.usableBytes !== null && (most === null || BigInt(d.usableBytes) > most) ? BigInt(d.usableBytes) : most),
      null,
    );
    if (free !== null && bytes > free)
      (fieldErrors.plan ??= []).push(`Broker ${broker} would receive ${format(bytes)}; its roomiest log dir has ${format(free)} free`);
  }
  if (Object.keys(fieldErrors).length > 0) throw new ApiError('VALIDATION', 'The plan cannot be executed as it is', { fieldErrors });
  return moves;
}
