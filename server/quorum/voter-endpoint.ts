import 'server-only';
import { ApiError } from '@/lib/errors';
import { withControllerEndpoint, type ControllerEndpoint } from '@/server/kafka/connection';
import { describeControllers } from '@/server/protocol/describe-cluster';
import type { QuorumDescription } from '@/server/protocol/describe-quorum';
import type { NewVoterEndpoint } from '@/server/quorum/voter-checks';

// Where a new voter's endpoint comes from: Kafka, never the caller (no API accepts addresses). The controllers
// know every registered controller, observers included, and answer DescribeCluster with its endpoint on the
// listener the request came in on; the console asks them on a voter's endpoint from DescribeQuorum.

/**
 * No voter is asked after this long (each costs at most withControllerEndpoint's 4 s): with the quorum reads and
 * AddRaftVoter the whole change stays within its 20 s deadline.
 */
const LOOKUP_BUDGET_MS = 6_000;

/** DescribeQuorum's `NAME://host:port` (server/protocol/describe-quorum.ts) back in parts; IPv6 hosts keep their colons. */
function endpointOf(nodeId: number, endpoint: string): ControllerEndpoint | null {
  const match = /^([A-Za-z0-9_]+):\/\/(.+):(\d+)$/.exec(endpoint);
  return match ? { nodeId, listener: match[1]!, host: match[2]!, port: Number(match[3]) } : null;
}

/**
 * The voters' endpoints to ask, the leader's first. All on the leader's first listener: Raft's own (the first of
 * controller.listener.names, which every controller shares), the one the leader needs the new voter to have.
 */
export function endpointsToAsk(quorum: QuorumDescription): ControllerEndpoint[] {
  const ids = quorum.voters.map((v) => v.replicaId).sort((a, b) => Number(b === quorum.leaderId) - Number(a === quorum.leaderId));
  const endpoints = ids.flatMap((id) => (quorum.voterEndpoints?.get(id) ?? []).flatMap((e) => endpointOf(id, e) ?? []));
  const listener = endpoints[0]?.listener;
  return endpoints.filter((e) => e.listener === listener);
}

const unknown = (reason: string): NewVoterEndpoint => ({ listeners: [], unknown: reason });

/** Asks the controllers for node `voterId`'s endpoint; a controller that cannot be reached is named, not thrown. */
export async function findNewVoterEndpoint(clusterId: string, quorum: QuorumDescription, voterId: number): Promise<NewVoterEndpoint> {
  const asked = endpointsToAsk(quorum);
  if (asked.length === 0) return unknown('DescribeQuorum names no voter endpoint to ask the controllers on');
  const started = Date.now();
  const failures: string[] = [];
  for (const endpoint of asked) {
    if (Date.now() - started > LOOKUP_BUDGET_MS) break;
    try {
      const node = (await withControllerEndpoint(clusterId, endpoint, describeControllers)).find((n) => n.nodeId === voterId);
      if (!node) return unknown(`the controllers list no controller ${voterId} (is it running?)`);
      return { listeners: [{ name: endpoint.listener, host: node.host, port: node.port }], unknown: null };
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'KAFKA_UNAVAILABLE')) throw error;
      failures.push(error.message);
    }
  }
  return unknown(
    `the console could not ask the controllers: ${failures.join('; ')}. It reaches them with the cluster's own TLS and SASL settings; for a controller listener secured otherwise, add the node with kafka-metadata-quorum add-controller`,
  );
}
