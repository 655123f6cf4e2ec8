// A stand-in for a kafkajs Cluster with a broker pool, for unit tests of the per-broker waves.
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { vi } from 'vitest';
import type { KafkaConnection } from '@/server/kafka/connection';

export const connectionRefused = () =>
  Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9093'), { name: 'KafkaJSConnectionError' });

/**
 * `live` brokers exist in the cluster; the pool starts with `pooled` (kafkajs's pool is empty right after connect)
 * and holds every live broker after refreshMetadata(). Brokers in `down` fail to connect in findBroker.
 */
export function fakeConnection({ live = [1, 2, 3], pooled = [] as number[], down = [] as number[], refreshFails = false } = {}) {
  const broker = (nodeId: number) => ({ nodeId }) as unknown as KafkajsBroker;
  const brokers: Record<string, KafkajsBroker> = Object.fromEntries(pooled.map((id) => [id, broker(id)]));
  const cluster = {
    brokerPool: { brokers },
    refreshMetadata: vi.fn(async () => {
      if (refreshFails) throw connectionRefused();
      for (const id of live) brokers[id] ??= broker(id);
    }),
    findBroker: vi.fn(async ({ nodeId }: { nodeId: number }) => {
      if (down.includes(nodeId)) throw connectionRefused();
      const found = brokers[nodeId];
      if (!found) throw Object.assign(new Error(`Broker ${nodeId} not found in the cached metadata`), { name: 'KafkaJSBrokerNotFound' });
      return found;
    }),
  };
  return { connection: { clusterId: 'test', cluster, admin: {} } as unknown as KafkaConnection, cluster };
}
