import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroup } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/route';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { GET as getTopicGroups } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/consumer-groups/route';
import {
  consumerGroupDetailResponseSchema,
  consumerGroupListResponseSchema,
  topicGroupsResponseSchema,
} from '@/lib/schemas/consumer-groups';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { readGroup } from '@/server/lag/read-group';
import { partitionKey } from '@/server/kafka/partition-key';
import { kafkaCli } from './support/cli';
import {
  groupEpochsFromCli,
  groupMembersFromCli,
  groupOffsetsFromCli,
  groupStatesFromCli,
  sortWithinBlocks,
  startConsumer,
  waitFor,
} from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { produceRecords } from './support/records-cli';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const kafka4 = target.version.startsWith('4.');
const stamp = Date.now();
const topicA = `it-lag-a-${stamp}`;
const topicB = `it-lag-b-${stamp}`;
/** Written in transactions: commit markers sit between records, so a read_committed consumer that read everything still shows lag. */
const topicTx = `it-lag-tx-${stamp}`;
const group = (name: string) => `it-lag-${name}-${stamp}`;
/** Consumed A (some of it) with a console consumer that then left: Empty with commits. */
const stopped = group('stopped');
/** Offsets set by --reset-offsets only (protocol type ""), on two partitions of A. */
const reset = group('reset');
/** Live on A, caught up. */
const live = group('live');
/** Live on A with auto-commit off: assigned partitions without commits ("-"). */
const uncommitted = group('uncommitted');
/** Committed on A, now live on B only: A's rows are committed but unassigned. */
const moved = group('moved');
/** Kafka 4.x: a KIP-848 member on A. */
const kip848 = group('kip848');
/** Read all of the transactional topic with read_committed, then left. */
const transactional = group('tx');
const groups = [stopped, reset, live, uncommitted, moved, transactional, ...(kafka4 ? [kip848] : [])];
const consumers: { stop(): Promise<void> }[] = [];

const detail = async (groupId: string) => {
  const { status, body } = await callRoute(getGroup, `/api/v1/clusters/local/consumer-groups/${groupId}`, { clusterId: 'local', groupId });
  expect(status).toBe(200);
  return consumerGroupDetailResponseSchema.parse(body);
};

describe(`consumer groups and lag on ${target.label}, against kafka-consumer-groups --describe`, () => {
  beforeAll(async () => {
    for (const topic of [topicA, topicB, topicTx])
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
    produceRecords(topicA, 90);
    produceRecords(topicB, 30);
    kafkaCli('kafka-producer-perf-test', [
      '--topic',
      topicTx,
      '--num-records',
      '40',
      '--record-size',
      '50',
      '--throughput',
      '-1',
      '--transactional-id',
      `it-lag-tx-${stamp}`,
      '--transaction-duration-ms',
      '100',
      '--producer-props',
      `bootstrap.servers=${bootstrap}`,
      'acks=all',
    ]);
    kafkaCli('kafka-console-consumer', [
      '--bootstrap-server',
      bootstrap,
      '--topic',
      topicTx,
      '--group',
      transactional,
      '--from-beginning',
      '--max-messages',
      '40',
      '--timeout-ms',
      '30000',
      '--consumer-property',
      'isolation.level=read_committed',
    ]);
    for (const g of [stopped, moved]) {
      kafkaCli('kafka-console-consumer', [
        '--bootstrap-server',
        bootstrap,
        '--topic',
        topicA,
        '--group',
        g,
        '--from-beginning',
        '--max-messages',
        '40',
        '--timeout-ms',
        '30000',
      ]);
    }
    kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--reset-offsets',
      '--group',
      reset,
      '--topic',
      `${topicA}:0,2`,
      '--to-offset',
      '3',
      '--execute',
    ]);
    consumers.push(startConsumer(topicA, live, { 'client.id': `live-${stamp}` }));
    consumers.push(startConsumer(topicA, uncommitted, { 'client.id': `uncommitted-${stamp}`, 'enable.auto.commit': 'false' }));
    consumers.push(startConsumer(topicB, moved, { 'client.id': `moved-${stamp}` }));
    if (kafka4) consumers.push(startConsumer(topicA, kip848, { 'client.id': `kip848-${stamp}`, 'group.protocol': 'consumer' }));
    // Settled: live members joined, read everything and committed it (auto-commit every 5 s); nothing is produced after.
    await waitFor(
      'live groups to be Stable and caught up',
      () => {
        const rows = groupOffsetsFromCli([live, moved, uncommitted, ...(kafka4 ? [kip848] : [])]);
        const settled = rows.filter((r) => r.consumerId !== null);
        const caughtUp = rows.filter((r) => r.group !== uncommitted && r.consumerId !== null).every((r) => r.lag === '0');
        return settled.length === (kafka4 ? 12 : 9) && caughtUp ? true : undefined;
      },
      { attempts: 60 },
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', ...groups.flatMap((g) => ['--group', g])]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topicA]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topicB]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topicTx]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it('gives every row exactly as kafka-consumer-groups --describe, in its order', async () => {
    const cli = groupOffsetsFromCli(groups);
    for (const groupId of groups) {
      const ours = (await detail(groupId)).offsets.map(({ timeLagMs: _t, timeLagMethod: _m, error: _e, ...row }) => ({
        group: groupId,
        ...row,
      }));
      const expected = cli.filter((r) => r.group === groupId);
      expect(ours, groupId).toEqual(kafka4 ? expected : sortWithinBlocks(expected));
    }
    // The situations the rows cover, so the comparison above cannot pass vacuously.
    const rowsOf = (g: string) => sortWithinBlocks(cli.filter((r) => r.group === g));
    expect(rowsOf(uncommitted).every((r) => r.currentOffset === null && r.consumerId !== null)).toBe(true);
    expect(rowsOf(moved).some((r) => r.topic === topicA && r.consumerId === null && r.currentOffset !== null)).toBe(true);
    // --to-offset 3 is clamped to a partition's end, like every reset of the CLI.
    expect(rowsOf(reset).map((r) => [r.partition, r.currentOffset])).toEqual(
      rowsOf(reset).map((r) => [r.partition, BigInt(r.logEndOffset!) < 3n ? r.logEndOffset : '3']),
    );
    expect(rowsOf(reset).map((r) => r.partition)).toEqual([0, 2]);
    // LOG-END-OFFSET is the high watermark, commit markers included: 40 records end past offset 40 in total.
    expect(rowsOf(transactional).reduce((n, r) => n + BigInt(r.logEndOffset ?? 0), 0n)).toBeGreaterThan(40n);
    expect(rowsOf(stopped).length).toBeGreaterThan(0);
    expect(rowsOf(stopped).every((r) => r.consumerId === null && r.logEndOffset !== null)).toBe(true);
  }, 120_000);

  it('lists the groups with state, coordinator, members and lag totals as the CLI reports them', async () => {
    const { status, body } = await callRoute(getGroups, '/api/v1/clusters/local/consumer-groups', { clusterId: 'local' });
    expect(status).toBe(200);
    const list = consumerGroupListResponseSchema.parse(body);
    const states = new Map(groupStatesFromCli(groups).map((s) => [s.group, s]));
    const cli = groupOffsetsFromCli(groups);
    for (const groupId of groups) {
      const ours = list.groups.find((g) => g.groupId === groupId);
      const state = states.get(groupId)!;
      expect(ours, groupId).toMatchObject({ state: state.state, coordinatorId: state.coordinatorId, memberCount: state.members });
      const lags = cli.filter((r) => r.group === groupId && r.lag !== null).map((r) => BigInt(r.lag!));
      expect(ours!.totalLag).toBe(lags.length ? lags.reduce((a, b) => a + b, 0n).toString() : null);
    }
    expect(list.groups.find((g) => g.groupId === reset)).toMatchObject({ protocolType: '', memberCount: 0 });
    expect(list.groups.find((g) => g.groupId === live)).toMatchObject({
      protocolType: 'consumer',
      groupProtocol: 'classic',
      assignor: 'range',
    });
    if (kafka4) expect(list.groups.find((g) => g.groupId === kip848)).toMatchObject({ groupProtocol: 'consumer', memberCount: 1 });
    expect(list.groups.map((g) => g.groupId)).toEqual([...list.groups.map((g) => g.groupId)].sort());
  }, 120_000);

  it.runIf(kafka4)(
    "shows a KIP-848 group's epochs and each member's current and target assignment as --members --verbose and --state --verbose",
    async () => {
      const ours = await detail(kip848);
      const [epochs] = groupEpochsFromCli([kip848]);
      expect(ours.epochs).toEqual({ groupEpoch: epochs!.groupEpoch, targetAssignmentEpoch: epochs!.targetAssignmentEpoch });
      const assignment = (rows: { topic: string; partition: number }[]) => {
        const byTopic: Record<string, number[]> = {};
        for (const r of rows) (byTopic[r.topic] ??= []).push(r.partition);
        for (const partitions of Object.values(byTopic)) partitions.sort((a, b) => a - b);
        return byTopic;
      };
      const members = ours.members.map((m) => ({
        consumerId: m.memberId,
        clientId: m.clientId,
        currentEpoch: m.consumerProtocol?.memberEpoch,
        targetEpoch: ours.epochs?.targetAssignmentEpoch,
        assignment: assignment(m.assignments),
        targetAssignment: assignment(m.consumerProtocol?.targetAssignments ?? []),
      }));
      const cli = groupMembersFromCli([kip848]).map(
        ({ consumerId, clientId, currentEpoch, targetEpoch, assignment, targetAssignment }) => ({
          consumerId,
          clientId,
          currentEpoch,
          targetEpoch,
          assignment,
          targetAssignment,
        }),
      );
      expect(members).toEqual(cli);
      expect(cli.length).toBe(1);
      expect(ours.members[0]!.consumerProtocol).toMatchObject({
        subscribedTopicNames: [topicA],
        subscribedTopicRegex: null,
        memberType: 'consumer',
      });
      // A classic group has no epochs and its members no KIP-848 detail.
      const classic = await detail(live);
      expect(classic.epochs).toBeNull();
      expect(classic.members.every((m) => m.consumerProtocol === undefined)).toBe(true);
    },
  );

  it('reads all groups in three waves: ListGroups per broker, then per coordinator, then ListOffsets per leader', async () => {
    // The cluster snapshot (Metadata) is shared with every other view; fresh here, so only the group waves count.
    await getClusterSnapshot('local', { maxAgeMs: 0 });
    const before = requestCounts('local');
    const snapshot = await getGroupsSnapshot('local', { maxAgeMs: 0 });
    const delta = requestDelta(before, requestCounts('local'));
    const brokers = 3;
    const coordinators = new Set(snapshot.groups.map((g) => g.coordinatorId)).size;
    expect(delta.ListGroups).toBe(brokers);
    expect(delta.OffsetFetch).toBe(coordinators);
    expect(delta.DescribeGroups ?? 0).toBeLessThanOrEqual(2 * coordinators);
    expect(delta.ListOffsets).toBeLessThanOrEqual(brokers);
    expect(delta.Metadata ?? 0).toBe(0);
  });

  it("reads one group on its own exactly as the groups snapshot has it, and the group's page through that read", async () => {
    const snapshot = await getGroupsSnapshot('local', { maxAgeMs: 0 });
    const scoped = (await Promise.all(groups.map((groupId) => readGroup('local', groupId)))).map((read, i) => {
      expect(read, groups[i]).not.toBeNull();
      return read!;
    });
    const kinds = new Set<string>();
    for (const [i, groupId] of groups.entries()) {
      const [own] = scoped[i]!.groups;
      const shared = snapshot.groups.find((g) => g.groupId === groupId);
      expect(own, groupId).toEqual(shared);
      kinds.add(`${own!.groupProtocol}/${own!.protocolType}/${own!.state}`);
      for (const key of own!.committed.keys())
        expect(scoped[i]!.endOffsets.get(key)?.highWatermark, `${groupId} ${key}`).toBe(snapshot.endOffsets.get(key)?.highWatermark);
    }
    // Classic groups live and empty, one with offsets only ("" protocol type), and on 4.x a KIP-848 group.
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'classic//Empty',
        'classic/consumer/Empty',
        'classic/consumer/Stable',
        ...(kafka4 ? ['consumer/consumer/Stable'] : []),
      ]),
    );
    // Absent: no such group, and a name that is not a consumer group.
    expect((await readGroup('local', group('missing')))?.groups).toEqual([]);
  });

  it("reads a group's page with one OffsetFetch, one describe and one ListOffsets per leader of its partitions", async () => {
    for (const groupId of [live, stopped, ...(kafka4 ? [kip848] : [])]) {
      await readGroup('local', groupId); // learns the coordinator and the group's protocol
      await getClusterSnapshot('local'); // the layout, shared with every other view
      const before = requestCounts('local');
      const read = await readGroup('local', groupId);
      const delta = requestDelta(before, requestCounts('local'));
      const { metadata } = await getClusterSnapshot('local');
      const partitions = new Set(read!.endOffsets.keys());
      const leaders = new Set(
        metadata.topics.flatMap((t) => t.partitions.filter((p) => partitions.has(partitionKey(t.name, p.partition))).map((p) => p.leader)),
      );
      expect(partitions.size, groupId).toBeGreaterThan(0);
      const describes = (delta.DescribeGroups ?? 0) + (delta.ConsumerGroupDescribe ?? 0);
      expect({ ...delta, describes }, groupId).toMatchObject({ OffsetFetch: 1, describes: 1 });
      expect(delta.ListOffsets, groupId).toBeLessThanOrEqual(Math.max(1, leaders.size));
      expect(Object.keys(delta).sort(), groupId).toEqual(
        ['ListOffsets', 'OffsetFetch', kafka4 && groupId === kip848 ? 'ConsumerGroupDescribe' : 'DescribeGroups'].sort(),
      );
    }
  });

  it('lists the groups reading a topic with their lag on it, as the CLI rows add up', async () => {
    const { status, body } = await callRoute(getTopicGroups, `/api/v1/clusters/local/topics/${topicA}/consumer-groups`, {
      clusterId: 'local',
      topic: topicA,
    });
    expect(status).toBe(200);
    const ours = topicGroupsResponseSchema.parse(body).groups.filter((g) => groups.includes(g.groupId));
    const cli = groupOffsetsFromCli(groups).filter((r) => r.topic === topicA);
    const expected = [...new Set(cli.map((r) => r.group))].sort();
    expect(ours.map((g) => g.groupId).sort()).toEqual(expected);
    for (const g of ours) {
      const rows = cli.filter((r) => r.group === g.groupId);
      const lags = rows.filter((r) => r.lag !== null).map((r) => BigInt(r.lag!));
      expect(g, g.groupId).toMatchObject({
        partitions: rows.length,
        assignedPartitions: rows.filter((r) => r.consumerId !== null).length,
        lag: lags.length ? lags.reduce((a, b) => a + b, 0n).toString() : null,
      });
    }
    expect(ours.some((g) => g.groupId === moved && g.assignedPartitions === 0)).toBe(true);
    const missing = await callRoute(getTopicGroups, `/api/v1/clusters/local/topics/${topicA}-missing/consumer-groups`, {
      clusterId: 'local',
      topic: `${topicA}-missing`,
    });
    expect(missing.status).toBe(404);
  });

  it('answers 404 for a group that does not exist', async () => {
    const groupId = group('missing');
    const { status, body } = await callRoute(getGroup, `/api/v1/clusters/local/consumer-groups/${groupId}`, {
      clusterId: 'local',
      groupId,
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
