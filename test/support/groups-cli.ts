// kafka-consumer-groups and kafka-console-consumer as the oracle of the group protocol tests: parsers for the
// three --describe views (offsets, --state, --members --verbose) and console consumers run in the background.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { kafkaCli } from './cli';
import { kafkaTarget } from './kafka-target';

const BIN = path.resolve(import.meta.dirname, '../../scripts/kafka/bin');
const bootstrap = () => kafkaTarget().bootstrap.join(',');
const groupArgs = (groups: readonly string[]) => groups.flatMap((g) => ['--group', g]);
const orNull = (value: string | undefined) => (value === undefined || value === '-' ? null : value);

/** Rows of every table whose header starts with GROUP, keyed by header name (values never contain spaces here). */
export function tableRows(output: string): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  let header: string[] | null = null;
  for (const line of output.split('\n')) {
    const cells = line.trim().split(/\s+/).filter(Boolean);
    if (cells[0] === 'GROUP') header = cells;
    else if (header && cells.length === header.length) rows.push(Object.fromEntries(header.map((name, i) => [name, cells[i]!])));
    else if (cells.length === 0) header = null;
  }
  return rows;
}

export type CliOffsetRow = {
  group: string;
  topic: string;
  partition: number;
  currentOffset: string | null;
  logEndOffset: string | null;
  lag: string | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
};

/** `--describe` (offsets view), rows in the CLI's order; `-` (no commit, no member, unknown) = null. */
export function groupOffsetsFromCli(groups: readonly string[]): CliOffsetRow[] {
  const out = kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap(), '--describe', ...groupArgs(groups)]);
  return tableRows(out).map((row) => ({
    group: row.GROUP!,
    topic: row.TOPIC!,
    partition: Number(row.PARTITION),
    currentOffset: orNull(row['CURRENT-OFFSET']),
    logEndOffset: orNull(row['LOG-END-OFFSET']),
    lag: orNull(row.LAG),
    consumerId: orNull(row['CONSUMER-ID']),
    host: orNull(row.HOST),
    clientId: orNull(row['CLIENT-ID']),
  }));
}

/**
 * The 3.9 tool prints each block (one member's partitions, then the unassigned ones) in no defined order; 4.x sorts
 * by topic and partition, as the console does. Blocks keep the CLI's order.
 */
export function sortWithinBlocks<T extends { consumerId: string | null; topic: string; partition: number }>(rows: T[]): T[] {
  const blocks: T[][] = [];
  for (const row of rows) {
    const last = blocks.at(-1);
    if (last && last[0]!.consumerId === row.consumerId) last.push(row);
    else blocks.push([row]);
  }
  return blocks.flatMap((block) => [...block].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)));
}

export type CliGroupState = { group: string; coordinatorId: number; strategy: string | null; state: string; members: number };

/** `--describe --state`: `g  127.0.0.1:9093  (2)  range  Stable  1` (the strategy column is blank or `-` when Empty). */
export function groupStatesFromCli(groups: readonly string[]): CliGroupState[] {
  const out = kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap(), '--describe', '--state', ...groupArgs(groups)]);
  return [...out.matchAll(/^(\S+)\s+\S+\s+\((\d+)\)\s+(.*)$/gm)].map((m) => {
    const rest = m[3]!.trim().split(/\s+/);
    const [state, members] = rest.slice(-2);
    return {
      group: m[1]!,
      coordinatorId: Number(m[2]),
      strategy: rest.length === 3 ? orNull(rest[0]) : null,
      state: state!,
      members: Number(members),
    };
  });
}

export type CliMember = {
  group: string;
  consumerId: string;
  host: string;
  clientId: string;
  partitions: number;
  assignment: Record<string, number[]>;
  /** "consumer" protocol groups (4.x): the member's epoch, the target assignment and its epoch. */
  currentEpoch?: number;
  targetEpoch?: number;
  targetAssignment?: Record<string, number[]>;
};

/**
 * Assignments as 4.x prints them (`t:0,1`) or as 3.9 does: `t(0,1)` in principle, but 3.9.2's Java tool drops the
 * topic name and prints `(0,1)` (keyed "" here); `-` = none.
 */
function parseAssignment(text: string | undefined): Record<string, number[]> {
  const assignment: Record<string, number[]> = {};
  for (const m of (text ?? '').matchAll(/([^\s:(),;]*)(?:\(([\d,]*)\)|:([\d,]+))/g)) {
    const partitions = (m[2] ?? m[3] ?? '').split(',').filter(Boolean).map(Number);
    assignment[m[1]!] = [...(assignment[m[1]!] ?? []), ...partitions].sort((a, b) => a - b);
  }
  return assignment;
}

/** `--describe --members --verbose`. */
export function groupMembersFromCli(groups: readonly string[]): CliMember[] {
  const out = kafkaCli('kafka-consumer-groups', [
    '--bootstrap-server',
    bootstrap(),
    '--describe',
    '--members',
    '--verbose',
    ...groupArgs(groups),
  ]);
  return tableRows(out).map((row) => ({
    group: row.GROUP!,
    consumerId: row['CONSUMER-ID']!,
    host: row.HOST!,
    clientId: row['CLIENT-ID']!,
    partitions: Number(row['#PARTITIONS']),
    assignment: parseAssignment(row['CURRENT-ASSIGNMENT'] ?? row.ASSIGNMENT),
    // 4.x prints the epoch columns for every group, "-" for classic ones.
    ...(row['CURRENT-EPOCH'] === undefined || row['CURRENT-EPOCH'] === '-'
      ? {}
      : {
          currentEpoch: Number(row['CURRENT-EPOCH']),
          targetEpoch: Number(row['TARGET-EPOCH']),
          targetAssignment: parseAssignment(row['TARGET-ASSIGNMENT']),
        }),
  }));
}

/** `--describe --state --verbose` of "consumer" protocol groups: GROUP-EPOCH and TARGET-ASSIGNMENT-EPOCH. */
export function groupEpochsFromCli(groups: readonly string[]) {
  const out = kafkaCli('kafka-consumer-groups', [
    '--bootstrap-server',
    bootstrap(),
    '--describe',
    '--state',
    '--verbose',
    ...groupArgs(groups),
  ]);
  return tableRows(out).map((row) => ({
    group: row.GROUP!,
    groupEpoch: Number(row['GROUP-EPOCH']),
    targetAssignmentEpoch: Number(row['TARGET-ASSIGNMENT-EPOCH']),
  }));
}

/** The topic id `kafka-topics --describe` prints (Kafka's base64url Uuid form). */
export function topicIdFromCli(topic: string): string {
  const out = kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap(), '--describe', '--topic', topic]);
  return out.match(/TopicId:\s*(\S+)/)![1]!;
}

/** Pids of the processes whose parent is `pid` (from /proc: the tool's node wrapper runs the JVM as its child). */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid …`; comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/**
 * A console consumer that stays in its group until stop(): a live member for the tests to describe. `share` runs
 * kafka-console-share-consumer instead, a member of a share group (where to start is the group's config).
 */
export function startConsumer(topic: string, group: string, properties: Record<string, string>, { share = false } = {}) {
  const props = Object.entries(properties).flatMap(([key, value]) => ['--consumer-property', `${key}=${value}`]);
  const args = ['--bootstrap-server', bootstrap(), '--topic', topic, '--group', group, ...(share ? [] : ['--from-beginning']), ...props];
  const tool = share ? 'kafka-console-share-consumer' : 'kafka-console-consumer';
  const child: ChildProcess = spawn(path.join(BIN, tool), args, {
    stdio: 'ignore',
    env: { ...process.env, KAFKA_VERSION: kafkaTarget().version },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** Signals the JVM itself: SIGSTOP sent to the node wrapper would leave the JVM heartbeating. */
  const signalJvm = (signal: NodeJS.Signals) => {
    const jvms = child.pid === undefined ? [] : childPids(child.pid);
    if (jvms.length === 0) throw new Error(`${tool} has no JVM running`);
    for (const pid of jvms) process.kill(pid, signal);
  };
  return {
    /** Freezes the member: it stops heartbeating without leaving the group, like a hung consumer. */
    pause: () => signalJvm('SIGSTOP'),
    resume: () => signalJvm('SIGCONT'),
    /** SIGTERM (the tool forwards it to its JVM, which leaves the group); SIGKILL if it has not exited in 15 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A paused JVM would hold the forwarded SIGTERM until continued.
      if (child.pid !== undefined) for (const pid of childPids(child.pid)) process.kill(pid, 'SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` until it returns a value (not undefined), pausing between attempts; throws with the last reason. */
export async function waitFor<T>(what: string, probe: () => T | undefined, { attempts = 30, pauseMs = 1_000 } = {}): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      const value = probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
