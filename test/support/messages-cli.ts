// Foreign clients writing records (kcat: librdkafka; a kafkajs transactional producer, as kcat cannot write
// transactions) and Kafka's console consumer reading them back: the oracles of the messages tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from '@/server/kafka/kafkajs';
import { kafkaTarget } from './kafka-target';

const bootstrap = () => kafkaTarget().bootstrap.join(',');
const BIN = path.resolve(import.meta.dirname, '../../scripts/kafka/bin');

export type KcatOptions = {
  partition?: number;
  compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  /** `name=value` (an empty value is ""), or `name` alone for a null value; applied to every record. */
  headers?: string[];
};

/**
 * Produces `lines` as `key:value` records with kcat (-Z: an empty key or value is sent as null, so ":v" has a null
 * key and "k:" a null value), in one call: librdkafka batches them (and compresses the batches).
 */
export function kcatProduce(topic: string, lines: string[], { partition, compression = 'none', headers = [] }: KcatOptions = {}) {
  const args = [
    '-b',
    bootstrap(),
    '-P',
    '-t',
    topic,
    '-K',
    ':',
    '-Z',
    '-z',
    compression,
    '-X',
    'linger.ms=50',
    ...headers.flatMap((h) => ['-H', h]),
  ];
  if (partition !== undefined) args.push('-p', String(partition));
  const result = spawnSync('kcat', args, { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`kcat failed: ${result.stderr}`);
}

/** One record as the console consumer prints it with every print.* property on (DefaultMessageFormatter). */
export type ConsumedLine = {
  timestampType: string;
  timestamp: string;
  partition: number;
  offset: string;
  headers: string;
  key: string;
  value: string;
};

/**
 * Every record of `topic` from the beginning, as `kafka-console-consumer` prints it: timestamp type and time,
 * partition, offset, headers (`k:v,k:v` or NO_HEADERS), key, value, tab-separated ("null" for null). Reads until
 * `count` records (or 20 s without more). Sorted by partition and offset.
 */
export function consoleConsume(topic: string, count: number, isolation: 'read_committed' | 'read_uncommitted'): ConsumedLine[] {
  const properties = ['print.key', 'print.headers', 'print.timestamp', 'print.partition', 'print.offset'].flatMap((p) => [
    '--property',
    `${p}=true`,
  ]);
  const result = spawnSync(
    path.join(BIN, 'kafka-console-consumer'),
    [
      '--bootstrap-server',
      bootstrap(),
      '--topic',
      topic,
      '--from-beginning',
      '--isolation-level',
      isolation,
      '--max-messages',
      String(count),
      '--timeout-ms',
      '20000',
      ...properties,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, KAFKA_VERSION: kafkaTarget().version } },
  );
  // It exits 1 on its timeout (fewer records than asked): the lines it printed are still the answer.
  if (result.status !== 0 && !/Processed a total of/.test(result.stderr))
    throw new Error(`kafka-console-consumer failed: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter((line) => /^(CreateTime|LogAppendTime|NoTimestampType):/.test(line))
    .map((line) => {
      const [time, partition, offset, headers, key, ...value] = line.split('\t');
      const [timestampType, timestamp] = time!.split(':') as [string, string];
      return {
        timestampType,
        timestamp,
        partition: Number(partition!.replace('Partition:', '')),
        offset: offset!.replace('Offset:', ''),
        headers: headers!,
        key: key!,
        value: value.join('\t'),
      };
    })
    .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * Two transactions on partition `partition` of `topic` with kafkajs's transactional producer: `committed` records
 * in one that commits, `aborted` ones in one that aborts; a non-transactional record after each.
 */
export async function produceTransactions(topic: string, partition: number, committed: string[], aborted: string[]) {
  const kafka = new Kafka({ clientId: 'it-transactions', brokers: kafkaTarget().bootstrap, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ transactionalId: `it-tx-${topic}`, idempotent: true, maxInFlightRequests: 1 });
  const plain = kafka.producer();
  await Promise.all([producer.connect(), plain.connect()]);
  try {
    const write = async (values: string[], commit: boolean) => {
      const tx = await producer.transaction();
      await tx.send({
        topic,
        messages: values.map((value, i) => ({ key: `tx-${i}`, value, partition, headers: { tx: commit ? 'commit' : 'abort' } })),
      });
      if (commit) await tx.commit();
      else await tx.abort();
      await plain.send({ topic, messages: [{ key: 'plain', value: `after ${commit ? 'commit' : 'abort'}`, partition }] });
    };
    await write(committed, true);
    await write(aborted, false);
  } finally {
    await Promise.all([producer.disconnect(), plain.disconnect()]);
  }
}
