import 'server-only';
import { logLevel, type Admin, type SASLOptions } from 'kafkajs';
import createAdmin from 'kafkajs/src/admin/index.js';
import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import Cluster from 'kafkajs/src/cluster/index.js';
import InstrumentationEventEmitter from 'kafkajs/src/instrumentation/emitter.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory.js';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { ApiError } from '@/lib/errors';
import { getClusterConfig } from '@/server/config/current';
import { resolveSecret } from '@/server/config/load';
import type { ClusterConfig } from '@/server/config/schema';
import { tolerateLeaderlessPartitions } from '@/server/kafka/lenient-metadata';
import { DeadlineExceededError, withDeadline } from '@/server/kafka/deadline';
import { brokerNotFound, isUnreachable, unwrapRetries } from '@/server/kafka/errors';
import { kafkaLogCreator } from '@/server/kafka/log';
import type { RequestCounter } from '@/server/kafka/request-counter';
import type { SilentBrokers } from '@/server/kafka/silent-brokers';

/**
 * One kafkajs Cluster per configured cluster: the admin client and the console's own protocol requests
 * share its connections (one per broker), so nothing opens a connection per request.
 */
export type KafkaConnection = {
  clusterId: string;
  cluster: Cluster;
  admin: Admin;
  silent: SilentBrokers;
};

const RETRY = { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 };
// kafkajs's admin defaults to metadataMaxAge 0 (a Metadata request before nearly every call); a minute is
// plenty: the console refreshes metadata itself where freshness matters.
const METADATA_MAX_AGE_MS = 60_000;

function saslOptions(config: ClusterConfig): SASLOptions | undefined {
  if (!config.sasl) return undefined;
  const password = resolveSecret(config.sasl.password, `clusters.${config.id}.sasl.password`);
  return { mechanism: config.sasl.mechanism, username: config.sasl.username, password } as SASLOptions;
}

function tlsOptions(config: ClusterConfig): TlsOptions | boolean | undefined {
  if (!config.ssl || typeof config.ssl === 'boolean') return config.ssl;
  const read = (key: 'ca' | 'cert' | 'key') => {
    const ref = config.ssl && typeof config.ssl === 'object' ? config.ssl[key] : undefined;
    return ref ? resolveSecret(ref, `clusters.${config.id}.ssl.${key}`) : undefined;
  };
  return { ca: read('ca'), cert: read('cert'), key: read('key'), rejectUnauthorized: config.ssl.rejectUnauthorized };
}

/** What every connection to a cluster's nodes shares: the cluster's own TLS and SASL settings and timeouts. */
const nodeOptions = (config: ClusterConfig) => ({
  socketFactory: defaultSocketFactory(),
  ssl: tlsOptions(config),
  sasl: saslOptions(config),
  clientId: 'kafka-console',
  connectionTimeout: config.connectionTimeoutMs,
  requestTimeout: config.requestTimeoutMs,
  enforceRequestTimeout: true,
  allowAutoTopicCreation: false,
});

export function createConnection(config: ClusterConfig, requests: RequestCounter, silent: SilentBrokers): KafkaConnection {
  const logger = createLogger({ level: logLevel.WARN, logCreator: kafkaLogCreator(config.id) });
  const instrumentationEmitter = new InstrumentationEventEmitter();
  requests.attach(instrumentationEmitter);
  instrumentationEmitter.addListener('network.request_timeout', (event) => silent.timedOut(String(event.payload.broker)));
  instrumentationEmitter.addListener('network.request', (event) => silent.answered(String(event.payload.broker)));
  const cluster = new Cluster({
    ...nodeOptions(config),
    logger,
    // Asked at every (re)connect of the bootstrap connection: a broker that lets requests time out is skipped.
    brokers: () => silent.bootstrap(config.brokers),
    metadataMaxAge: METADATA_MAX_AGE_MS,
    retry: RETRY,
    instrumentationEmitter,
  });
  tolerateLeaderlessPartitions(cluster);
  const admin = createAdmin({ logger, retry: RETRY, cluster, instrumentationEmitter });
  return { clusterId: config.id, cluster, admin, silent };
}

/** How long one broker gets to answer before the next is tried: a silent one must not take the whole route deadline. */
const ATTEMPT_MS = 4_000;

/**
 * Runs `work` on the first broker that answers: connected ones first, then the bootstrap connection, then the
 * others kafkajs knows; brokers that recently let a request time out go last. A broker that is down costs its
 * connection timeout, one that is silent at most ATTEMPT_MS. Throws the last error when none answers. `work` must
 * be safe to repeat on another broker (reads, and writes that set values).
 */
export async function onAnyBroker<T>(connection: KafkaConnection, work: (broker: KafkajsBroker) => Promise<T>): Promise<T> {
  const { seedBroker, brokers } = connection.cluster.brokerPool;
  const rank = (broker: KafkajsBroker) => (connection.silent.isSilent(addressOf(broker)) ? 2 : 0) + (broker.isConnected() ? 0 : 1);
  const candidates = [...(seedBroker ? [seedBroker] : []), ...Object.values(brokers)].sort((a, b) => rank(a) - rank(b));
  let lastError: unknown = brokerNotFound('no broker answered');
  for (const candidate of candidates) {
    try {
      const broker =
        candidate === seedBroker
          ? candidate
          : await withDeadline(connection.cluster.findBroker({ nodeId: candidate.nodeId }), ATTEMPT_MS, 'a broker');
      if (!broker.isConnected()) continue;
      return await withDeadline(work(broker), ATTEMPT_MS, `broker ${addressOf(broker)}`);
    } catch (error) {
      // Not an answer within ATTEMPT_MS: as good as a request timeout for choosing brokers next time.
      if (error instanceof DeadlineExceededError) connection.silent.timedOut(addressOf(candidate));
      lastError = error;
    }
  }
  throw lastError;
}

const addressOf = (broker: KafkajsBroker) => `${broker.connectionPool.host}:${broker.connectionPool.port}`;

/** A voter's endpoint as Kafka reported it (DescribeQuorum), never an address a caller sent. */
export type ControllerEndpoint = { nodeId: number; listener: string; host: string; port: number };

const CONTROLLER_DEADLINE_MS = 4_000;
const noop = () => {};

/** Why a controller could not be asked, in words without its address (error messages never carry hosts). */
function unreachableReason(error: unknown, deadlineMs: number) {
  const e = unwrapRetries(error);
  if (e instanceof DeadlineExceededError) return `did not answer within ${deadlineMs / 1000} s`;
  if (e.name === 'KafkaJSSASLAuthenticationError' || e.type?.includes('SASL')) return "refused the cluster's SASL settings";
  if (isUnreachable(e)) return 'refused or dropped the connection';
  return e.type ?? e.name ?? 'failed';
}

/**
 * A short-lived connection to one controller, for the few requests only controllers answer (DescribeCluster of
 * the controllers). It uses the cluster's own TLS and SASL settings: a controller listener secured otherwise than
 * the brokers' cannot be reached, and says so. kafkajs's connect() only connects the seed broker (ApiVersions,
 * SASL; no Metadata, which a controller would not answer). Connects, runs `work`, always disconnects; a controller
 * that cannot be reached within the deadline is KAFKA_UNAVAILABLE naming why, errors of `work` pass as they are.
 */
export async function withControllerEndpoint<T>(
  clusterId: string,
  endpoint: ControllerEndpoint,
  work: (broker: KafkajsBroker) => Promise<T>,
  { deadlineMs = CONTROLLER_DEADLINE_MS }: { deadlineMs?: number } = {},
): Promise<T> {
  const config = getClusterConfig(clusterId);
  const cluster = new Cluster({
    ...nodeOptions(config),
    logger: createLogger({ level: logLevel.WARN, logCreator: kafkaLogCreator(config.id) }),
    brokers: [`${endpoint.host}:${endpoint.port}`],
    metadataMaxAge: METADATA_MAX_AGE_MS,
    retry: { retries: 0 },
    instrumentationEmitter: new InstrumentationEventEmitter(),
  });
  let connected = false;
  const run = (async () => {
    await cluster.connect();
    connected = true;
    const broker = cluster.brokerPool.seedBroker;
    if (!broker) throw brokerNotFound('no controller connection');
    return work(broker);
  })();
  // Past the deadline `run` may still be connecting (kafkajs bounds that): its socket is closed once it settles.
  const closed = run.then(noop, noop).then(() => cluster.disconnect().catch(noop));
  try {
    const result = await withDeadline(run, deadlineMs, 'a controller');
    await closed;
    return result;
  } catch (error) {
    if (connected && !(error instanceof DeadlineExceededError) && !isUnreachable(error)) throw error;
    const reason = unreachableReason(error, deadlineMs);
    throw new ApiError('KAFKA_UNAVAILABLE', `controller ${endpoint.nodeId} (listener ${endpoint.listener}) ${reason}`, { cause: error });
  }
}
