// A broker that is alive but does not answer (SIGSTOP; out of heap looks the same from outside): it accepts
// connections and then says nothing. Broker 1 is first in the bootstrap list. Every route answers what the other
// brokers can answer (partial), or 503 KAFKA_UNAVAILABLE — never 500 — within the route deadline, and everything
// recovers by itself once the broker answers again.
import { Kafka, logLevel } from '@/server/kafka/kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrokerConfigs } from '@/app/api/v1/clusters/[clusterId]/brokers/[brokerId]/configs/route';
import { GET as getBrokers } from '@/app/api/v1/clusters/[clusterId]/brokers/route';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { GET as getOverview } from '@/app/api/v1/clusters/[clusterId]/overview/route';
import { GET as getMessages } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/messages/route';
import { GET as getTopic } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/route';
import { GET as getTopics } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { GET as getClusters } from '@/app/api/v1/clusters/route';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS } from '../support/auth';
import { kafkaTarget } from '../support/kafka-target';
import { callRoute } from '../support/routes';
import { everyBrokerUp, msUntil, report, signalBroker, watchReads, type Answer } from './support';

const target = kafkaTarget();
const SILENT = 1;
const topic = `fault-silent-${Date.now()}`;
const local = { clusterId: 'local' };
const token = TEST_TOKENS.admin;
// Rounds of every read for this long: ZooKeeper notices a silent broker when its session expires (18 s), KRaft
// fences it after 9 s; the last rounds come after that.
const WATCH_MS = target.mode === 'zookeeper' ? 30_000 : 25_000;

const READS = [
  { name: 'clusters', call: () => callRoute(getClusters, '/api/v1/clusters', {}, { token }) },
  { name: 'brokers', call: () => callRoute(getBrokers, '/api/v1/clusters/local/brokers', local, { token }) },
  { name: 'topics', call: () => callRoute(getTopics, '/api/v1/clusters/local/topics', local, { token }) },
  { name: 'topic', call: () => callRoute(getTopic, `/api/v1/clusters/local/topics/${topic}`, { ...local, topic }, { token }) },
  { name: 'overview', call: () => callRoute(getOverview, '/api/v1/clusters/local/overview', local, { token }) },
  { name: 'groups', call: () => callRoute(getGroups, '/api/v1/clusters/local/consumer-groups', local, { token }) },
  {
    name: 'messages',
    call: () => callRoute(getMessages, `/api/v1/clusters/local/topics/${topic}/messages?limit=5`, { ...local, topic }, { token }),
  },
  {
    name: 'broker 2 configs',
    call: () => callRoute(getBrokerConfigs, '/api/v1/clusters/local/brokers/2/configs', { ...local, brokerId: '2' }, { token }),
  },
];

describe(`a silent broker on ${target.label}`, () => {
  beforeAll(async () => {
    const kafka = new Kafka({ brokers: target.bootstrap, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: Array.from({ length: 30 }, (_, i) => ({ partition: i % 3, value: `record ${i}` })) });
    await producer.disconnect();
    await admin.disconnect();
    // The console's clients as a running console has them: connected, broker 1 the bootstrap connection.
    await closeAllConnections();
    // The run before this one (the degraded tests) stops broker 3 and starts it again: with it not yet back,
    // stopping broker 1 would leave one of three KRaft voters and nothing could answer.
    await msUntil('every broker up before broker 1 is stopped', 60_000, everyBrokerUp);
    for (const read of READS) expect((await read.call()).status, read.name).toBe(200);
  });

  afterAll(async () => {
    signalBroker(SILENT, 'SIGCONT');
    const kafka = new Kafka({ brokers: target.bootstrap, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await msUntil('the cluster answers again', 60_000, async () => {
      await admin.connect();
      // beforeAll may have failed before creating it.
      if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
      return true;
    });
    await admin.disconnect();
    await closeAllConnections();
    await closeDb();
  });

  it('answers partial or 503, never 500, within the deadline while broker 1 is stopped, and recovers when it resumes', async () => {
    signalBroker(SILENT, 'SIGSTOP');
    const stoppedAt = performance.now();
    let answers: Answer[] = [];
    try {
      answers = await watchReads(READS, WATCH_MS, stoppedAt);
    } finally {
      signalBroker(SILENT, 'SIGCONT');
    }
    // Once the silent broker is known, the others answer: the last round is served in full (brokers 2 and 3).
    const lastRound = answers.slice(-READS.length);
    for (const answer of lastRound) expect(answer.status, answer.name).toBe(200);
    const slowest = Math.max(...answers.map((a) => a.ms));
    const served = answers.filter((a) => a.status === 200).length;
    report(
      `silent broker: ${answers.length} answers in ${WATCH_MS / 1000} s, ${served} served (${answers.filter((a) => a.partial).length} partial), slowest ${Math.round(slowest)} ms, none 500`,
    );
    const perRead = READS.map(({ name }) => {
      const mine = answers.filter((a) => a.name === name);
      return `${name} ${Math.round(Math.max(...mine.map((a) => a.ms)))} ms (${mine.filter((a) => a.status === 503).length}× 503)`;
    });
    report(`silent broker: slowest per read: ${perRead.join(', ')}`);

    const recoveredMs = await msUntil('every broker up and nothing partial', 60_000, everyBrokerUp);
    report(`silent broker: recovered ${(recoveredMs / 1000).toFixed(1)} s after SIGCONT`);
    for (const read of READS) expect((await read.call()).status, read.name).toBe(200);
  });
});
