import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteGroup, GET as getGroup } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/route';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { consumerGroupListResponseSchema, shareGroupDetailResponseSchema, topicGroupsResponseSchema } from '@/lib/schemas/consumer-groups';
import { GET as getTopicGroups } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/consumer-groups/route';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { startConsumer, waitFor } from './support/groups-cli';
import { kcatProduce } from './support/messages-cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';
import { POST as previewReset } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/preview/route';
import { POST as executeReset } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/reset/route';
import { DELETE as deleteOffsets } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/route';
import { offsetResetResponseSchema } from '@/lib/schemas/offset-reset';
import {
  groupTypesFromCli,
  shareMembersFromCli,
  shareOffsetsFromCli,
  shareResetDryRunFromCli,
  shareStateFromCli,
} from './support/share-groups-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const topic = `it-share-${stamp}`;
const share = `it-share-group-${stamp}`;
const classic = `it-share-classic-${stamp}`;
// Share groups are production-ready from Kafka 4.1 (share.version 1 finalized on the dev cluster's 4.x).
const shares = target.mode === 'kraft' && target.version.startsWith('4.');

const params = (groupId?: string) => ({ clusterId: 'local', ...(groupId ? { groupId } : {}) });
async function list(query = '') {
  const { status, body } = await callRoute(getGroups, `/api/v1/clusters/local/consumer-groups${query}`, params());
  expect(status).toBe(200);
  return consumerGroupListResponseSchema.parse(body);
}
async function detail(groupId: string) {
  const { status, body } = await callRoute(getGroup, `/api/v1/clusters/local/consumer-groups/${groupId}`, params(groupId));
  return { status, body };
}
/** `count` records onto one partition (kcat), so that which partitions have share state is known. */
const produce = (partition: number, count: number) =>
  kcatProduce(
    topic,
    Array.from({ length: count }, (_, i) => `k${i}:v${i}`),
    { partition },
  );

describe(`share groups on ${target.label}`, () => {
  const consumers: { stop: () => Promise<void> }[] = [];

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
    for (const partition of [0, 1, 2]) produce(partition, 20);
    // A classic group with offsets only, for the type filter.
    kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--group',
      classic,
      '--topic',
      topic,
      '--reset-offsets',
      '--to-earliest',
      '--execute',
    ]);
    if (!shares) return;
    // From the earliest record (a share group starts at the latest by default), so that start offsets move.
    kafkaCli('kafka-configs', [
      '--bootstrap-server',
      bootstrap,
      '--alter',
      '--entity-type',
      'groups',
      '--entity-name',
      share,
      '--add-config',
      'share.auto.offset.reset=earliest',
    ]);
    consumers.push(startConsumer(topic, share, { 'client.id': `share-client-${stamp}` }, { share: true }));
    await waitFor(
      'the share consumer to acknowledge every record',
      () => {
        const rows = shareOffsetsFromCli(share);
        // Acknowledged records count out of the lag at once; the start offset the coordinator persists may follow later.
        return rows.length === 3 &&
          rows.every((r) => r.startOffset !== null && r.lag === '0') &&
          shareStateFromCli(share)?.state === 'Stable'
          ? rows
          : undefined;
      },
      { attempts: 60 },
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', classic]);
    // Deleted by the test above; again here only if it failed before that.
    if (shares && kafkaCli('kafka-share-groups', ['--bootstrap-server', bootstrap, '--list']).includes(share))
      kafkaCli('kafka-share-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', share]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it.runIf(shares)("describes a live share group's members, state and rows as kafka-share-groups --describe", async () => {
    const { status, body } = await detail(share);
    expect(status).toBe(200);
    const ours = shareGroupDetailResponseSchema.parse(body);
    const state = shareStateFromCli(share)!;
    expect({ state: ours.state, coordinatorId: ours.coordinatorId, members: ours.members.length, ...ours.epochs }).toEqual({
      state: state.state,
      coordinatorId: state.coordinatorId,
      members: state.members,
      groupEpoch: state.groupEpoch,
      targetAssignmentEpoch: state.assignmentEpoch,
    });
    const assignment = (rows: { topic: string; partition: number }[]) =>
      rows.length
        ? `${topic}:${rows
            .map((r) => r.partition)
            .sort((a, b) => a - b)
            .join(',')}`
        : '';
    expect(
      ours.members.map((m) => ({
        memberId: m.memberId,
        host: m.host,
        clientId: m.clientId,
        partitions: m.assignments.length,
        memberEpoch: m.memberEpoch,
        assignment: assignment(m.assignments),
      })),
    ).toEqual(shareMembersFromCli(share));
    expect(ours.members[0]).toMatchObject({ clientId: `share-client-${stamp}`, subscribedTopicNames: [topic] });
    expect(ours.offsets).toEqual(shareOffsetsFromCli(share));
    expect(ours.offsets.map((r) => r.lag)).toEqual(['0', '0', '0']);
  });

  it.runIf(shares)('shows the lag of records produced while nobody consumes, as the tool does', async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    produce(2, 30);
    const cli = await waitFor('the new records to show as lag', () => {
      const rows = shareOffsetsFromCli(share);
      return rows.reduce((n, r) => n + BigInt(r.lag ?? 0), 0n) === 30n ? rows : undefined;
    });
    const ours = shareGroupDetailResponseSchema.parse((await detail(share)).body);
    expect(ours.offsets).toEqual(cli);
    expect(cli.map((r) => r.lag)).toEqual(['0', '0', '30']);
    expect(ours.state).toBe('Empty');
    const row = (await list(`?q=${share}`)).groups[0]!;
    expect(row).toMatchObject({ groupId: share, type: 'share', groupProtocol: 'share', memberCount: 0, totalLag: '30', topics: [topic] });
    // The topic's page lists the share group with the classic one, each with its lag on the topic.
    const onTopic = await callRoute(getTopicGroups, `/api/v1/clusters/local/topics/${topic}/consumer-groups`, {
      clusterId: 'local',
      topic,
    });
    const byId = new Map(topicGroupsResponseSchema.parse(onTopic.body).groups.map((g) => [g.groupId, g]));
    expect(byId.get(share)).toMatchObject({ type: 'share', memberCount: 0, partitions: 3, assignedPartitions: 0, lag: '30' });
    expect(byId.get(classic)).toMatchObject({ type: 'classic', partitions: 3 });
  });

  it.runIf(shares)(
    'previews a start offset reset as --reset-offsets --dry-run, executes it, and refuses what the tool has not',
    async () => {
      const post = (handler: typeof previewReset, action: string, body: unknown, token: string = TEST_TOKENS.operator) =>
        callRoute(handler, `/api/v1/clusters/local/consumer-groups/${share}/offsets/${action}`, params(share), {
          token,
          init: { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
        });
      for (const [strategy, spec] of [
        ['earliest', ['--to-earliest']],
        ['latest', ['--to-latest']],
      ] as const) {
        const preview = await post(previewReset, 'preview', { strategy, topics: [topic] });
        expect(preview.status).toBe(200);
        const rows = offsetResetResponseSchema
          .parse(preview.body)
          .rows.map(({ topic, partition, newOffset }) => ({ topic, partition, newOffset }));
        expect(rows, strategy).toEqual(shareResetDryRunFromCli(share, topic, [...spec]));
      }
      expect((await post(previewReset, 'preview', { strategy: 'shift', shiftBy: 1 })).status).toBe(422);

      const reset = await post(executeReset, 'reset', { strategy: 'latest', topics: [topic], confirm: share });
      expect(reset.status).toBe(200);
      const rows = await waitFor('the start offsets to be the log end', () => {
        const cli = shareOffsetsFromCli(share);
        return cli.every((r) => r.lag === '0') ? cli : undefined;
      });
      expect(rows.map((r) => r.startOffset)).toEqual(['20', '20', '50']);
      expect(shareGroupDetailResponseSchema.parse((await detail(share)).body).offsets).toEqual(rows);
    },
  );

  it('lists every type as kafka-groups --list, and filters by type as kafka-consumer-groups --list does', async () => {
    const ours = new Map((await list(`?q=${stamp}`)).groups.map((g) => [g.groupId, g.type]));
    const mine = [classic, ...(shares ? [share] : [])];
    if (shares) {
      const cli = groupTypesFromCli();
      expect(Object.fromEntries(mine.map((g) => [g, ours.get(g)]))).toEqual(Object.fromEntries(mine.map((g) => [g, cli.get(g)])));
    }
    expect(ours.get(classic)).toBe('classic');
    const consumerList = new Set(
      kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--list'])
        .split('\n')
        .map((l) => l.trim()),
    );
    const consumerTypes = (await list(`?q=${stamp}&type=classic,consumer`)).groups.map((g) => g.groupId);
    expect(consumerTypes.filter((g) => mine.includes(g))).toEqual(mine.filter((g) => consumerList.has(g)));
    expect((await list(`?q=${stamp}&type=share`)).groups.map((g) => g.groupId)).toEqual(shares ? [share] : []);
    expect((await list(`?q=${stamp}`)).byType).toEqual({ classic: 1, consumer: 0, share: shares ? 1 : 0, streams: 0 });
    const refused = await callRoute(getGroups, '/api/v1/clusters/local/consumer-groups?type=connect', params());
    expect(refused.status).toBe(422);
  });

  it.runIf(shares)("deletes a topic's start offsets as kafka-share-groups --delete-offsets does", async () => {
    const init = { method: 'DELETE', body: JSON.stringify({ confirm: share }), headers: { 'content-type': 'application/json' } };
    const call = (token: string) =>
      callRoute(deleteOffsets, `/api/v1/clusters/local/consumer-groups/${share}/offsets?topic=${topic}`, params(share), { token, init });
    expect((await call(TEST_TOKENS.operator)).status).toBe(403);
    expect(shareOffsetsFromCli(share)).toHaveLength(3);
    const deleted = await call(TEST_TOKENS.admin);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ groupId: share, topic, partitions: [0, 1, 2] });
    // The tool lists no share-partition of the topic any more; neither does the console.
    expect(shareOffsetsFromCli(share)).toEqual([]);
    expect(shareGroupDetailResponseSchema.parse((await detail(share)).body).offsets).toEqual([]);
  });

  it.runIf(shares)('deletes the empty share group as kafka-share-groups --delete does', async () => {
    const init = { method: 'DELETE', body: JSON.stringify({ confirm: share }), headers: { 'content-type': 'application/json' } };
    const deleted = await callRoute(deleteGroup, `/api/v1/clusters/local/consumer-groups/${share}`, params(share), {
      token: TEST_TOKENS.admin,
      init,
    });
    expect(deleted.status).toBe(200);
    expect(kafkaCli('kafka-share-groups', ['--bootstrap-server', bootstrap, '--list']).split('\n')).not.toContain(share);
    expect((await detail(share)).status).toBe(404);
  });

  it('answers 404 for a share group that does not exist', async () => {
    expect((await detail(`it-share-missing-${stamp}`)).status).toBe(404);
  });
});
