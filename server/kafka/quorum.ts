import 'server-only';
import { withKafka } from '@/server/kafka/clients';
import { onAnyBroker } from '@/server/kafka/connection';
import type { ClusterMetadata } from '@/server/kafka/metadata';
import { describeQuorum } from '@/server/protocol/describe-quorum';

// DescribeQuorum answers in milliseconds while the quorum has a leader; while the active controller is silent a
// broker holds it (KafkaApis forwards it to the controller) until a new one is elected, or for its 30 s forwarding
// timeout. The lists do not wait that long for a figure they can show as unknown.
const QUORUM_DEADLINE_MS = 2_000;

/**
 * `metadata` with the KRaft controller quorum and its leader, the active controller. Read on the cluster's
 * 'forwarded' channel: a broker answers nothing else on a connection while it holds a forwarded request, so the
 * admin connection that serves the pages must never carry one. A quorum that does not answer in time leaves the
 * controller unknown (quorumError), not the read failed.
 */
export async function withQuorum(clusterId: string, metadata: ClusterMetadata): Promise<ClusterMetadata> {
  if (metadata.mode !== 'kraft') return metadata;
  try {
    const quorum = await withKafka(clusterId, (connection) => onAnyBroker(connection, describeQuorum), {
      channel: 'forwarded',
      deadlineMs: QUORUM_DEADLINE_MS,
    });
    return { ...metadata, quorum, controllerId: quorum.leaderId };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...metadata, quorumError: `the controller quorum did not answer DescribeQuorum: ${reason}` };
  }
}
