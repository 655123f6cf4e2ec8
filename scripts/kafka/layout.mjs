// The dev cluster's shape: nodes, ports, data directories and the server.properties of each node.
//
// Ports (plus KAFKA_PORT_OFFSET, default 0):
//   PLAINTEXT 9092+i (clients, inter-broker), SASL_PLAINTEXT/SCRAM-SHA-512 9192+i,
//   CONTROLLER 9292+i (KRaft only), ZooKeeper 2181 (ZooKeeper mode only);  i = node id - 1.
// KRaft: nodes 1-3 run combined (broker + controller, a 3-voter quorum), node 4 (add-broker) is broker-only.
// KAFKA_QUORUM=dynamic: a KIP-853 dynamic quorum instead (scripts/kafka/dynamic-quorum.mjs): node 1 combined and the
// only voter, controller-only node 5 an observer that can be added as a voter; port offset 3000 unless set.
import path from 'node:path';
import { DYNAMIC_QUORUM, dynamicQuorumProperties, quorumKind } from './dynamic-quorum.mjs';
import { ROOT } from './fetch.mjs';

export const SCRAM_USER = { username: 'console', password: 'console-secret' };
export const PROBE_TOPIC = '__dev_probe';
export const BASE_NODE_IDS = [1, 2, 3];
export const EXTRA_NODE_ID = 4;
const RACKS = { 1: 'rack-a', 2: 'rack-b', 3: 'rack-c', 4: 'rack-a' };

export function clusterLayout(kafka, env = process.env) {
  const quorum = quorumKind(kafka, env);
  const dynamic = quorum === 'dynamic';
  const offset = Number.parseInt(env.KAFKA_PORT_OFFSET ?? (dynamic ? String(DYNAMIC_QUORUM.defaultOffset) : '0'), 10);
  if (!Number.isInteger(offset) || offset < 0 || offset > 50000) {
    throw new Error(`KAFKA_PORT_OFFSET must be a whole number from 0 to 50000, got ${env.KAFKA_PORT_OFFSET}`);
  }
  // The dynamic-quorum cluster runs beside the shared ones on a 2-core machine: small heaps.
  const heap = env.KAFKA_HEAP?.trim() || (dynamic ? DYNAMIC_QUORUM.heap : '512m');
  if (!/^\d+[mMgG]$/.test(heap)) throw new Error(`KAFKA_HEAP must look like 512m or 1g, got ${heap}`);
  // Clusters at different port offsets are different clusters: they must not share data or pid files.
  const dataDir = path.join(
    ROOT,
    '.data',
    'kafka',
    `${kafka.version}-${kafka.mode}${dynamic ? '-dynamic' : ''}${offset ? `-offset${offset}` : ''}`,
  );
  const baseNodeIds = dynamic ? DYNAMIC_QUORUM.nodeIds : BASE_NODE_IDS;
  const node = (id) => ({
    id,
    name: `broker-${id}`,
    rack: RACKS[id],
    plaintextPort: 9091 + id + offset,
    saslPort: 9191 + id + offset,
    controllerPort: 9291 + id + offset,
    dataDir: path.join(dataDir, `broker-${id}`),
    configFile: path.join(dataDir, 'config', `broker-${id}.properties`),
    logFile: path.join(dataDir, 'logs', `broker-${id}.log`),
    pidFile: path.join(dataDir, 'run', `broker-${id}.pid`),
    combined: kafka.mode === 'kraft' && (dynamic ? id === DYNAMIC_QUORUM.standaloneId : BASE_NODE_IDS.includes(id)),
    /** process.roles=controller: no broker listeners, never registered as a broker. */
    controllerOnly: dynamic && id === DYNAMIC_QUORUM.observerId,
  });
  return {
    kafka,
    quorum,
    offset,
    heap,
    /** The nodes `up` starts (node 4 joins the static cluster through add-broker). */
    baseNodeIds,
    /** Nodes that are brokers among them: the bootstrap list, and what readiness waits for. */
    brokerIds: dynamic ? [DYNAMIC_QUORUM.standaloneId] : BASE_NODE_IDS,
    dataDir,
    configDir: path.join(dataDir, 'config'),
    stateFile: path.join(dataDir, 'state.json'),
    nodes: (dynamic ? baseNodeIds : [...BASE_NODE_IDS, EXTRA_NODE_ID]).map(node),
    zookeeper:
      kafka.mode === 'zookeeper'
        ? {
            name: 'zookeeper',
            port: 2181 + offset,
            dataDir: path.join(dataDir, 'zookeeper'),
            configFile: path.join(dataDir, 'config', 'zookeeper.properties'),
            logFile: path.join(dataDir, 'logs', 'zookeeper.log'),
            pidFile: path.join(dataDir, 'run', 'zookeeper.pid'),
          }
        : null,
  };
}

export function bootstrapServers(layout, nodeIds = layout.brokerIds) {
  return layout.nodes.filter((n) => nodeIds.includes(n.id)).map((n) => `127.0.0.1:${n.plaintextPort}`);
}

const CLUSTER_DEFAULTS = {
  'num.partitions': 2,
  'default.replication.factor': 2,
  'min.insync.replicas': 1,
  'auto.create.topics.enable': false,
  'offsets.topic.replication.factor': 3,
  'transaction.state.log.replication.factor': 3,
  'transaction.state.log.min.isr': 2,
  // A dev cluster: rebalances should not wait for more members to show up.
  'group.initial.rebalance.delay.ms': 0,
  'log.segment.bytes': 64 * 1024 * 1024,
  'num.network.threads': 2,
  'num.io.threads': 4,
  'delete.topic.enable': true,
};

export function brokerProperties(layout, node) {
  if (layout.quorum === 'dynamic') return toProperties(dynamicQuorumProperties(layout, node, CLUSTER_DEFAULTS));
  const { kafka, nodes, zookeeper } = layout;
  const listeners = [`PLAINTEXT://127.0.0.1:${node.plaintextPort}`, `SASL_PLAINTEXT://127.0.0.1:${node.saslPort}`];
  const props = {
    'broker.rack': node.rack,
    'log.dirs': path.join(node.dataDir, 'data'),
    'advertised.listeners': listeners.join(','),
    'inter.broker.listener.name': 'PLAINTEXT',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    ...CLUSTER_DEFAULTS,
  };
  if (kafka.mode === 'kraft') {
    const voters = nodes.filter((n) => n.combined).map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`);
    Object.assign(props, {
      'process.roles': node.combined ? 'broker,controller' : 'broker',
      'node.id': node.id,
      listeners: [...listeners, ...(node.combined ? [`CONTROLLER://127.0.0.1:${node.controllerPort}`] : [])].join(','),
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
      'controller.listener.names': 'CONTROLLER',
      'controller.quorum.voters': voters.join(','),
    });
  } else {
    Object.assign(props, {
      'broker.id': node.id,
      listeners: listeners.join(','),
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
      'zookeeper.connect': `127.0.0.1:${zookeeper.port}/kafka`,
      'zookeeper.connection.timeout.ms': 18000,
    });
  }
  return toProperties(props);
}

export function zookeeperProperties(zookeeper) {
  return toProperties({
    dataDir: zookeeper.dataDir,
    clientPort: zookeeper.port,
    clientPortAddress: '127.0.0.1',
    maxClientCnxns: 0,
    'admin.enableServer': false,
    '4lw.commands.whitelist': 'ruok,srvr,stat',
  });
}

function toProperties(props) {
  return (
    Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n'
  );
}
