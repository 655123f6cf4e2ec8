// The dynamic-quorum dev cluster (KIP-853, kraft.version 1): `KAFKA_QUORUM=dynamic npm run kafka:up`.
//
// Node 1 is broker + controller and is formatted `--standalone`: the quorum starts with it as the only voter,
// which makes Kafka finalize kraft.version 1. Node 5 is controller-only (process.roles=controller), formatted
// `--no-initial-controllers`: it starts as an observer of the metadata log, the state
// `kafka-metadata-quorum add-controller` requires of a controller before it can become a voter. Both find the quorum
// through controller.quorum.bootstrap.servers, never a fixed controller.quorum.voters list.
//
// Two JVMs with small heaps at port offset 3000 (node 1: 12092 plaintext, 12192 SCRAM, 12292 controller; node 5:
// 12296 controller), beside the static-quorum clusters at offsets 0 and 1000.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fetch.mjs';
import { sleep } from './processes.mjs';

export const DYNAMIC_QUORUM = {
  defaultOffset: 3000,
  heap: '256m',
  standaloneId: 1,
  observerId: 5,
  nodeIds: [1, 5],
};

/** KAFKA_QUORUM: `static` (default, controller.quorum.voters) or `dynamic`; dynamic needs KRaft. */
export function quorumKind(kafka, env) {
  const quorum = env.KAFKA_QUORUM?.trim() || 'static';
  if (quorum !== 'static' && quorum !== 'dynamic') throw new Error(`KAFKA_QUORUM must be static or dynamic, got ${quorum}`);
  if (quorum === 'dynamic' && kafka.mode !== 'kraft') throw new Error('KAFKA_QUORUM=dynamic needs KAFKA_MODE=kraft');
  return quorum;
}

/** kafka-storage format's quorum options for this node: how the dynamic quorum gets its one first voter. */
export function formatOptions(layout, node) {
  if (layout.quorum !== 'dynamic') return [];
  return node.id === DYNAMIC_QUORUM.standaloneId ? ['--standalone'] : ['--no-initial-controllers'];
}

const controllerEndpoint = (node) => `CONTROLLER://127.0.0.1:${node.controllerPort}`;

/** server.properties of a dynamic-quorum node; `defaults` are the static cluster's, with replication cut to its one broker. */
export function dynamicQuorumProperties(layout, node, defaults) {
  const standalone = layout.nodes.find((n) => n.id === DYNAMIC_QUORUM.standaloneId);
  const quorum = {
    'node.id': node.id,
    'log.dirs': path.join(node.dataDir, 'data'),
    'controller.listener.names': 'CONTROLLER',
    // Only the first voter's address: every other node learns the voter set from the metadata log itself.
    'controller.quorum.bootstrap.servers': `127.0.0.1:${standalone.controllerPort}`,
    // Node 5 must stay an observer until someone adds it (Kafka 4.x can otherwise join by itself).
    'controller.quorum.auto.join.enable': false,
  };
  if (node.controllerOnly) {
    return {
      ...quorum,
      'process.roles': 'controller',
      listeners: controllerEndpoint(node),
      // A voter's endpoints are what it advertises: they are what AddRaftVoter and DescribeQuorum carry.
      'advertised.listeners': controllerEndpoint(node),
      'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT',
    };
  }
  const clients = [`PLAINTEXT://127.0.0.1:${node.plaintextPort}`, `SASL_PLAINTEXT://127.0.0.1:${node.saslPort}`];
  return {
    ...quorum,
    'process.roles': 'broker,controller',
    'broker.rack': node.rack,
    listeners: [...clients, controllerEndpoint(node)].join(','),
    'advertised.listeners': [...clients, controllerEndpoint(node)].join(','),
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    ...defaults,
    'default.replication.factor': 1,
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
  };
}

/**
 * Waits until the controller-only node is listed as an observer by `kafka-metadata-quorum describe --replication`
 * (it fetches the metadata log from the leader): until then it could not be added as a voter.
 */
export async function waitForObserver(layout, timeoutMs) {
  const tool = path.join(ROOT, 'scripts/kafka/bin/kafka-metadata-quorum');
  const bootstrap = `127.0.0.1:${layout.nodes.find((n) => n.id === DYNAMIC_QUORUM.standaloneId).plaintextPort}`;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const result = spawnSync(tool, ['--bootstrap-server', bootstrap, 'describe', '--replication'], {
      encoding: 'utf8',
      env: { ...process.env, KAFKA_VERSION: layout.kafka.version },
    });
    last = `${result.stdout}${result.stderr}`.trim();
    const row = last.split('\n').find((line) => line.trim().startsWith(`${DYNAMIC_QUORUM.observerId} `));
    if (row && /\b(Observer|Voter)\b/.test(row)) return;
    await sleep(1000);
  }
  throw new Error(`node ${DYNAMIC_QUORUM.observerId} did not show up in the quorum as an observer:\n${last}`);
}
