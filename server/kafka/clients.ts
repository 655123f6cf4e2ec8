import 'server-only';
import { ApiError } from '@/lib/errors';
import { getClusterConfig } from '@/server/config/current';
import { createConnection, type KafkaConnection } from '@/server/kafka/connection';
import { withDeadline } from '@/server/kafka/deadline';
import { toApiError } from '@/server/kafka/errors';
import { RequestCounter } from '@/server/kafka/request-counter';
import { SilentBrokers } from '@/server/kafka/silent-brokers';
import { processState } from '@/server/process-state';

/** Routes answer within about 10 s, whatever Kafka does. */
export const ROUTE_DEADLINE_MS = 10_000;

/** `dropped`: disconnected after a failure, possibly under other calls still running on it. */
type Entry = { connection: KafkaConnection; connecting: Promise<void> | null; dropped?: boolean };

/**
 * Which of a cluster's connections (one socket per broker each) a call uses. A broker answers the requests of one
 * connection in order, one at a time, so what may keep a connection busy for long gets its own: record reads
 * (responses of a megabyte, scans that fetch for seconds), and reads a KRaft broker forwards to the active
 * controller (DescribeQuorum; KafkaApis forwards it), which wait on the broker for as long as its forwarding
 * timeout (30 s) while the controller is silent. The pages' and the sampler's admin requests never queue behind them.
 */
export type KafkaChannel = 'admin' | 'records' | 'forwarded';

// Process-wide (server/process-state.ts): dev hot reload re-evaluates modules, and must not leak a connection per
// reload. Counters outlive connections: a recreated client keeps counting where the old one stopped. So does what
// was learnt about silent brokers, shared by a cluster's channels.
const { registry, counters, silentBrokers } = processState('kafkaClients', () => ({
  registry: new Map<string, Entry>(),
  counters: new Map<string, RequestCounter>(),
  silentBrokers: new Map<string, SilentBrokers>(),
}));

/** The value of `key`, made and kept on first use. */
function kept<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const counterFor = (clusterId: string) => kept(counters, clusterId, () => new RequestCounter());
const silentBrokersOf = (clusterId: string) => kept(silentBrokers, clusterId, () => new SilentBrokers());

const registryKey = (clusterId: string, channel: KafkaChannel) => (channel === 'admin' ? clusterId : `${clusterId}\u0000${channel}`);

function silenceFor(clusterId: string, channel: KafkaChannel) {
  const silent = silentBrokersOf(clusterId);
  return channel === 'forwarded' ? silent.forForwardedRequests() : silent;
}

const entryFor = (key: string, clusterId: string, channel: KafkaChannel): Entry =>
  kept(registry, key, () => ({
    connection: createConnection(getClusterConfig(clusterId), counterFor(clusterId), silenceFor(clusterId, channel)),
    connecting: null,
  }));

async function ensureConnected(entry: Entry) {
  if (entry.connection.cluster.isConnected()) return;
  entry.connecting ??= entry.connection.admin.connect().finally(() => {
    entry.connecting = null;
  });
  await entry.connecting;
}

/**
 * A failed or timed-out call may leave kafkajs's metadata or locks wedged (a deleted topic, a leaderless
 * partition, a broker that vanished): the next call gets a fresh client instead.
 */
function dropConnection(key: string, entry: Entry) {
  if (registry.get(key) !== entry) return;
  registry.delete(key);
  entry.dropped = true;
  entry.connection.admin.disconnect().catch(() => {});
}

/** Runs `work` with the cluster's shared connection, within the deadline, mapping every failure to an ApiError. */
export async function withKafka<T>(
  clusterId: string,
  work: (connection: KafkaConnection) => Promise<T>,
  { deadlineMs = ROUTE_DEADLINE_MS, channel = 'admin' }: { deadlineMs?: number; channel?: KafkaChannel } = {},
): Promise<T> {
  const key = registryKey(clusterId, channel);
  const entry = entryFor(key, clusterId, channel);
  try {
    return await withDeadline(
      (async () => {
        await ensureConnected(entry);
        return work(entry.connection);
      })(),
      deadlineMs,
      `Kafka cluster "${clusterId}"`,
    );
  } catch (error) {
    let apiError = toApiError(error, clusterId);
    // A call running when another call's failure dropped the connection can fail inside kafkajs (its broker pool
    // clears its metadata on disconnect while a refreshMetadata is under way: "reading 'brokers'" of null). That is
    // the reset, not a defect of this call: 503, as the failure that caused it.
    if (entry.dropped && apiError.code === 'INTERNAL')
      apiError = new ApiError(
        'KAFKA_UNAVAILABLE',
        `The connection to Kafka cluster "${clusterId}" was reset while the request ran: try again`,
      );
    if (apiError.code === 'KAFKA_UNAVAILABLE' || apiError.code === 'INTERNAL') dropConnection(key, entry);
    throw apiError;
  }
}

/**
 * withKafka on the cluster's 'forwarded' connection: for the requests a KRaft broker forwards to the active
 * controller (CreateTopics, DeleteTopics, CreatePartitions, ElectLeaders, Alter/ListPartitionReassignments; configs
 * changes: KafkaApis.maybeForwardToController and its config handlers), and for the reads done beside them. While
 * the controller is silent a broker holds such a request up to its forwarding timeout (30 s) and answers nothing
 * else on that connection: the pages' reads keep the admin connection to themselves.
 */
export function withKafkaForwarded<T>(
  clusterId: string,
  work: (connection: KafkaConnection) => Promise<T>,
  options: { deadlineMs?: number } = {},
): Promise<T> {
  return withKafka(clusterId, work, { ...options, channel: 'forwarded' });
}

/** Kafka requests made for a cluster since the process started (the benchmark and /metrics read them). */
export function requestCounts(clusterId: string) {
  return counterFor(clusterId).snapshot();
}

/** Closes every connection (tests and graceful shutdown). */
export async function closeAllConnections() {
  const entries = [...registry.entries()];
  registry.clear();
  await Promise.all(entries.map(([, entry]) => entry.connection.admin.disconnect().catch(() => {})));
}
