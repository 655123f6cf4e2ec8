import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { isKraftBroker, type QuorumDescription } from '@/server/protocol/describe-quorum';

export type PartitionLayout = {
  partition: number;
  errorCode: number;
  /** null when the partition has no leader (offline). */
  leader: number | null;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
};

export type ClusterMetadata = {
  /** Epoch ms when the Metadata response arrived (see readClusterMetadata). */
  asOf: number;
  mode: 'kraft' | 'zookeeper';
  kafkaClusterId: string | null;
  /**
   * ZooKeeper: Metadata's. KRaft: the quorum leader once withQuorum read it (Metadata's controller id is a random live
   * broker there), null before and when it could not be read (quorumError says why).
   */
  controllerId: number | null;
  /** The KRaft controller quorum once withQuorum read it; null on ZooKeeper clusters. */
  quorum: QuorumDescription | null;
  /** KRaft: why withQuorum could not read the quorum (the controller is then unknown); null otherwise. */
  quorumError: string | null;
  /** The answering broker's ApiVersions ranges, by API key: the Kafka release is inferred from them. */
  apiVersions: Record<string, { minVersion: number; maxVersion: number }>;
  brokers: { id: number; host: string; port: number; rack: string | null }[];
  topics: { name: string; internal: boolean; errorCode: number; partitions: PartitionLayout[] }[];
};

type MetadataTopic = Awaited<ReturnType<KafkajsBroker['metadata']>>['topicMetadata'][number];
export type TopicLayout = ClusterMetadata['topics'][number];

function toTopicLayout(t: MetadataTopic): TopicLayout {
  return {
    name: t.topic,
    internal: t.isInternal,
    errorCode: t.topicErrorCode,
    partitions: t.partitionMetadata
      .map((p) => ({
        partition: p.partitionId,
        errorCode: p.partitionErrorCode,
        leader: p.leader >= 0 ? p.leader : null,
        replicas: p.replicas,
        isr: p.isr,
        offlineReplicas: p.offlineReplicas ?? [],
      }))
      .sort((a, b) => a.partition - b.partition),
  };
}

/**
 * One Metadata request for one topic: its layout, as the cluster's Metadata has it, and when it was read; null when
 * Kafka does not know the topic (the connection never lets Metadata create it). Other topic errors (e.g.
 * TOPIC_AUTHORIZATION_FAILED) are thrown, as kafkajs's Metadata parse throws them.
 */
export async function readTopicLayout(connection: KafkaConnection, topic: string): Promise<{ asOf: number; topic: TopicLayout } | null> {
  return onAnyBroker(connection, async (broker) => {
    let metadata: Awaited<ReturnType<KafkajsBroker['metadata']>>;
    try {
      metadata = await broker.metadata([topic]);
    } catch (error) {
      // The answer of this broker, not a failure to try the next one with.
      if ((error as { type?: unknown }).type === 'UNKNOWN_TOPIC_OR_PARTITION') return null;
      throw error;
    }
    const asOf = Date.now();
    const found = metadata.topicMetadata.find((t) => t.topic === topic);
    return found ? { asOf, topic: toTopicLayout(found) } : null;
  });
}

/**
 * One Metadata request for all topics. kafkajs's Metadata (v6 at most) already carries racks and offline replicas;
 * its describeCluster() drops them. On KRaft the controller is not in it (see withQuorum).
 */
export async function readClusterMetadata(connection: KafkaConnection): Promise<ClusterMetadata> {
  return onAnyBroker(connection, async (broker) => {
    const metadata = await broker.metadata([]);
    // asOf is the instant the Metadata response arrives: the broker answered from its metadata cache at some
    // moment between receiving the request and this instant, and this is the closest one the console can see.
    // Not when the request was sent (nor before onAnyBroker): connecting, trying another broker and queueing in
    // kafkajs or on the broker say nothing about the data, yet would age the snapshot out early.
    const asOf = Date.now();
    const kraft = isKraftBroker(broker);
    return {
      asOf,
      mode: kraft ? 'kraft' : 'zookeeper',
      kafkaClusterId: metadata.clusterId,
      controllerId: !kraft && metadata.controllerId >= 0 ? metadata.controllerId : null,
      quorum: null,
      quorumError: null,
      apiVersions: broker.versions ?? {},
      brokers: metadata.brokers
        .map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }))
        .sort((a, b) => a.id - b.id),
      topics: metadata.topicMetadata.map(toTopicLayout),
    };
  });
}
