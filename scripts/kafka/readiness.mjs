// "Up" means: every broker registered, a probe topic with RF 3 (at most one per broker) fully in sync, and SCRAM
// logins accepted.
import net from 'node:net';
import { PROBE_TOPIC, SCRAM_USER, bootstrapServers } from './layout.mjs';
import { runningPid, sleep } from './processes.mjs';

const TIMEOUT_MS = Number.parseInt(process.env.KAFKA_UP_TIMEOUT_MS ?? '120000', 10);

function ruok(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.end('ruok'));
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('data', (d) => (reply += d));
    socket.on('close', () => resolve(reply === 'imok'));
    socket.on('error', () => resolve(false));
  });
}

export async function waitForZookeeper(layout) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await ruok(layout.zookeeper.port)) return;
    if (runningPid(layout.zookeeper) === null) break;
    await sleep(250);
  }
  throw new Error(`ZooKeeper did not answer on 127.0.0.1:${layout.zookeeper.port}`);
}

async function loadKafkajs() {
  try {
    return await import('kafkajs');
  } catch {
    throw new Error('kafkajs is not installed: run `npm install` first');
  }
}

export async function waitUntilReady(layout, nodes, { scram }) {
  const { Kafka, logLevel } = await loadKafkajs();
  const deadline = Date.now() + TIMEOUT_MS;
  const client = (brokers, sasl) =>
    new Kafka({
      clientId: 'dev-cluster-readiness',
      brokers,
      sasl,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      requestTimeout: 5000,
      retry: { retries: 0 },
    }).admin();
  const expectedIds = nodes.map((n) => n.id).sort();
  let last = 'no answer yet';

  const until = async (what, check, brokers = bootstrapServers(layout, expectedIds)) => {
    while (Date.now() < deadline) {
      const dead = nodes.find((n) => runningPid(n) === null);
      if (dead) throw new Error(`${dead.name} exited during start-up`);
      const admin = client(brokers);
      try {
        await admin.connect();
        const result = await check(admin);
        if (result === true) return;
        last = result;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      } finally {
        await admin.disconnect().catch(() => {});
      }
      await sleep(500);
    }
    throw new Error(`timed out after ${TIMEOUT_MS / 1000} s waiting for ${what} (last: ${last})`);
  };

  await until('all brokers to register', async (admin) => {
    const { brokers } = await admin.describeCluster();
    const ids = brokers.map((b) => b.nodeId).sort();
    return expectedIds.every((id) => ids.includes(id)) || `registered: ${ids.join(', ') || 'none'}`;
  });
  // Being listed is not enough: a killed KRaft broker stays registered (and unfenced) until its session expires
  // (broker.session.timeout.ms), while its restarted process is still starting; it opens its client listener once
  // it is unfenced. So each node must also answer on its own port.
  for (const node of nodes) {
    await until(
      `${node.name} to answer on its own listener`,
      async (admin) => (await admin.describeCluster()).brokers.some((b) => b.nodeId === node.id) || `${node.name} does not list itself yet`,
      [`127.0.0.1:${node.plaintextPort}`],
    );
  }
  // Three replicas, or one per broker on a smaller cluster (the dynamic-quorum one has a single broker).
  const replicas = Math.min(3, nodes.length);
  await until(`${PROBE_TOPIC} to have an ISR of ${replicas}`, async (admin) => {
    const topics = await admin.listTopics();
    if (!topics.includes(PROBE_TOPIC)) {
      await admin.createTopics({ topics: [{ topic: PROBE_TOPIC, numPartitions: 1, replicationFactor: replicas }] });
    }
    const {
      topics: [meta],
    } = await admin.fetchTopicMetadata({ topics: [PROBE_TOPIC] });
    const isr = meta?.partitions[0]?.isr ?? [];
    return isr.length === replicas || `ISR of ${PROBE_TOPIC}: [${isr.join(', ')}]`;
  });
  if (scram) {
    const saslBrokers = nodes.map((n) => `127.0.0.1:${n.saslPort}`);
    const sasl = { mechanism: 'scram-sha-512', ...SCRAM_USER };
    while (Date.now() < deadline) {
      const admin = client(saslBrokers, sasl);
      try {
        await admin.connect();
        await admin.describeCluster();
        return;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      } finally {
        await admin.disconnect().catch(() => {});
      }
      await sleep(500);
    }
    throw new Error(`timed out waiting for SCRAM-SHA-512 logins (last: ${last})`);
  }
}
