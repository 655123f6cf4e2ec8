// The active KRaft controller silent (SIGSTOP): a broker holds the requests it forwards to the controller
// (DescribeQuorum among them) until a new one is elected or its 30 s forwarding timeout, and answers nothing else on
// that connection meanwhile. The pages must not wait with it: every read answers within the deadline, the lists
// are served again once the quorum has a new leader, and the overview names the leader Kafka's own tool names. A
// topic created meanwhile (CreateTopics is forwarded too) holds its own connection, not the pages'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrokers } from '@/app/api/v1/clusters/[clusterId]/brokers/route';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { GET as getOverview } from '@/app/api/v1/clusters/[clusterId]/overview/route';
import { GET as getTopics, POST as createTopicRoute } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { GET as getClusters } from '@/app/api/v1/clusters/route';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TOPIC_WRITE_DEADLINE_MS } from '@/server/topics/topic-guard';
import { TEST_TOKENS } from '../support/auth';
import { kafkaCli, parseQuorumStatus } from '../support/cli';
import { kafkaTarget } from '../support/kafka-target';
import { callRoute } from '../support/routes';
import { BROKER_IDS, everyBrokerUp, msUntil, report, signalBroker, timed, watchReads, type Answer } from './support';

const target = kafkaTarget();
const local = { clusterId: 'local' };
const token = TEST_TOKENS.admin;
// A new quorum leader takes a few seconds (controller.quorum.fetch.timeout.ms is 2 s); the silent node's broker is
// fenced after 9 s. The last rounds come after both.
const WATCH_MS = 20_000;
const createdTopic = `fault.silent-controller.${Date.now()}`;

const READS = [
  { name: 'clusters', call: () => callRoute(getClusters, '/api/v1/clusters', {}, { token }) },
  { name: 'brokers', call: () => callRoute(getBrokers, '/api/v1/clusters/local/brokers', local, { token }) },
  { name: 'topics', call: () => callRoute(getTopics, '/api/v1/clusters/local/topics', local, { token }) },
  { name: 'overview', call: () => callRoute(getOverview, '/api/v1/clusters/local/overview', local, { token }) },
  { name: 'groups', call: () => callRoute(getGroups, '/api/v1/clusters/local/consumer-groups', local, { token }) },
];

/** The quorum leader as `kafka-metadata-quorum describe --status` prints it, asked of one broker. */
function cliQuorumLeader(brokerId: number): number {
  const address = target.bootstrap[brokerId - 1]!;
  const output = kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', address, 'describe', '--status'], { timeoutMs: 10_000 });
  return parseQuorumStatus(output).leaderId;
}

let silent = 0;

describe.skipIf(target.mode !== 'kraft')(`a silent active controller on ${target.label}`, () => {
  beforeAll(async () => {
    await closeAllConnections();
    await msUntil('every broker up before the controller is stopped', 60_000, everyBrokerUp);
    silent = cliQuorumLeader(1);
    expect(BROKER_IDS).toContain(silent);
  });

  afterAll(async () => {
    if (silent) signalBroker(silent, 'SIGCONT');
    await msUntil('every broker up again', 60_000, everyBrokerUp).catch(() => {});
    const topics = kafkaCli('kafka-topics', ['--bootstrap-server', target.bootstrap.join(','), '--list'], { timeoutMs: 30_000 });
    if (topics.split('\n').includes(createdTopic))
      kafkaCli('kafka-topics', ['--bootstrap-server', target.bootstrap.join(','), '--delete', '--topic', createdTopic], {
        timeoutMs: 30_000,
      });
    await closeAllConnections();
    await closeDb();
  });

  it('answers within the deadline, serves the lists once the node is fenced, and names the new leader as kafka-metadata-quorum does', async () => {
    signalBroker(silent, 'SIGSTOP');
    const stoppedAt = performance.now();
    let answers: Answer[] = [];
    try {
      const creation = timed(() =>
        callRoute(createTopicRoute, '/api/v1/clusters/local/topics', local, {
          token,
          init: {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: createdTopic, partitions: 1, replicationFactor: 2 }),
          },
        }),
      );
      answers = await watchReads(READS, WATCH_MS, stoppedAt);
      const created = await creation;
      report(`silent controller: a topic creation sent at the stop answered ${created.value.status} in ${Math.round(created.ms)} ms`);
      expect([201, 503], created.value.text.slice(0, 300)).toContain(created.value.status);
      expect(created.ms).toBeLessThan(TOPIC_WRITE_DEADLINE_MS + 1_000);
      const lastRound = answers.slice(-READS.length);
      for (const answer of lastRound) expect(answer.status, `${answer.name}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200);

      const brokers = lastRound.find((a) => a.name === 'brokers')!.body as { controllerId: number | null };
      expect(brokers.controllerId).not.toBe(silent);

      // Kafka's tool, asked of a live broker, names the new leader once that broker's forwarding has moved on from
      // the silent node (its own admin client may first ask the silent node too: 11–43 s here); then the overview
      // names the same one.
      const live = BROKER_IDS.find((id) => id !== silent)!;
      let leader = 0;
      const toolMs = await msUntil('kafka-metadata-quorum answers', 90_000, async () => {
        leader = cliQuorumLeader(live);
        return true;
      });
      expect(leader).not.toBe(silent);
      const overviewMs = await msUntil('the overview names the leader', 30_000, async () => {
        const { body } = await READS.find((r) => r.name === 'overview')!.call();
        return (body as { controllerId: number | null }).controllerId === leader;
      });
      report(
        `silent controller: kafka-metadata-quorum named node ${leader} ${(toolMs / 1000).toFixed(1)} s after the watch, the overview ${(overviewMs / 1000).toFixed(1)} s later`,
      );
    } finally {
      signalBroker(silent, 'SIGCONT');
    }
    const served = answers.filter((a) => a.status === 200).length;
    const slowest = Math.max(...answers.map((a) => a.ms));
    report(
      `silent controller (node ${silent}): ${answers.length} answers in ${WATCH_MS / 1000} s, ${served} served, slowest ${Math.round(slowest)} ms`,
    );
    const recoveredMs = await msUntil('every broker up and nothing partial', 60_000, everyBrokerUp);
    report(`silent controller: recovered ${(recoveredMs / 1000).toFixed(1)} s after SIGCONT`);
  });
});
