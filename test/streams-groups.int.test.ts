import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteGroup, GET as getGroup } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/route';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { POST as previewReset } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/preview/route';
import { POST as executeReset } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/reset/route';
import { DELETE as deleteOffsets } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/route';
import {
  consumerGroupListResponseSchema,
  streamsGroupDetailResponseSchema,
  topicGroupsResponseSchema,
} from '@/lib/schemas/consumer-groups';
import { GET as getTopicGroups } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/consumer-groups/route';
import type { StreamsGroupDetailResponse } from '@/lib/schemas/consumer-groups';
import { offsetResetResponseSchema } from '@/lib/schemas/offset-reset';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { waitFor } from './support/groups-cli';
import { kcatProduce } from './support/messages-cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';
import { groupTypesFromCli } from './support/share-groups-cli';
import { startStreamsApp, streamsMembersFromCli, streamsOffsetsFromCli, streamsStateFromCli } from './support/streams-groups-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const input = `it-streams-in-${stamp}`;
const output = `it-streams-out-${stamp}`;
const app = `it-streams-app-${stamp}`;
// The streams rebalance protocol is production-ready from Kafka 4.2 (streams.version 1 finalized on the dev 4.x).
const streams = target.mode === 'kraft' && target.version.startsWith('4.');

const params = (groupId?: string) => ({ clusterId: 'local', ...(groupId ? { groupId } : {}) });
async function list(query = '') {
  const { status, body } = await callRoute(getGroups, `/api/v1/clusters/local/consumer-groups${query}`, params());
  expect(status).toBe(200);
  return consumerGroupListResponseSchema.parse(body);
}
async function detail(groupId: string) {
  return callRoute(getGroup, `/api/v1/clusters/local/consumer-groups/${groupId}`, params(groupId));
}
const lines = (count: number) => Array.from({ length: count }, (_, i) => `k${i}:alpha beta ${i % 2 ? 'gamma' : 'delta'}`);
const topics = (...names: string[]) => names.map((n) => ['--topic', n]).flat();
/** A member's tasks as the tool's ASSIGNMENTS column reads them: kind → subtopology → sorted partitions. */
function tasksOf(m: StreamsGroupDetailResponse['members'][number]) {
  const kinds: Record<string, Record<string, number[]>> = {};
  const add = (kind: string, tasks: { subtopologyId: string; partitions: number[] }[]) => {
    if (tasks.length) kinds[kind] = Object.fromEntries(tasks.map((t) => [t.subtopologyId, [...t.partitions].sort((a, b) => a - b)]));
  };
  add('ACTIVE', m.assignment.active);
  add('STANDBY', m.assignment.standby);
  add('WARMUP', m.assignment.warmup);
  add('TARGET-ACTIVE', m.targetAssignment.active);
  add('TARGET-STANDBY', m.targetAssignment.standby);
  add('TARGET-WARMUP', m.targetAssignment.warmup);
  return kinds;
}

describe(`streams groups on ${target.label}`, () => {
  let running: { stop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      ...topics(input),
      '--partitions',
      '2',
      '--replication-factor',
      '2',
    ]);
    if (!streams) return;
    // The dev cluster does not create topics on first use: the counts' topic is made here, the internal ones by the coordinator.
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      ...topics(output),
      '--partitions',
      '2',
      '--replication-factor',
      '2',
    ]);
    kcatProduce(input, lines(10), { partition: 0 });
    kcatProduce(input, lines(6), { partition: 1 });
    running = await startStreamsApp(app, input, output, { threads: 2 });
    await waitFor(
      'the application to process every record',
      () => {
        const rows = streamsOffsetsFromCli(app);
        const state = streamsStateFromCli(app);
        return rows.length === 4 && rows.every((r) => r.lag === '0') && state?.state === 'Stable' && state.members === 2 ? rows : undefined;
      },
      { attempts: 90 },
    );
  }, 180_000);

  afterAll(async () => {
    await running?.stop();
    if (streams && kafkaCli('kafka-streams-groups', ['--bootstrap-server', bootstrap, '--list']).split('\n').includes(app))
      kafkaCli('kafka-streams-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', app, '--delete-all-internal-topics']);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', `${input}|${output}|${app}-.*`]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it.runIf(streams)("describes a running streams group's state, members, tasks and rows as kafka-streams-groups", async () => {
    const { status, body } = await detail(app);
    expect(status).toBe(200);
    const ours = streamsGroupDetailResponseSchema.parse(body);
    const state = streamsStateFromCli(app)!;
    expect({
      state: ours.state,
      coordinatorId: ours.coordinatorId,
      members: ours.members.length,
      ...ours.epochs,
      ...(state.assignor === null ? {} : { assignor: ours.assignor }),
    }).toEqual({
      state: state.state,
      coordinatorId: state.coordinatorId,
      members: state.members,
      groupEpoch: state.groupEpoch,
      targetAssignmentEpoch: state.targetAssignmentEpoch,
      ...(state.assignor === null ? {} : { assignor: state.assignor }),
    });
    expect(
      ours.members
        .map((m) => ({
          targetAssignmentEpoch: ours.epochs.targetAssignmentEpoch,
          topologyEpoch: m.topologyEpoch,
          memberId: m.memberId,
          memberProtocol: m.memberProtocol,
          memberEpoch: m.memberEpoch,
          processId: m.processId,
          clientId: m.clientId,
          tasks: tasksOf(m),
        }))
        .sort((a, b) => (a.memberId < b.memberId ? -1 : 1)),
    ).toEqual(streamsMembersFromCli(app));
    // Two stream threads of one instance: two members of one process.
    expect(new Set(ours.members.map((m) => m.processId)).size).toBe(1);
    expect(ours.offsets).toEqual(streamsOffsetsFromCli(app));
  });

  it.runIf(streams)('shows the topology: source, repartition and changelog topics of each subtopology', async () => {
    const ours = streamsGroupDetailResponseSchema.parse((await detail(app)).body);
    const subtopologies = ours.topology!.subtopologies;
    expect(subtopologies.map((s) => s.subtopologyId).sort()).toEqual(['0', '1']);
    const [first, second] = [...subtopologies].sort((a, b) => (a.subtopologyId < b.subtopologyId ? -1 : 1));
    expect(first).toMatchObject({ sourceTopics: [input], repartitionSinkTopics: [`${app}-words-repartition`], stateChangelogTopics: [] });
    expect(second!.repartitionSourceTopics.map((t) => t.name)).toEqual([`${app}-words-repartition`]);
    expect(second!.stateChangelogTopics.map((t) => t.name)).toEqual([`${app}-word-counts-changelog`]);
    // The coordinator created the internal topics: kafka-topics knows them.
    const known = kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--list']).split('\n');
    expect(known).toEqual(expect.arrayContaining([`${app}-words-repartition`, `${app}-word-counts-changelog`]));
  });

  it('lists streams groups with their type, as kafka-groups --list, and filters them', async () => {
    const ours = await list(`?q=${stamp}`);
    if (!streams) {
      expect(ours.groups.filter((g) => g.type === 'streams')).toEqual([]);
      return;
    }
    const row = ours.groups.find((g) => g.groupId === app)!;
    expect(row.type).toBe(groupTypesFromCli().get(app));
    expect(row).toMatchObject({ type: 'streams', groupProtocol: 'streams', memberCount: 2, totalLag: '0' });
    expect(row.topics).toEqual(expect.arrayContaining([input, `${app}-words-repartition`]));
    const listed = kafkaCli('kafka-streams-groups', ['--bootstrap-server', bootstrap, '--list'])
      .split('\n')
      .map((l) => l.trim())
      .filter((g) => g.includes(String(stamp)));
    expect((await list(`?q=${stamp}&type=streams`)).groups.map((g) => g.groupId)).toEqual(listed);
    // The input topic's page lists the application: both partitions are active tasks' inputs.
    const onTopic = await callRoute(getTopicGroups, `/api/v1/clusters/local/topics/${input}/consumer-groups`, {
      clusterId: 'local',
      topic: input,
    });
    expect(topicGroupsResponseSchema.parse(onTopic.body).groups.find((g) => g.groupId === app)).toMatchObject({
      type: 'streams',
      memberCount: 2,
      partitions: 2,
      assignedPartitions: 2,
      lag: '0',
    });
  });

  it.runIf(streams)('counts produced records as lag once the application stops, and resets its input offsets', async () => {
    await running!.stop();
    running = undefined;
    await waitFor('the group to be empty', () => (streamsStateFromCli(app)?.state === 'Empty' ? true : undefined));
    kcatProduce(input, lines(5), { partition: 0 });
    const ours = streamsGroupDetailResponseSchema.parse((await detail(app)).body);
    expect(ours).toMatchObject({ state: 'Empty', members: [] });
    // The tool lists the active tasks' partitions only (none now); the console keeps showing the commits.
    const inputRows = ours.offsets.filter((r) => r.topic === input);
    expect(inputRows.map((r) => [r.partition, r.currentOffset, r.logEndOffset, r.lag])).toEqual([
      [0, '10', '15', '5'],
      [1, '6', '6', '0'],
    ]);

    const post = (handler: typeof previewReset, action: string, body: unknown) =>
      callRoute(handler, `/api/v1/clusters/local/consumer-groups/${app}/offsets/${action}`, params(app), {
        token: TEST_TOKENS.operator,
        init: { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
      });
    const preview = await post(previewReset, 'preview', { strategy: 'earliest', topics: [input] });
    expect(preview.status).toBe(200);
    const planned = offsetResetResponseSchema
      .parse(preview.body)
      .rows.map(({ topic, partition, newOffset }) => ({ topic, partition, newOffset }));
    const dryRun = kafkaCli('kafka-streams-groups', [
      '--bootstrap-server',
      bootstrap,
      '--reset-offsets',
      '--group',
      app,
      '--input-topic',
      input,
      '--to-earliest',
      '--dry-run',
    ]);
    const cliRows = dryRun
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c[1] === input)
      .map((c) => ({ topic: c[1]!, partition: Number(c[2]), newOffset: c[3]! }))
      .sort((a, b) => a.partition - b.partition);
    expect(planned).toEqual(cliRows);
    expect((await post(previewReset, 'preview', { strategy: 'copy', fromGroupId: 'another' })).status).toBe(422);

    const reset = await post(executeReset, 'reset', { strategy: 'earliest', topics: [input], confirm: app });
    expect(reset.status).toBe(200);
    const after = streamsGroupDetailResponseSchema.parse((await detail(app)).body);
    expect(after.offsets.filter((r) => r.topic === input).map((r) => [r.partition, r.currentOffset, r.lag])).toEqual([
      [0, '0', '15'],
      [1, '0', '6'],
    ]);
  });

  it.runIf(streams)("deletes an input topic's offsets as kafka-streams-groups --delete-offsets does", async () => {
    // The topics of the group's commits, as the tool's dry run of --to-current lists them (GROUP TOPIC PARTITION …).
    const committedTopics = () =>
      new Set(
        kafkaCli('kafka-streams-groups', [
          '--bootstrap-server',
          bootstrap,
          '--reset-offsets',
          '--group',
          app,
          '--all-input-topics',
          '--to-current',
          '--dry-run',
        ])
          .split('\n')
          .map((l) => l.trim().split(/\s+/))
          .filter((c) => c[0] === app)
          .map((c) => c[1]),
      );
    expect(committedTopics().has(input)).toBe(true);
    const init = { method: 'DELETE', body: JSON.stringify({ confirm: app }), headers: { 'content-type': 'application/json' } };
    const deleted = await callRoute(deleteOffsets, `/api/v1/clusters/local/consumer-groups/${app}/offsets?topic=${input}`, params(app), {
      token: TEST_TOKENS.admin,
      init,
    });
    expect(deleted.status).toBe(200);
    expect(committedTopics().has(input)).toBe(false);
    const ours = streamsGroupDetailResponseSchema.parse((await detail(app)).body);
    expect(ours.offsets.filter((r) => r.topic === input)).toEqual([]);
  });

  it.runIf(streams)('deletes the empty streams group as kafka-streams-groups --delete does', async () => {
    const init = { method: 'DELETE', body: JSON.stringify({ confirm: app }), headers: { 'content-type': 'application/json' } };
    const deleted = await callRoute(deleteGroup, `/api/v1/clusters/local/consumer-groups/${app}`, params(app), {
      token: TEST_TOKENS.admin,
      init,
    });
    expect(deleted.status).toBe(200);
    expect(kafkaCli('kafka-streams-groups', ['--bootstrap-server', bootstrap, '--list']).split('\n')).not.toContain(app);
    expect((await detail(app)).status).toBe(404);
  });

  it('answers 404 for a streams group that does not exist', async () => {
    expect((await detail(`it-streams-missing-${stamp}`)).status).toBe(404);
  });
});
