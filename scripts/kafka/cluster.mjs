// The dev cluster: `node scripts/kafka/cluster.mjs up|down|status|reset|add-broker|stop-broker <id>|start-broker <id>`
// (npm run kafka:*).
// Environment: KAFKA_VERSION (exact or 4 / 3.9), KAFKA_MODE (kraft | zookeeper), KAFKA_PORT_OFFSET, KAFKA_HEAP,
// KAFKA_QUORUM (static | dynamic: the KIP-853 cluster of dynamic-quorum.mjs, at port offset 3000 by default).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureJars, libsDir, loggingOptions } from './fetch.mjs';
import { formatOptions, waitForObserver } from './dynamic-quorum.mjs';
import { EXTRA_NODE_ID, SCRAM_USER, bootstrapServers, brokerProperties, clusterLayout, zookeeperProperties } from './layout.mjs';
import { writeLoggingConfig } from './logging.mjs';
import { assertPortsFree, logTail, runningPid, startJvm, stopProcess } from './processes.mjs';
import { waitForZookeeper, waitUntilReady } from './readiness.mjs';
import { resolveKafka } from './versions.mjs';

// A broker's controlled shutdown moves its leaderships first: seconds on a dev cluster, more on a busy machine.
const STOP_GRACE_MS = 30_000;

function readState(layout) {
  return existsSync(layout.stateFile) ? JSON.parse(readFileSync(layout.stateFile, 'utf8')) : {};
}

function writeState(layout, state) {
  mkdirSync(layout.dataDir, { recursive: true });
  writeFileSync(layout.stateFile, JSON.stringify(state, null, 2) + '\n');
}

function activeNodes(layout, state) {
  return layout.nodes.filter((n) => layout.baseNodeIds.includes(n.id) || (n.id === EXTRA_NODE_ID && state.extraBroker));
}

function writeConfigs(layout) {
  writeLoggingConfig(layout.configDir, { level: 'INFO', target: 'stdout' });
  for (const node of layout.nodes) writeFileSync(node.configFile, brokerProperties(layout, node));
  if (layout.zookeeper) writeFileSync(layout.zookeeper.configFile, zookeeperProperties(layout.zookeeper));
}

/** KRaft storage is formatted once per node with Kafka's own StorageTool; the SCRAM user is created here too. */
function formatKraftStorage(layout, state, node) {
  if (existsSync(path.join(node.dataDir, 'data', 'meta.properties'))) return;
  const { kafka } = layout;
  const args = [
    '-Xmx256m',
    '-XX:TieredStopAtLevel=1',
    ...loggingOptions(kafka, layout.configDir),
    '-cp',
    `${libsDir(kafka.version)}/*`,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    state.clusterId,
    '-c',
    node.configFile,
    '--ignore-formatted',
    ...formatOptions(layout, node),
    // The SCRAM user is a record of the bootstrap metadata: only a node that can start the quorum writes it.
    ...(node.controllerOnly ? [] : ['--add-scram', `SCRAM-SHA-512=[name=${SCRAM_USER.username},password=${SCRAM_USER.password}]`]),
  ];
  const result = spawnSync('java', args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`kafka-storage format failed for ${node.name}:\n${result.stdout}${result.stderr}`);
  }
}

/** ZooKeeper mode has no format step: the SCRAM user is created through the brokers, as kafka-configs does. */
function createZookeeperScramUser(layout) {
  const tool = path.join(ROOT, 'scripts/kafka/bin/kafka-configs');
  const result = spawnSync(
    tool,
    [
      '--bootstrap-server',
      bootstrapServers(layout)[0],
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      SCRAM_USER.username,
      '--add-config',
      `SCRAM-SHA-512=[password=${SCRAM_USER.password}]`,
    ],
    { encoding: 'utf8', env: { ...process.env, KAFKA_VERSION: layout.kafka.version } },
  );
  if (result.status !== 0) throw new Error(`kafka-configs could not create the SCRAM user:\n${result.stderr}`);
}

/**
 * A random cluster id as Kafka makes them (Uuid.randomUuid): 16 bytes in base64url, never starting with "-",
 * which kafka-storage's argument parser would take for an option.
 */
function newClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function up(layout) {
  ensureJars(layout.kafka);
  const started = Date.now();
  const state = readState(layout);
  if (state.offset !== undefined && state.offset !== layout.offset && activeNodes(layout, state).some(runningPid)) {
    throw new Error(`this cluster is running with KAFKA_PORT_OFFSET=${state.offset}; stop it first`);
  }
  state.clusterId ??= newClusterId();
  state.offset = layout.offset;
  writeState(layout, state);
  mkdirSync(layout.configDir, { recursive: true });
  writeConfigs(layout);

  const nodes = activeNodes(layout, state);
  let startedAny = false;
  if (layout.zookeeper && runningPid(layout.zookeeper) === null) {
    await assertPortsFree(layout.zookeeper, [layout.zookeeper.port]);
    startJvm(layout, layout.zookeeper, 'org.apache.zookeeper.server.quorum.QuorumPeerMain', { heap: '256m' });
    startedAny = true;
    await waitForZookeeper(layout);
  }
  for (const node of nodes) {
    if (runningPid(node) !== null) continue;
    await startNode(layout, state, node);
    startedAny = true;
  }
  await waitForNodes(layout, nodes, state);
  if (layout.kafka.mode === 'zookeeper' && !state.scramUser) {
    createZookeeperScramUser(layout);
    state.scramUser = true;
    writeState(layout, state);
    await waitForNodes(layout, nodes, state);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${describe(layout)} is ${startedAny ? `up after ${seconds} s` : 'already up'}: ${bootstrapServers(
      layout,
      nodes.filter((n) => !n.controllerOnly).map((n) => n.id),
    ).join(',')}`,
  );
}

async function startNode(layout, state, node) {
  const ports = node.controllerOnly
    ? [node.controllerPort]
    : [node.plaintextPort, node.saslPort, ...(node.combined ? [node.controllerPort] : [])];
  await assertPortsFree(node, ports);
  if (layout.kafka.mode === 'kraft') formatKraftStorage(layout, state, node);
  startJvm(layout, node, 'kafka.Kafka', { heap: layout.heap });
}

async function waitForNodes(layout, nodes, state) {
  try {
    // Controller-only nodes never register as brokers: readiness asks the quorum about them instead.
    const brokers = nodes.filter((n) => !n.controllerOnly);
    await waitUntilReady(layout, brokers, { scram: layout.kafka.mode === 'kraft' || state.scramUser });
    if (nodes.some((n) => n.controllerOnly)) await waitForObserver(layout, 60_000);
  } catch (error) {
    for (const proc of [...(layout.zookeeper ? [layout.zookeeper] : []), ...nodes]) {
      const status = runningPid(proc) === null ? 'NOT RUNNING' : 'running';
      console.error(`\n--- ${proc.name} (${status}), last lines of ${path.relative(ROOT, proc.logFile)} ---\n${logTail(proc)}`);
    }
    throw error;
  }
}

async function down(layout) {
  // Brokers first (controlled shutdown, in parallel), then ZooKeeper.
  const stopped = await Promise.all(layout.nodes.map((n) => stopProcess(n, STOP_GRACE_MS)));
  if (layout.zookeeper) stopped.push(await stopProcess(layout.zookeeper, 10_000));
  console.log(stopped.some(Boolean) ? `${describe(layout)} stopped` : `${describe(layout)} was not running`);
  // A plain `npm run kafka:down` also stops the dynamic-quorum cluster of the same version (started by
  // `npm run kafka:up:quorum`), leaving nothing of the dev clusters running. Clusters at an explicit
  // KAFKA_PORT_OFFSET (as the test runners start them) are stopped one by one.
  if (layout.quorum === 'static' && layout.kafka.mode === 'kraft' && process.env.KAFKA_PORT_OFFSET === undefined) {
    const dynamic = clusterLayout(layout.kafka, { ...process.env, KAFKA_QUORUM: 'dynamic' });
    if (dynamic.nodes.some((n) => runningPid(n) !== null)) await down(dynamic);
  }
}

function status(layout) {
  const state = readState(layout);
  const procs = [...(layout.zookeeper ? [layout.zookeeper] : []), ...activeNodes(layout, state)];
  let running = 0;
  console.log(describe(layout));
  for (const proc of procs) {
    const pid = runningPid(proc);
    if (pid !== null) running += 1;
    const ports = proc.port
      ? `zookeeper 127.0.0.1:${proc.port}`
      : proc.controllerOnly
        ? `controller 127.0.0.1:${proc.controllerPort} (controller only)`
        : `plaintext 127.0.0.1:${proc.plaintextPort}  scram 127.0.0.1:${proc.saslPort}` +
          (proc.combined ? `  controller 127.0.0.1:${proc.controllerPort}` : '') +
          `  ${proc.rack}`;
    const shown = pid === null ? 'stopped' : `running (pid ${pid})`;
    console.log(`  ${proc.name.padEnd(10)} ${shown.padEnd(20)} ${ports}`);
  }
  // LSB convention: 0 = running, 3 = not (fully) running.
  process.exitCode = running === procs.length ? 0 : 3;
}

async function reset(layout) {
  await down(layout);
  rmSync(layout.dataDir, { recursive: true, force: true });
  console.log(`removed ${path.relative(ROOT, layout.dataDir)}`);
}

async function addBroker(layout) {
  const state = readState(layout);
  if (layout.quorum === 'dynamic') throw new Error('add-broker is for the static-quorum cluster');
  if (!layout.baseNodeIds.every((id) => runningPid(layout.nodes.find((n) => n.id === id)) !== null)) {
    throw new Error('the cluster is not up; run `npm run kafka:up` first');
  }
  state.extraBroker = true;
  writeState(layout, state);
  await up(layout);
}

/** The broker named on the command line, which must be one of this cluster's active nodes. */
function brokerArgument(layout, state) {
  const id = Number(process.argv[3]);
  const node = activeNodes(layout, state).find((n) => n.id === id);
  if (!node) {
    const ids = activeNodes(layout, state)
      .map((n) => n.id)
      .join(', ');
    throw new Error(`usage: cluster.mjs ${process.argv[2]} <broker id: ${ids}>`);
  }
  return node;
}

/**
 * Stops one broker as an operator would (SIGTERM: controlled shutdown moves its leaderships away first), killing
 * it if it has not exited after STOP_GRACE_MS. It stays stopped until `start-broker` or `up`. In KRaft mode nodes
 * 1-3 are also the controller quorum: stopping one leaves 2 of 3 voters, still a majority.
 */
async function stopBroker(layout) {
  const state = readState(layout);
  const node = brokerArgument(layout, state);
  const started = Date.now();
  const stopped = await stopProcess(node, STOP_GRACE_MS);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(stopped ? `${node.name} of ${describe(layout)} stopped after ${seconds} s` : `${node.name} was not running`);
}

/** Starts one stopped broker again and waits until the whole cluster is ready (registered, probe topic in sync). */
async function startBroker(layout) {
  const state = readState(layout);
  const node = brokerArgument(layout, state);
  if (layout.zookeeper && runningPid(layout.zookeeper) === null) throw new Error('ZooKeeper is not running; run `npm run kafka:up`');
  const started = Date.now();
  const startedHere = runningPid(node) === null;
  if (startedHere) await startNode(layout, state, node);
  await waitForNodes(layout, activeNodes(layout, state), state);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(startedHere ? `${node.name} of ${describe(layout)} is up after ${seconds} s` : `${node.name} is already up`);
}

function describe({ kafka, offset, quorum }) {
  const kind = quorum === 'dynamic' ? `${kafka.mode}, dynamic quorum` : kafka.mode;
  return `Kafka ${kafka.version} (${kind}${offset ? `, port offset ${offset}` : ''})`;
}

const commands = { up, down, status, reset, 'add-broker': addBroker, 'stop-broker': stopBroker, 'start-broker': startBroker };
const command = commands[process.argv[2]];
if (!command) {
  console.error(`usage: cluster.mjs ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
try {
  await command(clusterLayout(resolveKafka()));
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
