import type { z } from 'zod';
import { reassignmentJsonSchema, type PlanResponse, type ReassignmentJson } from '@/lib/schemas/reassignments';

/** `partitions[2].replicas` for an issue path, naming the partition when the row has one ("orders-3"). */
function where(path: PropertyKey[], input: unknown) {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  if (path[0] === 'partitions' && typeof path[1] === 'number' && input && typeof input === 'object') {
    const row = (input as { partitions?: unknown[] }).partitions?.[path[1]] as { topic?: unknown; partition?: unknown } | undefined;
    if (row && typeof row.topic === 'string' && typeof row.partition === 'number') text += ` (${row.topic}-${row.partition})`;
  }
  return text || 'The file';
}

const describe = (issues: z.ZodError['issues'], input: unknown) =>
  issues.slice(0, 20).map((issue) => `${where(issue.path, input)}: ${issue.message}`);

/**
 * Pasted kafka-reassign-partitions JSON → the reassignment, or what is wrong with it in words (the JSON syntax
 * error, or each refused row by its place and partition, at most 20).
 */
export function parseReassignmentText(text: string): { json: ReassignmentJson } | { errors: string[] } {
  if (text.trim() === '') return { errors: ['Paste the reassignment JSON'] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (input && typeof input === 'object' && 'topics' in input && !('partitions' in input)) {
    return {
      errors: [
        'This is a topics-to-move file (--topics-to-move-json-file): choose a mode and its topics instead, or paste a reassignment with "partitions"',
      ],
    };
  }
  const parsed = reassignmentJsonSchema.safeParse(input);
  if (!parsed.success) {
    const more = parsed.error.issues.length - 20;
    return { errors: [...describe(parsed.error.issues, input), ...(more > 0 ? [`… and ${more} more`] : [])] };
  }
  if (parsed.data.partitions.length === 0) return { errors: ['The reassignment lists no partitions'] };
  return { json: parsed.data };
}

/** What the import needs of each topic now: its partitions' replicas and the leader's size. */
export type CurrentTopic = { partitions: { partition: number; replicas: number[]; sizeBytes: string | null }[] };

/**
 * An imported reassignment as the planner would answer it: the diff against the current layout, its rollback
 * (the current replicas), replicas moved, bytes to copy (the leader's size per added replica) and preferred
 * leader changes. Partitions that do not exist are errors; the plan itself is submitted unchanged.
 */
export function planFromImport(
  json: ReassignmentJson,
  current: ReadonlyMap<string, CurrentTopic>,
): { plan: PlanResponse } | { errors: string[] } {
  const errors: string[] = [];
  const diff: PlanResponse['diff'] = [];
  let bytes = 0n;
  for (const row of json.partitions) {
    const topic = current.get(row.topic);
    const now = topic?.partitions.find((p) => p.partition === row.partition);
    if (!topic) errors.push(`Topic "${row.topic}" does not exist`);
    else if (!now) errors.push(`${row.topic}-${row.partition} does not exist (the topic has ${topic.partitions.length} partitions)`);
    if (!now) continue;
    const added = row.replicas.filter((b) => !now.replicas.includes(b)).length;
    bytes += BigInt(now.sizeBytes ?? '0') * BigInt(added);
    diff.push({ topic: row.topic, partition: row.partition, before: now.replicas, after: row.replicas });
  }
  if (errors.length > 0) return { errors: [...new Set(errors)] };
  return {
    plan: {
      plan: json,
      rollback: { version: 1, partitions: diff.map(({ topic, partition, before }) => ({ topic, partition, replicas: before })) },
      diff,
      movedReplicas: diff.reduce((sum, d) => sum + d.after.filter((b) => !d.before.includes(b)).length, 0),
      bytesToCopy: bytes.toString(),
      leaderChanges: diff.filter((d) => d.after[0] !== d.before[0]).length,
    },
  };
}

/** Distinct topics of a reassignment, in first-seen order (to read their current layout). */
export const topicsOf = (json: ReassignmentJson) => [...new Set(json.partitions.map((p) => p.topic))];

/** The tool's format, one line as kafka-reassign-partitions prints it. */
export const reassignmentJsonText = (json: ReassignmentJson) => `${JSON.stringify(json)}\n`;
