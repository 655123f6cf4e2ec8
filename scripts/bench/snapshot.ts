// The snapshot (getClusterSnapshot with maxAgeMs 0) and each of its waves on its own, to see where the time goes.
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { withKafka } from '@/server/kafka/clients';
import { readLogDirs } from '@/server/kafka/log-dirs';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets } from '@/server/kafka/offsets';
import { readTopicConfigValues } from '@/server/kafka/topic-configs';
import { summarize, timed, type Sample } from './measure';

async function repeat(runs: number, clusterId: string, work: () => Promise<unknown>) {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(clusterId, work));
  return summarize(samples);
}

export async function measureSnapshot(clusterId: string, runs: number) {
  const whole = await repeat(runs, clusterId, () => getClusterSnapshot(clusterId, { maxAgeMs: 0 }));
  const snapshot = await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
  const { metadata } = snapshot;
  const replicas = metadata.topics.reduce((a, t) => a + t.partitions.reduce((b, p) => b + p.replicas.length, 0), 0);
  const logDirReplicas = snapshot.logDirs.reduce(
    (a, b) => a + ('error' in b ? 0 : b.logDirs.reduce((c, d) => c + d.partitions.length, 0)),
    0,
  );
  // The waves alone, each on the shared connection like the snapshot runs them (wave 2 runs its three in parallel).
  const waves = {
    metadata: await repeat(runs, clusterId, () => withKafka(clusterId, readClusterMetadata)),
    offsets: await repeat(runs, clusterId, () => withKafka(clusterId, (c) => readOffsets(c, metadata.topics))),
    logDirs: await repeat(runs, clusterId, () =>
      withKafka(clusterId, (c) =>
        readLogDirs(
          c,
          metadata.brokers.map((b) => b.id),
        ),
      ),
    ),
    topicConfigs: await repeat(runs, clusterId, () =>
      withKafka(clusterId, (c) =>
        readTopicConfigValues(
          c,
          metadata.topics.map((t) => t.name),
          ['min.insync.replicas'],
        ),
      ),
    ),
  };
  return {
    ...whole,
    mode: metadata.mode,
    brokers: metadata.brokers.length,
    topics: metadata.topics.length,
    partitions: metadata.topics.reduce((a, t) => a + t.partitions.length, 0),
    replicas,
    offsetRows: snapshot.offsets.size,
    logDirReplicas,
    minIsrKnown: snapshot.minIsr.size,
    errors: snapshot.errors,
    waves,
  };
}
