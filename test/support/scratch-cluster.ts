// A throwaway single-node KRaft cluster (one combined broker + controller) for tests that change what cannot be
// changed back on the shared dev cluster, such as finalized feature levels. It reuses the dev cluster's layout,
// JVM start and stop (scripts/kafka/), formats its storage at an older release with kafka-storage, and lives in
// its own directory under the git-ignored .data/, which stop() deletes.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from '@/server/kafka/kafkajs';
import { ROOT } from '../../scripts/kafka/fetch.mjs';
import { brokerProperties, clusterLayout } from '../../scripts/kafka/layout.mjs';
import { writeLoggingConfig } from '../../scripts/kafka/logging.mjs';
import { assertPortsFree, logTail, runningPid, sleep, startJvm, stopProcess } from '../../scripts/kafka/processes.mjs';
import { resolveKafka } from '../../scripts/kafka/versions.mjs';

export type ScratchOptions = {
  /** Kafka that runs the node (an exact version or alias of scripts/kafka/versions.mjs). */
  version?: string;
  /** kafka-storage format --release-version: the metadata.version and default feature levels it starts at. */
  releaseVersion: string;
  /** kafka-storage format --feature overrides, e.g. { 'share.version': 0 }. */
  features?: Record<string, number>;
  /** Added to the dev cluster's ports; 7000 puts the node at 16093 (plaintext), clear of the dev clusters. */
  portOffset?: number;
  heap?: string;
};

export type ScratchCluster = {
  bootstrap: string;
  version: string;
  /** Milliseconds from format to a registered, unfenced broker. */
  startupMs: number;
  stop: () => Promise<void>;
};

const READY_TIMEOUT_MS = 60_000;

// A single node cannot hold the replicas the dev cluster's defaults ask for.
const SINGLE_NODE_OVERRIDES = [
  'num.partitions=1',
  'default.replication.factor=1',
  'offsets.topic.replication.factor=1',
  'transaction.state.log.replication.factor=1',
  'transaction.state.log.min.isr=1',
  'share.coordinator.state.topic.replication.factor=1',
  'share.coordinator.state.topic.min.isr=1',
];

/** A cluster id as Kafka makes them (16 random bytes, base64url), not starting with "-" (an option to the tool). */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function formatStorage(version: string, configFile: string, options: ScratchOptions) {
  const features = Object.entries(options.features ?? {}).flatMap(([name, level]) => ['--feature', `${name}=${level}`]);
  const args = ['format', '-t', newClusterId(), '-c', configFile, '--release-version', options.releaseVersion, ...features];
  const result = spawnSync(path.join(ROOT, 'scripts/kafka/bin/kafka-storage'), args, {
    encoding: 'utf8',
    env: { ...process.env, KAFKA_VERSION: version },
  });
  if (result.status !== 0) throw new Error(`kafka-storage format failed:\n${result.stderr}${result.stdout}`);
}

async function untilRegistered(bootstrap: string, isRunning: () => boolean) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isRunning()) throw new Error('the scratch node exited during start-up');
    const admin = new Kafka({
      brokers: [bootstrap],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 3000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      // The broker opens its listener once it is unfenced, and lists itself once registered.
      if ((await admin.describeCluster()).brokers.some((b) => b.nodeId === 1)) return;
      last = 'not registered yet';
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(300);
  }
  throw new Error(`the scratch node was not ready after ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}

/** Formats and starts the node; the caller must call stop() (an afterAll), which also deletes its directory. */
export async function startScratchCluster(options: ScratchOptions): Promise<ScratchCluster> {
  const offset = options.portOffset ?? 7000;
  // Always the static single-voter shape, whatever KAFKA_* variables the test run was started with.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_VERSION: options.version ?? '4.4.0',
    KAFKA_MODE: 'kraft',
    KAFKA_QUORUM: 'static',
    KAFKA_PORT_OFFSET: String(offset),
  };
  const kafka = resolveKafka(env);
  const devLayout = clusterLayout(kafka, env);
  mkdirSync(path.join(ROOT, '.data'), { recursive: true });
  const dataDir = mkdtempSync(path.join(ROOT, '.data', 'scratch-kafka-'));
  // Node 1's ports at the offset; its files in the scratch directory; the only voter of its own quorum.
  const node = {
    ...devLayout.nodes[0],
    name: 'scratch-1',
    combined: true,
    dataDir,
    configFile: path.join(dataDir, 'config', 'server.properties'),
    logFile: path.join(dataDir, 'logs', 'server.log'),
    pidFile: path.join(dataDir, 'run', 'server.pid'),
  };
  const layout = {
    ...devLayout,
    heap: options.heap ?? '384m',
    dataDir,
    configDir: path.join(dataDir, 'config'),
    nodes: [node],
    baseNodeIds: [node.id],
    brokerIds: [node.id],
  };
  const stop = async () => {
    await stopProcess(node, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  try {
    await assertPortsFree(node, [node.plaintextPort, node.saslPort, node.controllerPort]);
    writeLoggingConfig(layout.configDir, { level: 'WARN', target: 'stdout' });
    writeFileSync(node.configFile, brokerProperties(layout, node) + SINGLE_NODE_OVERRIDES.join('\n') + '\n');
    formatStorage(kafka.version, node.configFile, options);
    startJvm(layout, node, 'kafka.Kafka', { heap: layout.heap });
    const bootstrap = `127.0.0.1:${node.plaintextPort}`;
    await untilRegistered(bootstrap, () => runningPid(node) !== null);
    return { bootstrap, version: kafka.version, startupMs: Date.now() - started, stop };
  } catch (error) {
    const tail = logTail(node);
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- last lines of the scratch node's log ---\n${tail}`);
  }
}
