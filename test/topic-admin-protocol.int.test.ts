import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { onController, onControllerWithRetry } from '@/server/kafka/controller';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { createPartitions, createPartitionsApi, type CreatePartitionsInput } from '@/server/protocol/create-partitions';
import { createTopics, createTopicsApi, type CreateTopicsInput } from '@/server/protocol/create-topics';
import { deleteRecords, deleteRecordsApi } from '@/server/protocol/delete-records';
import { deleteTopics, deleteTopicsApi } from '@/server/protocol/delete-topics';
import {
  ALTER_CONFIG_OPS,
  CONFIG_RESOURCE_TYPES,
  incrementalAlterConfigs,
  incrementalAlterConfigsApi,
  type IncrementalAlterConfigsInput,
} from '@/server/protocol/incremental-alter-configs';
import { pickVersion } from '@/server/protocol/request';
import { kafkaCli, parseTopicsDescribe } from './support/cli';
import { parseConfigsDescribe, type CliConfig } from './support/configs-cli';
import { kafkaTarget } from './support/kafka-target';
import { getOffsetsFromCli, produceRecords } from './support/records-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-admin-proto-${Date.now()}`;
const recordsTopic = `${topic}-records`;
// The dynamic broker config test/configs.int.test.ts also uses as harmless (there on broker 2, here on broker 1).
const BROKER_KEY = 'log.cleaner.backoff.ms';

const run = <T>(work: (connection: KafkaConnection) => Promise<T>) => withKafka('local', work, { deadlineMs: 30_000 });
const listTopics = () =>
  kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--list'])
    .split('\n')
    .map((line) => line.trim());
const describeTopic = (name: string) => kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', name]);
/** The header line of kafka-topics --describe: `Topic: T	TopicId: …	PartitionCount: 2	ReplicationFactor: 2	Configs: k=v,…` */
const topicHeader = (out: string) => ({
  topicId: out.match(/TopicId: (\S+)/)?.[1] ?? null,
  partitionCount: Number(out.match(/PartitionCount: (\d+)/)?.[1]),
  replicationFactor: Number(out.match(/ReplicationFactor: (\d+)/)?.[1]),
  configs: out.match(/Configs: ?([^\n]*)/)?.[1]?.trim() ?? '',
});
const describeConfigs = (entityType: 'topics' | 'brokers', name: string) =>
  parseConfigsDescribe(
    kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--entity-type', entityType, '--entity-name', name, '--describe', '--all']),
  );
/** The keys whose value or source differ between two --describe --all readings. */
const changedKeys = (before: CliConfig[], after: CliConfig[]) => {
  const old = new Map(before.map((c) => [c.name, JSON.stringify(c)]));
  return after
    .filter((c) => old.get(c.name) !== JSON.stringify(c))
    .map((c) => c.name)
    .sort();
};

/** Polls `read` until `done` holds (metadata and configs reach every broker a moment after Kafka answers). */
async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, { attempts = 30, pauseMs = 500 } = {}): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt < attempts && !done(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    value = await read();
  }
  return value;
}

const newTopic = (
  name: string,
  configs: { name: string; value: string | null }[],
  validateOnly: boolean,
  partitions = 2,
  rf = 2,
): CreateTopicsInput => ({
  topics: [{ name, numPartitions: partitions, replicationFactor: rf, assignments: [], configs }],
  timeoutMs: 15_000,
  validateOnly,
});
const create = (input: CreateTopicsInput) => run((c) => onControllerWithRetry(c, (broker) => createTopics(broker, input)));
const addPartitions = (count: number, validateOnly = false) => {
  const input: CreatePartitionsInput = { topics: [{ name: topic, count, assignments: null }], timeoutMs: 15_000, validateOnly };
  return run((c) => onControllerWithRetry(c, (broker) => createPartitions(broker, input)));
};
const alter = (input: IncrementalAlterConfigsInput, onBroker?: number) =>
  run((c) =>
    onBroker === undefined
      ? onAnyBroker(c, (b) => incrementalAlterConfigs(b, input))
      : c.cluster.findBroker({ nodeId: onBroker }).then((b) => incrementalAlterConfigs(b, input)),
  );
const topicOp = (name: string, op: number, value: string | null, validateOnly = false): IncrementalAlterConfigsInput => ({
  resources: [{ resourceType: CONFIG_RESOURCE_TYPES.TOPIC, resourceName: topic, configs: [{ name, op, value }] }],
  validateOnly,
});

describe(`topic admin protocol requests on ${target.label}`, () => {
  afterAll(async () => {
    await run((c) => onControllerWithRetry(c, (broker) => deleteTopics(broker, { names: [topic, recordsTopic], timeoutMs: 15_000 }))).catch(
      () => {},
    );
    const restore = {
      resources: [
        {
          resourceType: CONFIG_RESOURCE_TYPES.BROKER,
          resourceName: '1',
          configs: [{ name: BROKER_KEY, op: ALTER_CONFIG_OPS.DELETE, value: null }],
        },
      ],
      validateOnly: false,
    };
    await alter(restore, 1).catch(() => {});
  });
  afterAll(closeAllConnections);

  it('negotiates the newest version of each API the console implements', async () => {
    const versions = await run((c) => onAnyBroker(c, async (broker) => broker.versions));
    const picked = [createTopicsApi, createPartitionsApi, deleteTopicsApi, deleteRecordsApi, incrementalAlterConfigsApi].map((api) =>
      pickVersion(api, versions),
    );
    expect(picked).toEqual([7, 3, 6, 2, 1]);
    // 4.x dropped CreateTopics v0-v1 and DeleteTopics v0 (KIP-896); 3.9 still serves them.
    expect(versions?.[19]?.minVersion).toBe(target.version.startsWith('3.') ? 0 : 2);
    expect(versions?.[20]?.minVersion).toBe(target.version.startsWith('3.') ? 0 : 1);
  });

  it('CreateTopics validateOnly answers what the topic would get and creates nothing', async () => {
    const [result] = await create(newTopic(topic, [{ name: 'max.message.bytes', value: '2000000' }], true));
    expect(result).toMatchObject({ name: topic, topicId: null, errorCode: 0, errorMessage: null, numPartitions: 2, replicationFactor: 2 });
    const config = result!.configs!.find((c) => c.name === 'max.message.bytes');
    expect(config).toEqual({ name: 'max.message.bytes', value: '2000000', readOnly: false, configSource: 1, isSensitive: false }); // TOPIC_CONFIG
    expect(result!.configs!.find((c) => c.name === 'retention.ms')?.configSource).toBe(5); // DEFAULT_CONFIG
    expect(listTopics()).not.toContain(topic);
  });

  it('CreateTopics refuses invalid configs, names and replication factors with Kafka’s reasons', async () => {
    const [badConfig] = await create(newTopic(topic, [{ name: 'retention.ms', value: 'abc' }], true));
    // INVALID_CONFIG; a refused topic comes with -1/-1 (read as null) and an empty config list on 3.9 and 4.x alike.
    expect(badConfig).toMatchObject({ errorCode: 40, numPartitions: null, replicationFactor: null, configs: [] });
    expect(badConfig!.errorMessage).toBe('Invalid value abc for configuration retention.ms: Not a number of type LONG');
    const [badName] = await create(newTopic('bad name!', [], true));
    expect(badName!.errorCode).toBe(17); // INVALID_TOPIC_EXCEPTION
    expect(badName!.errorMessage).toBe(
      "Topic name is invalid: 'bad name!' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
    );
    const [tooManyReplicas] = await create(newTopic(topic, [], true, 1, 10));
    expect(tooManyReplicas!.errorCode).toBe(38); // INVALID_REPLICATION_FACTOR
    // 3.9 ZooKeeper: "Replication factor: 10 larger than available brokers: 3."; 4.x: "Unable to replicate the partition 10 time(s): …".
    expect(tooManyReplicas!.errorMessage).toMatch(
      target.mode === 'zookeeper'
        ? /^Replication factor: 10 larger than available brokers: 3\.$/
        : /^Unable to replicate the partition 10 time\(s\)/,
    );
    const [noPartitions] = await create(newTopic(topic, [], true, 0, 1));
    expect(noPartitions!.errorCode).toBe(37); // INVALID_PARTITIONS
    expect(noPartitions!.errorMessage).toMatch(/^Number of partitions (must be larger than 0|was set to an invalid non-positive value)\.$/);
    const [unknownKey] = await create(newTopic(topic, [{ name: 'no.such.config', value: '1' }], true));
    expect(unknownKey).toMatchObject({ errorCode: 40, errorMessage: 'Unknown topic config name: no.such.config' });
    expect(listTopics()).not.toContain(topic);
  });

  it.runIf(target.mode === 'zookeeper')(
    'a ZooKeeper broker that is not the controller answers NOT_CONTROLLER; the retry finds the controller',
    async () => {
      const outcome = await run(async (c) => {
        const controller = await onController(c, async (broker) => broker.nodeId);
        const other = await c.cluster.findBroker({ nodeId: controller === 1 ? 2 : 1 });
        const [refused] = await createTopics(other, newTopic(topic, [], true));
        // A stale cached controller id: the first attempt is refused, the second (fresh metadata) succeeds.
        const pool = c.cluster.brokerPool as unknown as { metadata: { controllerId: number } };
        pool.metadata.controllerId = other.nodeId;
        const tried: number[] = [];
        const retried = await onControllerWithRetry(c, (broker: KafkajsBroker) => {
          tried.push(broker.nodeId);
          return createTopics(broker, newTopic(topic, [], true));
        });
        return { controller, other: other.nodeId, refused, retried, tried };
      });
      // With an empty message, not a null one.
      expect(outcome.refused).toMatchObject({ errorCode: KafkaErrorCode.NOT_CONTROLLER, errorMessage: '' });
      expect(outcome.tried).toEqual([outcome.other, outcome.controller]);
      expect(outcome.retried[0]!.errorCode).toBe(0);
    },
  );

  it.runIf(target.mode === 'kraft')('on KRaft every broker takes CreateTopics (it forwards to the controller quorum)', async () => {
    const codes = await run(async (c) => {
      await c.cluster.refreshMetadata();
      const answers = [];
      for (const id of [1, 2, 3])
        answers.push((await createTopics(await c.cluster.findBroker({ nodeId: id }), newTopic(topic, [], true)))[0]!.errorCode);
      return answers;
    });
    expect(codes).toEqual([0, 0, 0]);
  });

  it('CreateTopics creates the topic as kafka-topics --describe shows it, then refuses it as existing', async () => {
    const [created] = await create(newTopic(topic, [{ name: 'max.message.bytes', value: '2000000' }], false));
    expect(created).toMatchObject({ name: topic, errorCode: 0, errorMessage: null, numPartitions: 2, replicationFactor: 2 });
    const out = await until(
      () => describeTopic(topic),
      (o) => parseTopicsDescribe(o).length === 2,
    );
    const header = topicHeader(out);
    expect(header).toMatchObject({ partitionCount: 2, replicationFactor: 2 });
    // Besides the topic's own override, kafka-topics lists the dev cluster's static broker settings.
    expect(header.configs.split(',')).toContain('max.message.bytes=2000000');
    expect(parseTopicsDescribe(out).every((p) => p.replicas.length === 2)).toBe(true);
    // v7 answers the id kafka-topics prints (both use Kafka's base64url Uuid text).
    expect(created!.topicId).toBe(header.topicId);

    const [again] = await create(newTopic(topic, [], false));
    expect(again!.errorCode).toBe(36); // TOPIC_ALREADY_EXISTS
    expect(again!.errorMessage).toBe(`Topic '${topic}' already exists.`);
  });

  it('CreatePartitions grows the topic to 4 and refuses to shrink it', async () => {
    const [dry] = await addPartitions(6, true);
    expect(dry).toEqual({ name: topic, errorCode: 0, errorMessage: null });
    const [grown] = await addPartitions(4);
    expect(grown).toEqual({ name: topic, errorCode: 0, errorMessage: null });
    const out = await until(
      () => describeTopic(topic),
      (o) => parseTopicsDescribe(o).length === 4,
    );
    expect(topicHeader(out).partitionCount).toBe(4);

    const [lower] = await addPartitions(3);
    expect(lower!.errorCode).toBe(37); // INVALID_PARTITIONS
    const [same] = await addPartitions(4);
    expect(same!.errorCode).toBe(37);
    if (target.mode === 'zookeeper') {
      expect([lower!.errorMessage, same!.errorMessage]).toEqual([
        'Topic currently has 4 partitions, which is higher than the requested 3.',
        'Topic already has 4 partitions.',
      ]);
    } else {
      expect([lower!.errorMessage, same!.errorMessage]).toEqual([
        `The topic ${topic} currently has 4 partition(s); 3 would not be an increase.`,
        'Topic already has 4 partition(s).',
      ]);
    }
    expect(topicHeader(describeTopic(topic)).partitionCount).toBe(4);
  });

  it('IncrementalAlterConfigs SETs and DELETEs one topic key, leaving every other key alone', async () => {
    const before = describeConfigs('topics', topic);
    const [dry] = await alter(topicOp('retention.ms', ALTER_CONFIG_OPS.SET, '7200000', true));
    expect(dry).toEqual({ resourceType: 2, resourceName: topic, errorCode: 0, errorMessage: null });
    const [invalid] = await alter(topicOp('retention.ms', ALTER_CONFIG_OPS.SET, 'abc', true));
    expect(invalid!.errorCode).toBe(40); // INVALID_CONFIG
    // 3.9 ZooKeeper prefixes "Invalid config value for resource ConfigResource(type=TOPIC, name='…'): ".
    expect(invalid!.errorMessage).toMatch(/Invalid value abc for configuration retention\.ms: Not a number of type LONG$/);
    expect(changedKeys(before, describeConfigs('topics', topic))).toEqual([]);

    const [set] = await alter(topicOp('retention.ms', ALTER_CONFIG_OPS.SET, '7200000'));
    expect(set!.errorCode).toBe(0);
    const afterSet = await until(
      () => describeConfigs('topics', topic),
      (cs) => cs.some((c) => c.name === 'retention.ms' && c.value === '7200000'),
    );
    expect(changedKeys(before, afterSet)).toEqual(['retention.ms']);
    expect(afterSet.find((c) => c.name === 'retention.ms')).toMatchObject({ value: '7200000', source: 'topic' });

    const [deleted] = await alter(topicOp('retention.ms', ALTER_CONFIG_OPS.DELETE, null));
    expect(deleted!.errorCode).toBe(0);
    const afterDelete = await until(
      () => describeConfigs('topics', topic),
      (cs) => changedKeys(before, cs).length === 0,
    );
    expect(changedKeys(before, afterDelete)).toEqual([]);
  });

  it('IncrementalAlterConfigs and CreatePartitions refusals carry Kafka’s reasons (validateOnly: nothing changes)', async () => {
    const zk = target.mode === 'zookeeper';
    const broker1 = (name: string, value: string, resourceName = '1') =>
      alter(
        {
          resources: [{ resourceType: CONFIG_RESOURCE_TYPES.BROKER, resourceName, configs: [{ name, op: ALTER_CONFIG_OPS.SET, value }] }],
          validateOnly: true,
        },
        1,
      );
    const refusal = (results: { errorCode: number; errorMessage: string | null }[]) => [results[0]!.errorCode, results[0]!.errorMessage];
    expect(refusal(await alter(topicOp('no.such.config', ALTER_CONFIG_OPS.SET, '1', true)))).toEqual([
      40,
      'Unknown topic config name: no.such.config',
    ]);
    expect(refusal(await alter(topicOp('retention.ms', ALTER_CONFIG_OPS.APPEND, '1', true)))).toEqual([
      40,
      zk
        ? 'Config value append is not allowed for config key: retention.ms'
        : "Can't APPEND to key retention.ms because its type is not LIST.",
    ]);
    // Deleting a key the topic does not override is no error.
    expect(refusal(await alter(topicOp('segment.ms', ALTER_CONFIG_OPS.DELETE, null, true)))).toEqual([0, null]);
    const missing = `${topic}-missing`;
    const onMissing = await alter({
      resources: [
        {
          resourceType: CONFIG_RESOURCE_TYPES.TOPIC,
          resourceName: missing,
          configs: [{ name: 'retention.ms', op: ALTER_CONFIG_OPS.SET, value: '1' }],
        },
      ],
      validateOnly: true,
    });
    expect(refusal(onMissing)).toEqual([3, `The topic '${missing}' does not exist.`]);
    // Broker resources: INVALID_REQUEST (42), even for a bad value (a topic's bad value is INVALID_CONFIG, 40).
    expect(refusal(await broker1('log.dirs', '/tmp/x'))).toEqual([
      42,
      zk ? 'Cannot update these configs dynamically: Set(log.dirs)' : 'Cannot update these configs dynamically: [log.dirs]',
    ]);
    expect(refusal(await broker1(BROKER_KEY, 'abc'))).toEqual([
      42,
      `Invalid value abc for configuration ${BROKER_KEY}: Not a number of type LONG`,
    ]);
    // A broker's own configs are altered on that broker only.
    expect(refusal(await broker1(BROKER_KEY, '15003', '2'))).toEqual([42, 'Unexpected broker id, expected 1, but received 2']);

    const grow = (name: string, count: number, assignments: number[][] | null) =>
      run((c) =>
        onControllerWithRetry(c, (broker) =>
          createPartitions(broker, { topics: [{ name, count, assignments }], timeoutMs: 15_000, validateOnly: true }),
        ),
      );
    expect(refusal(await grow(missing, 3, null))).toEqual([3, zk ? `The topic '${missing}' does not exist.` : null]);
    expect(refusal(await grow(topic, 5, [[1, 1]]))).toEqual([
      39, // INVALID_REPLICA_ASSIGNMENT
      zk
        ? 'Duplicate brokers not allowed in replica assignment: 1, 1 for partition id 4.'
        : 'The manual partition assignment includes the broker 1 more than once.',
    ]);
  });

  it('IncrementalAlterConfigs SETs and DELETEs a dynamic config of broker 1', async () => {
    const op = (opType: number, value: string | null, validateOnly = false): IncrementalAlterConfigsInput => ({
      resources: [{ resourceType: CONFIG_RESOURCE_TYPES.BROKER, resourceName: '1', configs: [{ name: BROKER_KEY, op: opType, value }] }],
      validateOnly,
    });
    const before = describeConfigs('brokers', '1');
    const [dry] = await alter(op(ALTER_CONFIG_OPS.SET, '15003', true), 1);
    expect(dry).toEqual({ resourceType: 4, resourceName: '1', errorCode: 0, errorMessage: null });
    expect(changedKeys(before, describeConfigs('brokers', '1'))).toEqual([]);

    const [set] = await alter(op(ALTER_CONFIG_OPS.SET, '15003'), 1);
    expect(set!.errorCode).toBe(0);
    const afterSet = await until(
      () => describeConfigs('brokers', '1'),
      (cs) => cs.some((c) => c.name === BROKER_KEY && c.value === '15003'),
    );
    expect(changedKeys(before, afterSet)).toEqual([BROKER_KEY]);
    expect(afterSet.find((c) => c.name === BROKER_KEY)).toMatchObject({ value: '15003', source: 'dynamic-broker' });

    const [deleted] = await alter(op(ALTER_CONFIG_OPS.DELETE, null), 1);
    expect(deleted!.errorCode).toBe(0);
    const afterDelete = await until(
      () => describeConfigs('brokers', '1'),
      (cs) => changedKeys(before, cs).length === 0,
    );
    expect(changedKeys(before, afterDelete)).toEqual([]);
  });

  it('DeleteRecords moves partition 0’s log start offset to 5 on its leader', async () => {
    const [created] = await create(newTopic(recordsTopic, [], false, 1, 2));
    expect(created!.errorCode).toBe(0);
    await until(
      () => describeTopic(recordsTopic),
      (o) => parseTopicsDescribe(o)[0]?.leader != null,
    );
    produceRecords(recordsTopic, 20);
    const leader = parseTopicsDescribe(describeTopic(recordsTopic))[0]!.leader!;
    const results = await run(async (c) => {
      await c.cluster.refreshMetadata();
      const onLeader = await c.cluster.findBroker({ nodeId: leader });
      const notLeader = await c.cluster.findBroker({
        nodeId: parseTopicsDescribe(describeTopic(recordsTopic))[0]!.replicas.find((id) => id !== leader)!,
      });
      const request = (offset: bigint) => ({ topics: [{ name: recordsTopic, partitions: [{ partition: 0, offset }] }], timeoutMs: 15_000 });
      return {
        purged: await deleteRecords(onLeader, request(5n)),
        beyond: await deleteRecords(onLeader, request(1000n)),
        follower: await deleteRecords(notLeader, request(6n)),
      };
    });
    expect(results.purged).toEqual([{ name: recordsTopic, partitions: [{ partition: 0, lowWatermark: '5', errorCode: 0 }] }]);
    expect(results.beyond[0]!.partitions[0]).toMatchObject({ errorCode: 1 }); // OFFSET_OUT_OF_RANGE
    expect(results.follower[0]!.partitions[0]).toMatchObject({ errorCode: 6 }); // NOT_LEADER_OR_FOLLOWER
    expect(getOffsetsFromCli(recordsTopic, '-2')).toEqual({ 0: '5' });
  });

  it('DeleteTopics deletes both topics (gone from kafka-topics --list) and refuses an unknown one', async () => {
    const results = await run((c) =>
      onControllerWithRetry(c, (broker) => deleteTopics(broker, { names: [topic, recordsTopic, `${topic}-missing`], timeoutMs: 15_000 })),
    );
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get(topic)).toEqual({ name: topic, errorCode: 0, errorMessage: null });
    expect(byName.get(recordsTopic)).toEqual({ name: recordsTopic, errorCode: 0, errorMessage: null });
    // UNKNOWN_TOPIC_OR_PARTITION: 3.9 ZooKeeper sends no message, 4.x the error's generic text.
    expect(byName.get(`${topic}-missing`)).toMatchObject({
      errorCode: 3,
      errorMessage: target.mode === 'zookeeper' ? null : 'This server does not host this topic-partition.',
    });
    const remaining = await until(listTopics, (names) => !names.includes(topic) && !names.includes(recordsTopic), { attempts: 40 });
    expect(remaining).not.toContain(topic);
    expect(remaining).not.toContain(recordsTopic);
  });
});
