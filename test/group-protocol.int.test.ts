import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBrokers } from '@/server/kafka/broker-wave';
import { closeAllConnections, requestCounts, withKafka } from '@/server/kafka/clients';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { requestDelta } from '@/server/kafka/request-counter';
import { consumerGroupDescribe } from '@/server/protocol/consumer-group-describe';
import { describeGroups } from '@/server/protocol/describe-groups';
import { findGroupCoordinatorId } from '@/server/protocol/find-coordinator';
import { listGroupsByCoordinator } from '@/server/protocol/list-groups';
import { allCommittedPartitions, fetchCommittedOffsets, type OffsetFetchGroup } from '@/server/protocol/offset-fetch';
import { kafkaCli } from './support/cli';
import {
  groupMembersFromCli,
  groupOffsetsFromCli,
  groupStatesFromCli,
  startConsumer,
  topicIdFromCli,
  waitFor,
  type CliGroupState,
  type CliOffsetRow,
} from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { produceRecords } from './support/records-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const kafka4 = target.version.startsWith('4.');
const stamp = Date.now();
const topic = `it-groups-${stamp}`;
/** Consumed some records with a console consumer that then exited: committed offsets, no members. */
const stopped = `it-groups-stopped-${stamp}`;
/** Never joined: offsets set with --reset-offsets --execute on two of three partitions only. */
const reset = `it-groups-reset-${stamp}`;
/** A classic consumer running for the whole file. */
const live = `it-groups-live-${stamp}`;
/** Kafka 4.x: a KIP-848 ("consumer" protocol) consumer running for the whole file. */
const kip848 = `it-groups-kip848-${stamp}`;
const classicGroups = [stopped, reset, live];
const groups = kafka4 ? [...classicGroups, kip848] : classicGroups;
const RECORDS = 300;

const consumers: { stop(): Promise<void> }[] = [];
/** The CLI's views, read once the live groups have settled (nothing is produced afterwards). */
let states: Map<string, CliGroupState>;
let cliOffsets: CliOffsetRow[];

const kafka = <T>(work: (c: KafkaConnection) => Promise<T>) => withKafka('local', work, { deadlineMs: 30_000 });
const GROUP_APIS = ['ListGroups', 'OffsetFetch', 'DescribeGroups', 'ConsumerGroupDescribe', 'GroupCoordinator'];
/** Runs `work` and returns the group API requests it made, by API name (connection set-up requests left out). */
const counted = async <T>(work: () => Promise<T>) => {
  const before = requestCounts('local');
  const value = await work();
  const delta = requestDelta(before, requestCounts('local'));
  return { value, requests: Object.fromEntries(Object.entries(delta).filter(([name]) => GROUP_APIS.includes(name))) };
};

/** committed offsets as { "topic:partition": offset }, null commits left out (the CLI shows them as `-`). */
const committed = (group: OffsetFetchGroup | undefined) =>
  Object.fromEntries(
    group!.topics.flatMap((t) =>
      t.partitions.filter((p) => p.committedOffset !== null).map((p) => [`${t.name}:${p.partition}`, p.committedOffset]),
    ),
  );
const cliCommitted = (group: string) =>
  Object.fromEntries(
    cliOffsets
      .filter((r) => r.group === group)
      .filter((r) => r.currentOffset !== null)
      .map((r) => [`${r.topic}:${r.partition}`, r.currentOffset]),
  );

/** Groups by coordinator, as the CLI's --state view says. */
const byCoordinator = (ids: readonly string[]) => {
  const map = new Map<number, string[]>();
  for (const id of ids) map.set(states.get(id)!.coordinatorId, [...(map.get(states.get(id)!.coordinatorId) ?? []), id]);
  return map;
};

describe(`consumer group protocol on ${target.label}`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '3',
      '--replication-factor',
      '2',
    ]);
    produceRecords(topic, RECORDS);
    kafkaCli('kafka-console-consumer', [
      '--bootstrap-server',
      bootstrap,
      '--topic',
      topic,
      '--group',
      stopped,
      '--from-beginning',
      '--max-messages',
      '120',
      '--timeout-ms',
      '30000',
    ]);
    kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--reset-offsets',
      '--group',
      reset,
      '--topic',
      `${topic}:0,2`,
      '--to-offset',
      '7',
      '--execute',
    ]);
    consumers.push(startConsumer(topic, live, { 'client.id': `live-client-${stamp}` }));
    if (kafka4) consumers.push(startConsumer(topic, kip848, { 'client.id': `kip848-client-${stamp}`, 'group.protocol': 'consumer' }));
    // Live members have joined, consumed everything and committed (auto-commit every 5 s): offsets are settled.
    const running = kafka4 ? [live, kip848] : [live];
    await waitFor(
      'live groups to be Stable and caught up',
      () => {
        const ready = groupStatesFromCli(running).every((s) => s.state === 'Stable' && s.members === 1);
        const rows = ready ? groupOffsetsFromCli(running) : [];
        return ready && rows.length === running.length * 3 && rows.every((r) => r.lag === '0') ? true : undefined;
      },
      { attempts: 60, pauseMs: 2_000 },
    );
    states = new Map(groupStatesFromCli(groups).map((s) => [s.group, s]));
    cliOffsets = groupOffsetsFromCli(groups);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await closeAllConnections();
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    try {
      kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', ...groups.flatMap((g) => ['--group', g])]);
    } catch (error) {
      console.warn(`[${target.label}] could not delete the test groups: ${String(error)}`);
    }
  });

  it('ListGroups on every broker finds each group once, on its coordinator, with its state and type', async () => {
    const { value, requests } = await counted(() => kafka((c) => listGroupsByCoordinator(c, [1, 2, 3])));
    expect(value.failed).toEqual([]);
    expect(requests).toEqual({ ListGroups: 3 });
    const ours = value.groups.filter((g) => groups.includes(g.groupId));
    expect(ours.map((g) => g.groupId)).toEqual([...groups].sort());
    for (const group of ours) {
      const cli = states.get(group.groupId)!;
      // A group that only ever had offsets committed for it (--reset-offsets) never chose a protocol type.
      const protocolType = group.groupId === reset ? '' : 'consumer';
      expect(group, group.groupId).toMatchObject({ coordinatorId: cli.coordinatorId, groupState: cli.state, protocolType });
      expect(group.groupType).toBe(group.groupId === kip848 ? 'consumer' : 'classic');
    }
  });

  it('FindCoordinator (kafkajs) names the same coordinator as the CLI', async () => {
    for (const group of groups) {
      expect(await kafka((c) => onAnyBroker(c, (broker) => findGroupCoordinatorId(broker, group)))).toBe(states.get(group)!.coordinatorId);
    }
  });

  it('OffsetFetch v8+ (one request per coordinator for all its groups) gives the CLI CURRENT-OFFSET', async () => {
    const plan = byCoordinator(groups);
    const { value, requests } = await counted(() =>
      kafka((c) => onBrokers(c, [...plan.keys()], (broker, id) => fetchCommittedOffsets(broker, allCommittedPartitions(plan.get(id)!)))),
    );
    expect(requests).toEqual({ OffsetFetch: plan.size });
    const fetched = value.flatMap((o) => (o.ok ? o.value : []));
    expect(fetched.map((g) => [g.groupId, g.errorCode]).sort()).toEqual(groups.map((g) => [g, 0]).sort());
    for (const group of groups) expect(committed(fetched.find((g) => g.groupId === group)), group).toEqual(cliCommitted(group));
    // The reset group has commits on partitions 0 and 2 only; the stopped one stopped part-way.
    expect(Object.keys(committed(fetched.find((g) => g.groupId === reset))).sort()).toEqual([`${topic}:0`, `${topic}:2`]);
    expect(Object.values(committed(fetched.find((g) => g.groupId === stopped))).reduce((n, o) => n + BigInt(o!), 0n)).toBe(120n);
  });

  it.each([7, 3])('OffsetFetch forced to single-group v%d gives the same offsets, one request per group', async (maxVersion) => {
    const plan = byCoordinator(groups);
    const { value, requests } = await counted(() =>
      kafka((c) =>
        onBrokers(c, [...plan.keys()], (broker, id) =>
          fetchCommittedOffsets(broker, allCommittedPartitions(plan.get(id)!), { maxVersion }),
        ),
      ),
    );
    expect(requests).toEqual({ OffsetFetch: groups.length });
    const fetched = value.flatMap((o) => (o.ok ? o.value : []));
    for (const group of groups) expect(committed(fetched.find((g) => g.groupId === group)), group).toEqual(cliCommitted(group));
  });

  it('OffsetFetch on a broker that does not coordinate the group answers NOT_COORDINATOR for that group', async () => {
    const other = [1, 2, 3].find((id) => id !== states.get(live)!.coordinatorId)!;
    const [outcome] = await kafka((c) => onBrokers(c, [other], (broker) => fetchCommittedOffsets(broker, allCommittedPartitions([live]))));
    expect(outcome).toMatchObject({ ok: true, value: [{ groupId: live, errorCode: 16, topics: [] }] });
  });

  it('DescribeGroups gives the members, client ids, hosts and assignments of kafka-consumer-groups --members --verbose', async () => {
    const plan = byCoordinator(classicGroups);
    const { value, requests } = await counted(() =>
      kafka((c) => onBrokers(c, [...plan.keys()], (broker, id) => describeGroups(broker, plan.get(id)!))),
    );
    expect(requests).toEqual({ DescribeGroups: plan.size });
    const described = value.flatMap((o) => (o.ok ? o.value : []));
    const cliMembers = groupMembersFromCli(classicGroups);
    // Kafka 3.9.2's tool prints assignments without topic names ("(0,1,2)", keyed ""): compare partitions only there.
    const topicNames = !cliMembers.some((m) => '' in m.assignment);
    for (const group of classicGroups) {
      const ours = described.find((g) => g.groupId === group)!;
      const cli = states.get(group)!;
      expect(ours, group).toMatchObject({ errorCode: 0, state: cli.state, protocolType: group === reset ? '' : 'consumer' });
      expect(ours.members).toHaveLength(cli.members);
      const members = ours.members.map((m) => ({
        group,
        consumerId: m.memberId,
        host: m.clientHost,
        clientId: m.clientId,
        partitions: m.assignment.reduce((n, t) => n + t.partitions.length, 0),
        assignment: Object.fromEntries(m.assignment.map((t) => [topicNames ? t.topic : '', [...t.partitions].sort((a, b) => a - b)])),
      }));
      expect(members).toEqual(cliMembers.filter((m) => m.group === group));
    }
    const liveGroup = described.find((g) => g.groupId === live)!;
    expect(liveGroup.protocolData).toBe(states.get(live)!.strategy);
    expect(liveGroup.members[0]).toMatchObject({ clientId: `live-client-${stamp}`, assignmentStatus: 'decoded', groupInstanceId: null });
    expect(liveGroup.members[0]!.assignment.map((t) => [t.topic, [...t.partitions].sort()])).toEqual([[topic, [0, 1, 2]]]);
  });

  it('DescribeGroups: an unknown group is GROUP_ID_NOT_FOUND from v6 (Kafka 4.x), state Dead before', async () => {
    const coordinator = await kafka((c) => onAnyBroker(c, (broker) => findGroupCoordinatorId(broker, `it-groups-unknown-${stamp}`)));
    const [outcome] = await kafka((c) => onBrokers(c, [coordinator], (broker) => describeGroups(broker, [`it-groups-unknown-${stamp}`])));
    const [group] = outcome!.ok ? outcome!.value : [];
    expect(group).toMatchObject(kafka4 ? { errorCode: 69, state: 'Dead', members: [] } : { errorCode: 0, state: 'Dead', members: [] });
  });

  it.runIf(kafka4)('ConsumerGroupDescribe describes the KIP-848 group as the CLI does; DescribeGroups refuses it', async () => {
    const coordinator = states.get(kip848)!.coordinatorId;
    const { value, requests } = await counted(() =>
      kafka((c) => onBrokers(c, [coordinator], (broker) => consumerGroupDescribe(broker, [kip848, live]))),
    );
    expect(requests).toEqual({ ConsumerGroupDescribe: 1 });
    // Kafka 4.x answers groups in its own order (per __consumer_offsets partition), not the request's.
    const answered = value[0]!.ok ? value[0]!.value : [];
    const group = answered.find((g) => g.groupId === kip848);
    const classic = answered.find((g) => g.groupId === live);
    const [cliMember] = groupMembersFromCli([kip848]);
    expect(group).toMatchObject({ groupId: kip848, errorCode: 0, state: 'Stable', assignorName: states.get(kip848)!.strategy });
    expect(group!.members).toEqual([
      expect.objectContaining({
        memberId: cliMember!.consumerId,
        clientId: `kip848-client-${stamp}`,
        clientHost: cliMember!.host,
        instanceId: null,
        subscribedTopicNames: [topic],
        memberType: 'consumer',
      }),
    ]);
    const assignment = group!.members[0]!.assignment.map((t) => ({ ...t, partitions: [...t.partitions].sort((a, b) => a - b) }));
    expect(assignment).toEqual([{ topicId: topicIdFromCli(topic), topic, partitions: [0, 1, 2] }]);
    expect(Object.fromEntries(assignment.map((t) => [t.topic, t.partitions]))).toEqual(cliMember!.assignment);
    // A classic group (or one on another coordinator) is not a consumer-protocol group: GROUP_ID_NOT_FOUND → DescribeGroups.
    expect(classic!.errorCode).toBe(states.get(live)!.coordinatorId === coordinator ? 69 : 16);
    const [dg] = await kafka((c) => onBrokers(c, [coordinator], (broker) => describeGroups(broker, [kip848])));
    expect(dg!.ok && dg!.value[0]).toMatchObject({ groupId: kip848, errorCode: 69, members: [] });
  });

  it('ConsumerGroupDescribe of a classic group answers a per-group error that means "use DescribeGroups"', async () => {
    const coordinator = states.get(live)!.coordinatorId;
    const [outcome] = await kafka((c) => onBrokers(c, [coordinator], (broker) => consumerGroupDescribe(broker, [live])));
    // 4.x and 3.9 KRaft: GROUP_ID_NOT_FOUND ("not a consumer group"); 3.9 ZooKeeper lists the API but answers
    // UNSUPPORTED_VERSION for every group.
    const [group] = outcome!.ok ? outcome!.value : [];
    expect([69, 35]).toContain(group!.errorCode);
    if (target.mode === 'zookeeper') expect(group!.errorCode).toBe(35);
  });
});
