// Kafka's own CLI tools, the oracle of every integration test.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { kafkaTarget } from './kafka-target';

const BIN = path.resolve(import.meta.dirname, '../../scripts/kafka/bin');

export function kafkaCli(tool: string, args: string[], { timeoutMs = 60_000, input }: { timeoutMs?: number; input?: string } = {}): string {
  const target = kafkaTarget();
  const result = spawnSync(path.join(BIN, tool), args, {
    encoding: 'utf8',
    input,
    timeout: timeoutMs,
    // Reading a whole topic back prints megabytes (Node's default stops the tool at 1 MB).
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, KAFKA_VERSION: target.version },
  });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

/** `kafka-broker-api-versions` header lines: `127.0.0.1:9092 (id: 1 rack: rack-a isFenced: false) -> (` */
export function parseBrokerApiVersions(output: string) {
  const brokers = [...output.matchAll(/^(\S+):(\d+) \(id: (\d+) rack: (\S+)(?: isFenced: \w+)?\) -> \(/gm)].map((m) => ({
    id: Number(m[3]),
    host: m[1]!,
    port: Number(m[2]),
    rack: m[4] === 'null' ? null : m[4]!,
  }));
  return brokers.sort((a, b) => a.id - b.id);
}

/** `kafka-metadata-quorum describe --status`: `LeaderId:   1` and the CurrentVoters JSON. */
export function parseQuorumStatus(output: string) {
  const field = (name: string) => output.match(new RegExp(`^${name}:\\s+(.*)$`, 'm'))?.[1]?.trim();
  const voters = JSON.parse(field('CurrentVoters') ?? '[]') as ({ id: number; directoryId?: string; endpoints?: string[] } | number)[];
  const observers = JSON.parse(field('CurrentObservers') ?? '[]') as ({ id: number; directoryId?: string } | number)[];
  const member = (r: { id: number; directoryId?: string } | number) =>
    typeof r === 'number' ? { id: r, directoryId: null } : { id: r.id, directoryId: r.directoryId ?? null };
  return {
    /** By voter id (4.x prints each voter's endpoints; 3.9 only ids). */
    voterEndpoints: Object.fromEntries(voters.flatMap((v) => (typeof v === 'number' ? [] : [[v.id, v.endpoints ?? null]]))),
    leaderId: Number(field('LeaderId')),
    leaderEpoch: Number(field('LeaderEpoch')),
    highWatermark: field('HighWatermark'),
    voterIds: voters.map((v) => (typeof v === 'number' ? v : v.id)).sort(),
    /** KIP-853 (4.x prints them): each voter's and observer's directory id, null when not printed. */
    voters: voters.map(member),
    observers: observers.map(member),
  };
}

export type CliPartition = {
  topic: string;
  partition: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
  /** KIP-966, printed by the 4.x tool only: null when absent or N/A. */
  elr?: number[] | null;
  lastKnownElr?: number[] | null;
};

/** Partition lines of `kafka-topics --describe` (tab-separated `Topic: … Partition: … Leader: … Replicas: … Isr: …`). */
export function parseTopicsDescribe(output: string): CliPartition[] {
  const ids = (list: string | undefined) => (list ? list.split(',').filter(Boolean).map(Number) : []);
  const nullableIds = (list: string | undefined) => (list === undefined || list === 'N/A' ? null : ids(list));
  return output
    .split('\n')
    .filter((line) => /\tPartition: \d+/.test(line))
    .map((line) => {
      const get = (key: string) => line.match(new RegExp(`${key}: ([^\\t]*)`))?.[1]?.trim();
      const leader = Number(get('Leader'));
      return {
        topic: get('Topic')!,
        partition: Number(get('Partition')),
        leader: leader >= 0 ? leader : null,
        replicas: ids(get('Replicas')),
        isr: ids(get('Isr')),
        elr: nullableIds(get('Elr')),
        lastKnownElr: nullableIds(get('LastKnownElr')),
      };
    });
}
