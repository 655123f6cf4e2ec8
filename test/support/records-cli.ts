// Kafka's tools for the data side of a topic: produce records, delete records, read offsets and replica sizes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kafkaCli } from './cli';
import { kafkaTarget } from './kafka-target';

const bootstrap = () => kafkaTarget().bootstrap.join(',');

/** `numRecords` records of 100 bytes, acks=all, as fast as possible (ProducerPerformance). */
export function produceRecords(topic: string, numRecords: number) {
  kafkaCli('kafka-producer-perf-test', [
    '--topic',
    topic,
    '--num-records',
    String(numRecords),
    '--record-size',
    '100',
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${bootstrap()}`,
    'acks=all',
  ]);
}

/** Moves the log start offset of each given partition to `offset` (kafka-delete-records). */
export function deleteRecords(topic: string, offsets: Record<number, string>) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'delete-records-')), 'offsets.json');
  const partitions = Object.entries(offsets).map(([partition, offset]) => ({
    topic,
    partition: Number(partition),
    offset: Number(offset),
  }));
  writeFileSync(file, JSON.stringify({ partitions, version: 1 }));
  kafkaCli('kafka-delete-records', ['--bootstrap-server', bootstrap(), '--offset-json-file', file]);
}

/** `kafka-get-offsets --time -1|-2`: lines `topic:partition:offset` → { partition: offset } for one topic. */
export function getOffsetsFromCli(topic: string, time: '-1' | '-2'): Record<number, string> {
  const out = kafkaCli('kafka-get-offsets', ['--bootstrap-server', bootstrap(), '--topic', topic, '--time', time]);
  const offsets: Record<number, string> = {};
  for (const line of out.split('\n')) {
    const match = line.trim().match(/^(.+):(\d+):(-?\d*)$/);
    if (match && match[1] === topic) offsets[Number(match[2])] = match[3]!;
  }
  return offsets;
}

export type CliReplicaSize = { broker: number; logDir: string; partition: number; size: string; isFuture: boolean };

/** `kafka-log-dirs --describe --topic-list T`: one row per replica of T, sorted by broker then partition. */
export function logDirsFromCli(topic: string, brokers = [1, 2, 3]): CliReplicaSize[] {
  const out = kafkaCli('kafka-log-dirs', [
    '--bootstrap-server',
    bootstrap(),
    '--describe',
    '--topic-list',
    topic,
    '--broker-list',
    brokers.join(','),
  ]);
  // Sizes are JSON numbers; parse them from the text so values beyond 2^53 would stay exact.
  const json = out
    .split('\n')
    .find((line) => line.startsWith('{'))!
    .replace(/"size":(\d+)/g, '"size":"$1"');
  const parsed = JSON.parse(json) as {
    brokers: { broker: number; logDirs: { logDir: string; partitions: { partition: string; size: string; isFuture: boolean }[] }[] }[];
  };
  return parsed.brokers
    .flatMap((b) =>
      b.logDirs.flatMap((dir) =>
        dir.partitions
          .filter((p) => p.partition.startsWith(`${topic}-`))
          .map((p) => ({
            broker: b.broker,
            logDir: dir.logDir,
            partition: Number(p.partition.slice(topic.length + 1)),
            size: p.size,
            isFuture: p.isFuture,
          })),
      ),
    )
    .sort((a, b) => a.broker - b.broker || a.partition - b.partition);
}

/**
 * Reads replica sizes until replication has settled: every replica of a partition has the leader's size and
 * two reads in a row agree. Throws with the last reading after `attempts`.
 */
export async function settledLogDirsFromCli(topic: string, { attempts = 15, pauseMs = 1_000 } = {}) {
  let previous = '';
  let rows: CliReplicaSize[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    rows = logDirsFromCli(topic);
    const sizes = new Map<number, Set<string>>();
    for (const row of rows) (sizes.get(row.partition) ?? sizes.set(row.partition, new Set()).get(row.partition)!).add(row.size);
    const equal = [...sizes.values()].every((set) => set.size === 1);
    const current = JSON.stringify(rows);
    if (equal && current === previous) return rows;
    previous = current;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error(`replica sizes of ${topic} did not settle: ${JSON.stringify(rows)}`);
}
