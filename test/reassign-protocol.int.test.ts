import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { onController, onControllerWithRetry } from '@/server/kafka/controller';
import {
  alterPartitionReassignments,
  alterPartitionReassignmentsApi,
  type AlterPartitionReassignmentsInput,
} from '@/server/protocol/alter-partition-reassignments';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { ELECTION_TYPES, electLeaders, electLeadersApi, type ElectLeadersInput } from '@/server/protocol/elect-leaders';
import { listPartitionReassignments, listPartitionReassignmentsApi } from '@/server/protocol/list-partition-reassignments';
import { pickVersion, UnsupportedApiError } from '@/server/protocol/request';
import { kafkaCli, parseTopicsDescribe } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { produceRecords } from './support/records-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-reassign-proto-${Date.now()}`;
const BROKER_THROTTLES = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'];
const TOPIC_THROTTLES = ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'];
const { ELECTION_NOT_NEEDED, NO_REASSIGNMENT_IN_PROGRESS, NOT_CONTROLLER } = KafkaErrorCode;
const zk = target.mode === 'zookeeper';
// A ZooKeeper controller answers success with an empty top-level message, KRaft with null.
const OK_MESSAGE = zk ? '' : null;
// Partition p's replicas; the first one is the preferred leader (and leads after creation).
const LAYOUT = [
  [1, 2],
  [2, 3],
  [3, 1],
  [1, 2],
  [2, 3],
  [3, 1],
];

const run = <T>(work: (connection: KafkaConnection) => Promise<T>) => withKafka('local', work, { deadlineMs: 30_000 });
const describeTopic = () =>
  parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic]));
const configs = (args: string[]) => kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, ...args]);

// Each request on the controller (ZooKeeper refuses it elsewhere), once more with fresh metadata if refused as a whole.
const alter = (input: AlterPartitionReassignmentsInput) =>
  run((c) => onControllerWithRetry(c, async (b) => [await alterPartitionReassignments(b, input)])).then(([result]) => result!);
const move = (partitions: { partition: number; replicas: number[] | null }[], extra: Partial<AlterPartitionReassignmentsInput> = {}) =>
  alter({ timeoutMs: 15_000, topics: [{ name: topic, partitions }], ...extra });
const list = (topics: { name: string; partitions: number[] }[] | null = [{ name: topic, partitions: [0, 1, 2, 3, 4, 5] }]) =>
  run((c) => onControllerWithRetry(c, async (b) => [await listPartitionReassignments(b, { timeoutMs: 15_000, topics })])).then(
    ([result]) => result!,
  );
const elect = (partitions: number[], electionType: number = ELECTION_TYPES.PREFERRED) => {
  const input: ElectLeadersInput = { electionType, topicPartitions: [{ topic, partitions }], timeoutMs: 15_000 };
  return run((c) => onControllerWithRetry(c, async (b) => [await electLeaders(b, input)])).then(([result]) => result!);
};

const ok = (partitions: { partition: number; errorCode: number; errorMessage: string | null }[]) => ({
  errorCode: 0,
  errorMessage: OK_MESSAGE,
  topics: [{ name: topic, partitions }],
});

/** `kafka-reassign-partitions --list` lines of this topic: `T-0: replicas: 3,2,1. adding: 3. removing: 1.` */
function cliList() {
  const out = kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, '--list']);
  const ids = (list: string) => (list ? list.split(',').map(Number) : []);
  return [...out.matchAll(/^(.+)-(\d+): replicas: ([\d,]*)\. adding: ([\d,]*)\. removing: ([\d,]*)\.$/gm)]
    .filter((m) => m[1] === topic)
    .map((m) => ({ partition: Number(m[2]), replicas: ids(m[3]!), addingReplicas: ids(m[4]!), removingReplicas: ids(m[5]!) }));
}

/** kafka-reassign-partitions --verify on a reassignment JSON of `partitions` (never clearing any throttle). */
function verify(partitions: Record<number, number[]>) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'reassign-')), 'plan.json');
  const entries = Object.entries(partitions).map(([p, replicas]) => ({ topic, partition: Number(p), replicas }));
  writeFileSync(file, JSON.stringify({ version: 1, partitions: entries }));
  return kafkaCli('kafka-reassign-partitions', [
    '--bootstrap-server',
    bootstrap,
    '--verify',
    '--preserve-throttles',
    '--reassignment-json-file',
    file,
  ]);
}

async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, { attempts = 40, pauseMs = 500 } = {}): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt < attempts && !done(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    value = await read();
  }
  return value;
}

/** Removes every throttle key this file sets; kafka-configs refuses to delete an unset key, so one by one on failure. */
function removeThrottles() {
  const remove = (entity: string[], keys: string[]) => {
    try {
      configs([...entity, '--alter', '--delete-config', keys.join(',')]);
    } catch {
      for (const key of keys) {
        try {
          configs([...entity, '--alter', '--delete-config', key]);
        } catch {
          /* not set (or no topic) */
        }
      }
    }
  };
  remove(['--entity-type', 'brokers', '--entity-default'], BROKER_THROTTLES);
  remove(['--entity-type', 'topics', '--entity-name', topic], TOPIC_THROTTLES);
}

describe(`reassignment protocol requests on ${target.label}`, () => {
  beforeAll(() => {
    const assignment = LAYOUT.map((replicas) => replicas.join(':')).join(',');
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--create', '--topic', topic, '--replica-assignment', assignment]);
    // ~2 MB a partition, twice a follower fetch's 1 MB: after the first fetch a throttled replica cannot catch up,
    // however fast the machine (with 200 KB one fetch copied it all and the move could end before the CLI listed it).
    produceRecords(topic, 60_000);
  });
  afterAll(async () => {
    try {
      // A move left running by a failed test would hold up the topic's deletion on ZooKeeper clusters.
      await move(LAYOUT.map((_, partition) => ({ partition, replicas: null }))).catch(() => {});
      removeThrottles();
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    } finally {
      // In the same hook: the cleanup above needs the connections this closes.
      await closeAllConnections();
    }
  });

  it('negotiates ElectLeaders v2, AlterPartitionReassignments v1 (4.x) or v0 (3.9), ListPartitionReassignments v0', async () => {
    const versions = await run((c) => onAnyBroker(c, async (broker) => broker.versions));
    expect([43, 45, 46].map((key) => versions?.[key])).toEqual([
      { minVersion: 0, maxVersion: 2 },
      { minVersion: 0, maxVersion: zk ? 0 : 1 },
      { minVersion: 0, maxVersion: 0 },
    ]);
    const picked = [electLeadersApi, alterPartitionReassignmentsApi, listPartitionReassignmentsApi].map((api) =>
      pickVersion(api, versions),
    );
    expect(picked).toEqual([2, zk ? 0 : 1, 0]);
  });

  it('a throttled move is listed with adding and removing replicas until cancelled by null replicas', async () => {
    expect(describeTopic().map((p) => p.replicas)).toEqual(LAYOUT);
    try {
      // 1 byte/s on the topic's replicas: the new replica cannot catch up, so the move stays in progress.
      configs(['--entity-type', 'brokers', '--entity-default', '--alter', '--add-config', BROKER_THROTTLES.map((k) => `${k}=1`).join(',')]);
      configs([
        '--entity-type',
        'topics',
        '--entity-name',
        topic,
        '--alter',
        '--add-config',
        TOPIC_THROTTLES.map((k) => `${k}=*`).join(','),
      ]);

      expect(await move([{ partition: 0, replicas: [3, 2] }])).toEqual(ok([{ partition: 0, errorCode: 0, errorMessage: null }]));
      // While moving, the replica set is the target followed by the replicas to remove.
      const ongoing = [{ partition: 0, replicas: [3, 2, 1], addingReplicas: [3], removingReplicas: [1] }];
      expect(await list()).toEqual({ errorCode: 0, errorMessage: OK_MESSAGE, topics: [{ name: topic, partitions: ongoing }] });
      expect(cliList()).toEqual(ongoing);
      const everything = await list(null);
      expect(everything.topics.find((t) => t.name === topic)?.partitions).toEqual(ongoing);
      expect(verify({ 0: [3, 2] })).toContain(`Reassignment of partition ${topic}-0 is still in progress.`);
      // kafka-topics asks any broker, whose metadata may trail the controller's by a moment on a loaded machine.
      const moving = await until(describeTopic, (parts) => parts[0]!.replicas.length === 3);
      expect(moving[0]).toMatchObject({ leader: 1, replicas: [3, 2, 1], isr: [1, 2] });

      expect(await move([{ partition: 0, replicas: null }])).toEqual(ok([{ partition: 0, errorCode: 0, errorMessage: null }]));
      const after = await until(describeTopic, (parts) => parts[0]!.replicas.length === 2);
      // The replica set is back, but not its order: both controllers keep "replicas minus adding" ([3,2,1] - [3]),
      // so broker 2 is now the preferred leader (1 still leads). Restoring the order is another reassignment.
      expect(after[0]).toMatchObject({ leader: 1, replicas: [2, 1] });
      expect(await list()).toEqual({ errorCode: 0, errorMessage: OK_MESSAGE, topics: [] });
      expect(cliList()).toEqual([]);

      const again = await move([{ partition: 0, replicas: null }]);
      expect(again.topics[0]!.partitions).toEqual([
        { partition: 0, errorCode: NO_REASSIGNMENT_IN_PROGRESS, errorMessage: zk ? 'No partition reassignment is in progress.' : null },
      ]);
    } finally {
      removeThrottles();
    }
    expect(configs(['--entity-type', 'brokers', '--entity-default', '--describe'])).not.toMatch(/replication\.throttled/);
    expect(configs(['--entity-type', 'topics', '--entity-name', topic, '--describe'])).not.toMatch(/replication\.throttled/);

    // Same brokers in another order: nothing to copy, done at once.
    expect((await move([{ partition: 0, replicas: [1, 2] }])).topics[0]!.partitions[0]!.errorCode).toBe(0);
    expect((await until(describeTopic, (parts) => parts[0]!.replicas.join() === '1,2'))[0]!.replicas).toEqual([1, 2]);
  }, 180_000); // some fifteen runs of Kafka's tools, a JVM start each

  it('a move that completes leaves the new replicas in the given order (kafka-topics --describe)', async () => {
    expect(await move([{ partition: 1, replicas: [3, 1] }])).toEqual(ok([{ partition: 1, errorCode: 0, errorMessage: null }]));
    const parts = await until(describeTopic, (parts) => parts[1]!.replicas.join() === '3,1' && parts[1]!.isr.length === 2);
    expect(parts[1]).toMatchObject({ replicas: [3, 1] });
    expect(await until(list, (l) => l.topics.length === 0)).toEqual({ errorCode: 0, errorMessage: OK_MESSAGE, topics: [] });
    expect(verify({ 1: [3, 1] })).toContain(`Reassignment of partition ${topic}-1 is completed.`);
  });

  it('invalid moves answer per-partition errors and change nothing', async () => {
    const before = describeTopic();
    const answer = await alter({
      timeoutMs: 15_000,
      topics: [
        {
          name: topic,
          partitions: [
            { partition: 3, replicas: [1, 99] },
            { partition: 4, replicas: [1, 1] },
            { partition: 5, replicas: [] },
            { partition: 42, replicas: [1, 2] },
          ],
        },
        { name: `${topic}-none`, partitions: [{ partition: 0, replicas: [1, 2] }] },
      ],
    });
    expect(answer).toMatchObject({ errorCode: 0, errorMessage: OK_MESSAGE });
    const [ours, none] = [topic, `${topic}-none`].map((name) =>
      answer.topics.find((t) => t.name === name)!.partitions.sort((a, b) => a.partition - b.partition),
    );
    const INVALID_REPLICA_ASSIGNMENT = 39;
    const UNKNOWN_TOPIC_OR_PARTITION = 3;
    expect(ours!.map((p) => p.errorCode)).toEqual([
      INVALID_REPLICA_ASSIGNMENT,
      INVALID_REPLICA_ASSIGNMENT,
      INVALID_REPLICA_ASSIGNMENT,
      UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    expect(none!.map((p) => p.errorCode)).toEqual([UNKNOWN_TOPIC_OR_PARTITION]);
    const messages = [...ours!, ...none!].map((p) => p.errorMessage);
    if (zk) {
      expect(messages[0]).toMatch(
        /^Replica assignment has brokers that are not alive\. Replica list: ArrayBuffer\(99\), live broker list: Set\(1, 2, 3/,
      );
      expect(messages.slice(1)).toEqual([
        'Duplicate replica ids in partition reassignment replica list: ArrayBuffer(1, 1)',
        'Empty replica list specified in partition reassignment.',
        'The partition does not exist.',
        'The partition does not exist.',
      ]);
    } else {
      expect(messages).toEqual([
        'The manual partition assignment includes broker 99, but no such broker is registered.',
        'The manual partition assignment includes the broker 1 more than once.',
        'The manual partition assignment includes an empty replica list.',
        `Unable to find partition ${topic}:42.`,
        `Unable to find a topic named ${topic}-none.`,
      ]);
    }

    // allowReplicationFactorChange false: refused by 4.x (INVALID_REPLICATION_FACTOR), unsendable to 3.9 (v0).
    const grow = move([{ partition: 3, replicas: [1, 2, 3] }], { allowReplicationFactorChange: false });
    if (zk) {
      // Thrown before anything is sent; withKafka wraps it as the console's ApiError.
      await expect(grow).rejects.toMatchObject({ cause: expect.any(UnsupportedApiError) });
    } else {
      expect((await grow).topics[0]!.partitions).toEqual([
        { partition: 3, errorCode: 38, errorMessage: 'The replication factor is changed from 2 to 3' },
      ]);
    }
    expect(await list()).toMatchObject({ errorCode: 0, topics: [] });
    expect(describeTopic()).toEqual(before);
  });

  it('ElectLeaders PREFERRED moves leadership to replicas[0]; an already-preferred leader answers ELECTION_NOT_NEEDED', async () => {
    expect(describeTopic()[2]).toMatchObject({ leader: 3, replicas: [3, 1] });
    // Reordering the replicas makes 1 the preferred leader but leaves 3 leading.
    expect((await move([{ partition: 2, replicas: [1, 3] }])).topics[0]!.partitions[0]!.errorCode).toBe(0);
    // Broker 1 must be in sync to be elected (else PREFERRED_LEADER_NOT_AVAILABLE): the throttles of the first test
    // may have left it behind for a while.
    const reordered = await until(describeTopic, (parts) => parts[2]!.replicas.join() === '1,3' && parts[2]!.isr.length === 2);
    expect(reordered[2]).toMatchObject({ leader: 3, replicas: [1, 3] });
    expect(reordered[2]!.isr.toSorted()).toEqual([1, 3]);

    const elected1 = await elect([2]);
    // The answer and the layout in the message: the CI summary keeps only a failure's first lines.
    expect(elected1, `${JSON.stringify(elected1)} ${JSON.stringify(describeTopic()[2])}`).toEqual({
      errorCode: 0,
      results: [{ topic, partitions: [{ partition: 2, errorCode: 0, errorMessage: null }] }],
    });
    const elected = await until(describeTopic, (parts) => parts[2]!.leader === 1);
    expect(elected[2]).toMatchObject({ leader: 1, replicas: [1, 3] });

    const again = await elect([2, 4, 42]);
    expect(again.errorCode).toBe(0);
    expect(again.results.map((t) => t.topic)).toEqual([topic]);
    expect(again.results[0]!.partitions.sort((a, b) => a.partition - b.partition)).toEqual([
      { partition: 2, errorCode: ELECTION_NOT_NEEDED, errorMessage: 'Leader election not needed for topic partition.' },
      { partition: 4, errorCode: ELECTION_NOT_NEEDED, errorMessage: 'Leader election not needed for topic partition.' },
      { partition: 42, errorCode: 3, errorMessage: zk ? 'The partition does not exist.' : `No such partition as ${topic}-42` },
    ]);
    // UNCLEAN on a partition that has a leader: nothing to do either.
    expect((await elect([2], ELECTION_TYPES.UNCLEAN)).results[0]!.partitions).toEqual([
      { partition: 2, errorCode: ELECTION_NOT_NEEDED, errorMessage: 'Leader election not needed for topic partition.' },
    ]);
    // Kafka's tool agrees there is nothing to elect.
    const cli = kafkaCli('kafka-leader-election', [
      '--bootstrap-server',
      bootstrap,
      '--election-type',
      'preferred',
      '--topic',
      topic,
      '--partition',
      '2',
    ]);
    expect(cli).toContain(`Valid replica already elected for partitions ${topic}-2`);
  });

  it(
    zk
      ? 'only the ZooKeeper controller serves them; other brokers refuse with NOT_CONTROLLER'
      : 'every KRaft broker serves them (forwarded to the quorum)',
    async () => {
      const answers = await run(async (c) => {
        const controller = await onController(c, async (broker) => broker.nodeId);
        const rows = [];
        for (const id of [1, 2, 3]) {
          const broker: KafkajsBroker = await c.cluster.findBroker({ nodeId: id });
          const listed = await listPartitionReassignments(broker, { timeoutMs: 5_000, topics: [{ name: topic, partitions: [0] }] });
          const cancelled = await alterPartitionReassignments(broker, {
            timeoutMs: 5_000,
            topics: [{ name: topic, partitions: [{ partition: 4, replicas: null }] }],
          });
          const elected = await electLeaders(broker, {
            electionType: ELECTION_TYPES.PREFERRED,
            timeoutMs: 5_000,
            topicPartitions: [{ topic, partitions: [4] }],
          });
          const codes = [
            listed.errorCode,
            cancelled.errorCode,
            ...cancelled.topics.flatMap((t) => t.partitions.map((p) => p.errorCode)),
            ...elected.results.flatMap((t) => t.partitions.map((p) => p.errorCode)),
          ];
          rows.push({ controller: id === controller, codes, message: listed.errorMessage });
        }
        return rows;
      });
      const served = { codes: [0, 0, NO_REASSIGNMENT_IN_PROGRESS, ELECTION_NOT_NEEDED], message: OK_MESSAGE };
      // Refused as a whole: top-level NOT_CONTROLLER (no partition results) for the reassignment APIs, per partition for ElectLeaders.
      const refused = {
        codes: [NOT_CONTROLLER, NOT_CONTROLLER, NOT_CONTROLLER],
        message: 'This is not the correct controller for this cluster.',
      };
      expect(answers).toEqual(answers.map((row) => ({ controller: row.controller, ...(zk && !row.controller ? refused : served) })));
      if (zk) expect(answers.filter((row) => row.controller)).toHaveLength(1);
    },
  );
});
