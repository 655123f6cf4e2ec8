// End offsets of many topics in a few requests, which is also how the fixture knows the brokers are ready.
//
// KRaft answers CreateTopics (and Metadata shows leaders and full ISRs) as soon as the controller committed the
// records; each broker then creates its ~8k replica logs one by one, which takes minutes for 10k partitions.
// Until a leader has created a partition it answers NOT_LEADER / UNKNOWN_TOPIC_OR_PARTITION. So: read every
// fixture partition's end offset, chunk by chunk, retrying a failed chunk until it answers.
//
// kafkajs's admin.fetchTopicOffsets reads one topic per call and grows its metadata target list with each one
// (a Metadata request over all topics seen so far per new topic). Its Cluster's fetchTopicsOffset (not on the
// admin) sends one ListOffsets per leader for any number of topics: that is what this uses.
import { bareCluster, type Cluster } from '@/server/kafka/kafkajs';
import { chunk, eachLimited, errorText, log, progress, quietLogCreator, seconds } from './progress';

/** End offsets by topic, then partition (what committed offsets are planned from). */
export type EndOffsets = Map<string, Map<number, bigint>>;

type OffsetsCluster = Cluster & {
  addMultipleTargetTopics(topics: string[]): Promise<void>;
  findTopicPartitionMetadata(topic: string): { partitionId: number }[];
  fetchTopicsOffset(
    topics: { topic: string; partitions: { partition: number }[]; fromBeginning: boolean }[],
  ): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
};

const TOPICS_PER_CHUNK = 50;
const CONCURRENT_CHUNKS = 4;
const READY_TIMEOUT_MS = 600_000;
const READ_UNCOMMITTED = 0;

/** The high watermark of every partition of `topics` (as the cluster has them), retried until every leader answers. */
export async function readEndOffsets(brokers: string[], topics: readonly string[]): Promise<EndOffsets> {
  // Errors while brokers still create replicas are expected and retried here: kafkajs stays silent.
  const cluster = bareCluster(
    {
      brokers,
      clientId: 'fixture-large',
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      metadataMaxAge: 300_000,
      isolationLevel: READ_UNCOMMITTED,
    },
    quietLogCreator,
  ) as OffsetsCluster;
  const started = Date.now();
  const offsets: EndOffsets = new Map();
  let lastError = '';
  let lastPrinted = 0;
  let retries = 0;
  /** Runs `work` until it succeeds: while brokers still create replicas they answer with partition errors. */
  const untilReady = async <T>(work: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await work();
      } catch (error) {
        const waited = Date.now() - started;
        if (waited > READY_TIMEOUT_MS) throw new Error(`brokers not ready after ${seconds(READY_TIMEOUT_MS)}: ${errorText(error)}`);
        retries += 1;
        // Creating ~8k replica logs per broker takes a minute or more: say so every 10 s.
        if (errorText(error) !== lastError || Date.now() - lastPrinted >= 10_000) {
          lastError = errorText(error);
          lastPrinted = Date.now();
          log(`  brokers still creating replicas (${lastError}), ${seconds(waited)} so far`);
        }
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await cluster.refreshMetadata().catch(() => {});
      }
    }
  };
  await cluster.connect();
  try {
    await untilReady(() => cluster.addMultipleTargetTopics([...topics]));
    const layout = topics.map((topic) => ({
      topic,
      partitions: cluster.findTopicPartitionMetadata(topic).map((p) => ({ partition: p.partitionId })),
    }));
    const bar = progress(
      'end offsets read (partitions)',
      layout.reduce((a, t) => a + t.partitions.length, 0),
    );
    await eachLimited(chunk(layout, TOPICS_PER_CHUNK), CONCURRENT_CHUNKS, async (part) => {
      const answer = await untilReady(() => cluster.fetchTopicsOffset(part.map((t) => ({ ...t, fromBeginning: false }))));
      for (const t of answer) offsets.set(t.topic, new Map(t.partitions.map((p) => [p.partition, BigInt(p.offset)])));
      bar.tick(part.reduce((a, t) => a + t.partitions.length, 0));
    });
  } finally {
    await cluster.disconnect();
  }
  if (retries) log(`  every leader answered after ${retries} retried chunk(s), ${seconds(Date.now() - started)}`);
  return offsets;
}
