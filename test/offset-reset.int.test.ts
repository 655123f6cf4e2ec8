import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from '@/server/kafka/kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteGroupRoute, GET as getGroup } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/route';
import { POST as previewRoute } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/preview/route';
import { POST as resetRoute } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/reset/route';
import { DELETE as deleteOffsetsRoute } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/offsets/route';
import { GET as getPermissions } from '@/app/api/v1/clusters/[clusterId]/permissions/route';
import { consumerGroupDetailResponseSchema } from '@/lib/schemas/consumer-groups';
import { offsetResetResponseSchema, type OffsetResetInput } from '@/lib/schemas/offset-reset';
import { listAudit } from '@/server/audit/store';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { onGroupCoordinator } from '@/server/lag/group-coordinator';
import { commitOffsets } from '@/server/protocol/offset-commit';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { groupOffsetsFromCli, groupStatesFromCli, startConsumer, waitFor } from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { deleteRecords } from './support/records-cli';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const kafka4 = target.version.startsWith('4.');
const stamp = Date.now();
const topicA = `it-reset-a-${stamp}`;
const topicB = `it-reset-b-${stamp}`;
const group = `it-reset-g-${stamp}`;
const source = `it-reset-src-${stamp}`;
const live = `it-reset-live-${stamp}`;
const kip848 = `it-reset-kip848-${stamp}`;
const liveGroups = [live, ...(kafka4 ? [kip848] : [])];
const consumers: { stop(): Promise<void> }[] = [];

/** Record times: a first half two hours ago, a second half one hour ago; MIDDLE falls between them. */
const OLD = stamp - 2 * 3_600_000;
const NEW = stamp - 3_600_000;
const MIDDLE = stamp - 90 * 60_000;

type Row = { topic: string; partition: number; newOffset: string };
const sortRows = <T extends { topic: string; partition: number }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));

/**
 * `kafka-consumer-groups --reset-offsets --dry-run` rows (GROUP TOPIC PARTITION NEW-OFFSET), sorted. Read as a stream of
 * cells after the header: 3.9.2's Java tool prints the whole table on one line (4.x one row per line).
 */
function dryRunFromCli(groupId: string, args: string[]): Row[] {
  const out = kafkaCli('kafka-consumer-groups', [
    '--bootstrap-server',
    bootstrap,
    '--reset-offsets',
    '--group',
    groupId,
    ...args,
    '--dry-run',
  ]);
  const cells = out.split(/\s+/).filter(Boolean);
  const header = cells.findIndex((cell, i) => cell === 'GROUP' && cells.slice(i, i + 4).join(' ') === 'GROUP TOPIC PARTITION NEW-OFFSET');
  const rows: Row[] = [];
  for (let i = header + 4; header >= 0 && cells[i] === groupId && i + 3 < cells.length; i += 4) {
    rows.push({ topic: cells[i + 1]!, partition: Number(cells[i + 2]), newOffset: cells[i + 3]! });
  }
  return sortRows(rows);
}

/** --from-file's CSV (topic,partition,offset) from a group's committed offsets as --describe prints them. */
function planFileOf(groupId: string, keep: (row: { topic: string; partition: number }) => boolean) {
  const lines = groupOffsetsFromCli([groupId])
    .filter((r) => r.currentOffset !== null && keep(r))
    .map((r) => `${r.topic},${r.partition},${r.currentOffset}`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'reset-plan-')), 'plan.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const committedFromCli = (groupId: string) =>
  sortRows(groupOffsetsFromCli([groupId]).filter((r) => r.currentOffset !== null)).map((r) => ({
    topic: r.topic,
    partition: r.partition,
    offset: r.currentOffset,
  }));

const url = (groupId: string, suffix: string) => `/api/v1/clusters/local/consumer-groups/${encodeURIComponent(groupId)}${suffix}`;
const json = (body: unknown, method = 'POST') => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const preview = (groupId: string, input: Partial<OffsetResetInput>, token: string = TEST_TOKENS.operator) =>
  callRoute(previewRoute, url(groupId, '/offsets/preview'), { clusterId: 'local', groupId }, { token, init: json(input) });
const reset = (groupId: string, input: Partial<OffsetResetInput> & { confirm?: string }, token: string = TEST_TOKENS.operator) =>
  callRoute(
    resetRoute,
    url(groupId, '/offsets/reset'),
    { clusterId: 'local', groupId },
    { token, init: json({ confirm: groupId, ...input }) },
  );

/** Each strategy and scope, with the CLI flags that mean the same. */
type Case = { name: string; input: Partial<OffsetResetInput> & { strategy: OffsetResetInput['strategy'] }; cli: () => string[] };
const CASES: Case[] = [
  { name: 'earliest, whole group (--all-topics)', input: { strategy: 'earliest' }, cli: () => ['--all-topics', '--to-earliest'] },
  { name: 'latest, one topic (--topic t)', input: { strategy: 'latest', topics: [topicA] }, cli: () => ['--topic', topicA, '--to-latest'] },
  {
    name: 'offset, chosen partitions, clamped both ways (--topic t:0,2 --topic u:1)',
    input: {
      strategy: 'offset',
      offset: '3',
      partitions: [
        { topic: topicA, partition: 0 },
        { topic: topicA, partition: 2 },
        { topic: topicB, partition: 1 },
      ],
    },
    cli: () => ['--topic', `${topicA}:0,2`, '--topic', `${topicB}:1`, '--to-offset', '3'],
  },
  {
    name: 'shift back past the log start, whole group',
    input: { strategy: 'shift', shiftBy: -100 },
    cli: () => ['--all-topics', '--shift-by', '-100'],
  },
  {
    name: 'shift forward past the end, two topics',
    input: { strategy: 'shift', shiftBy: 7, topics: [topicA, topicB] },
    cli: () => ['--topic', topicA, '--topic', topicB, '--shift-by', '7'],
  },
  {
    name: 'timestamp between the two halves, one topic (empty partition → end)',
    input: { strategy: 'timestamp', timestamp: MIDDLE, topics: [topicA] },
    cli: () => ['--topic', topicA, '--to-datetime', new Date(MIDDLE).toISOString()],
  },
  {
    name: 'timestamp after every record → the log end',
    input: { strategy: 'timestamp', timestamp: stamp + 86_400_000, partitions: [{ topic: topicB, partition: 0 }] },
    cli: () => ['--topic', `${topicB}:0`, '--to-datetime', new Date(stamp + 86_400_000).toISOString()],
  },
  {
    name: 'copy from another group, whole group (--from-file)',
    input: { strategy: 'copy', fromGroupId: source },
    cli: () => ['--from-file', planFileOf(source, () => true)],
  },
  {
    name: 'copy from a group lacking some of the chosen partitions',
    input: {
      strategy: 'copy',
      fromGroupId: source,
      partitions: [
        { topic: topicA, partition: 0 },
        { topic: topicA, partition: 1 },
      ],
    },
    cli: () => ['--from-file', planFileOf(source, (r) => r.topic === topicA && r.partition <= 1)],
  },
];

describe(`offset reset, delete offsets and delete group on ${target.label}, against kafka-consumer-groups`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topicA,
      '--partitions',
      '3',
      '--replication-factor',
      '2',
    ]);
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topicB,
      '--partitions',
      '2',
      '--replication-factor',
      '2',
    ]);
    const client = new Kafka({ clientId: 'it-reset', brokers: target.bootstrap, logLevel: logLevel.NOTHING });
    const producer = client.producer();
    await producer.connect();
    const records = (partition: number, count: number, timestamp: number) =>
      Array.from({ length: count }, (_, i) => ({ partition, value: `r${i}`, timestamp: String(timestamp + i) }));
    // 10 old records then 10 new ones; A-2 stays empty; B-0 and B-1: 6 new records each.
    await producer.send({ topic: topicA, acks: -1, messages: [...records(0, 10, OLD), ...records(1, 10, OLD)] });
    await producer.send({ topic: topicA, acks: -1, messages: [...records(0, 10, NEW), ...records(1, 10, NEW)] });
    await producer.send({ topic: topicB, acks: -1, messages: [...records(0, 6, NEW), ...records(1, 6, NEW)] });
    await producer.disconnect();
    deleteRecords(topicA, { 0: '5' }); // A-0's log start is 5
    const execute = (groupId: string, args: string[]) =>
      kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--reset-offsets', '--group', groupId, ...args, '--execute']);
    execute(group, ['--topic', `${topicA}:0,1`, '--to-offset', '8']);
    execute(group, ['--topic', topicB, '--to-offset', '2']);
    execute(source, ['--topic', `${topicA}:1`, '--to-offset', '15']);
    execute(source, ['--topic', `${topicB}:0`, '--to-offset', '3']);
    consumers.push(startConsumer(topicA, live, { 'client.id': `live-${stamp}` }));
    if (kafka4) consumers.push(startConsumer(topicA, kip848, { 'client.id': `kip848-${stamp}`, 'group.protocol': 'consumer' }));
    await waitFor(
      'live groups to be Stable',
      () => (groupStatesFromCli(liveGroups).every((s) => s.state === 'Stable' && s.members === 1) ? true : undefined),
      { attempts: 60 },
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    const tryCli = (tool: string, args: string[]) => {
      try {
        kafkaCli(tool, ['--bootstrap-server', bootstrap, ...args]);
      } catch {
        // Already gone (the tests delete `group` themselves).
      }
    };
    for (const g of [group, source, ...liveGroups]) tryCli('kafka-consumer-groups', ['--delete', '--group', g]);
    for (const topic of [topicA, topicB]) tryCli('kafka-topics', ['--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it('refuses what the CLI refuses, and bad input, with 422 and field errors', async () => {
    const before = committedFromCli(group);
    const cases: [Partial<OffsetResetInput>, string][] = [
      [{ strategy: 'offset' }, 'offset'],
      [{ strategy: 'earliest', topics: [`${topicA}-missing`] }, 'topics'],
      [{ strategy: 'earliest', partitions: [{ topic: topicA, partition: 3 }] }, 'partitions'],
      // A-2 has no committed offset: "Cannot shift offset for partition … since there is no current committed offset".
      [{ strategy: 'shift', shiftBy: 1, topics: [topicA] }, 'shiftBy'],
      [{ strategy: 'copy', fromGroupId: group }, 'fromGroupId'],
    ];
    for (const [input, field] of cases) {
      const { status, body } = await preview(group, input);
      expect(status, JSON.stringify(input)).toBe(422);
      expect(body).toMatchObject({ error: { code: 'VALIDATION', fieldErrors: { [field]: expect.any(Array) } } });
    }
    const wrong = await reset(group, { strategy: 'earliest', confirm: `${group}-typo` });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ error: { code: 'VALIDATION', fieldErrors: { confirm: expect.any(Array) } } });
    expect(committedFromCli(group)).toEqual(before);
  });

  it('refuses viewers (403) and changes nothing', async () => {
    const before = committedFromCli(group);
    expect((await preview(group, { strategy: 'earliest' }, TEST_TOKENS.viewer)).status).toBe(403);
    const refused = await reset(group, { strategy: 'earliest' }, TEST_TOKENS.viewer);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(committedFromCli(group)).toEqual(before);
  });

  it('refuses every change on a read-only cluster, even for admins, and says what each role may do', async () => {
    const params = { clusterId: 'down', groupId: group };
    const refused = await callRoute(resetRoute, '/api/v1/clusters/down/consumer-groups/g/offsets/reset', params, {
      token: TEST_TOKENS.admin,
      init: json({ strategy: 'earliest', confirm: group }),
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('read-only') } });
    const permissions = async (clusterId: string, token: string) =>
      (await callRoute(getPermissions, `/api/v1/clusters/${clusterId}/permissions`, { clusterId }, { token })).body as {
        permissions: string[];
      };
    expect((await permissions('local', TEST_TOKENS.viewer)).permissions).toEqual(['read']);
    expect((await permissions('local', TEST_TOKENS.operator)).permissions).toEqual(['read', 'browseMessages', 'resetOffsets']);
    expect((await permissions('local', TEST_TOKENS.admin)).permissions).toEqual(expect.arrayContaining(['reassign', 'manageGroups']));
    expect((await permissions('down', TEST_TOKENS.admin)).permissions).toEqual(['read', 'browseMessages', 'administer']);
  });

  for (const c of CASES) {
    it(`${c.name}: preview = --dry-run, then --describe shows the reset`, async () => {
      const cliRows = dryRunFromCli(group, c.cli());
      const previewed = await preview(group, c.input);
      expect(previewed.status, JSON.stringify(previewed.body)).toBe(200);
      const plan = offsetResetResponseSchema.parse(previewed.body);
      expect(plan.rows.map(({ topic, partition, newOffset }) => ({ topic, partition, newOffset }))).toEqual(cliRows);
      expect(cliRows.length).toBeGreaterThan(0);

      const done = await reset(group, c.input);
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(offsetResetResponseSchema.parse(done.body).rows).toEqual(plan.rows);
      const described = groupOffsetsFromCli([group]);
      for (const row of plan.rows) {
        const after = described.find((r) => r.topic === row.topic && r.partition === row.partition);
        expect(after, `${row.topic}-${row.partition}`).toMatchObject({ currentOffset: row.newOffset, lag: row.lagAfter });
      }
      // The group page's next read already shows it (the snapshot was refreshed after the commit).
      const page = await callRoute(getGroup, url(group, ''), { clusterId: 'local', groupId: group });
      const offsets = consumerGroupDetailResponseSchema.parse(page.body).offsets;
      for (const row of plan.rows)
        expect(offsets.find((r) => r.topic === row.topic && r.partition === row.partition)?.currentOffset).toBe(row.newOffset);
    });
  }

  it('refuses a group with live members (409), as the CLI does, and commits nothing', async () => {
    for (const groupId of liveGroups) {
      // "Assignments can only be reset if the group '…' is inactive": no rows, even for a dry run.
      expect(dryRunFromCli(groupId, ['--all-topics', '--to-earliest'])).toEqual([]);
      const before = committedFromCli(groupId);
      const previewed = await preview(groupId, { strategy: 'earliest' });
      expect(previewed.status, groupId).toBe(409);
      expect(previewed.body).toMatchObject({ error: { code: 'CONFLICT' } });
      const refused = await reset(groupId, { strategy: 'earliest', topics: [topicA] });
      expect(refused.status, groupId).toBe(409);
      expect(committedFromCli(groupId)).toEqual(before);
    }
  });

  it('Kafka itself refuses a simple-member commit on a live group with an error the console answers 409 for', async () => {
    for (const groupId of liveGroups) {
      const response = await withKafka('local', (connection) =>
        onGroupCoordinator(connection, groupId, (broker) =>
          commitOffsets(broker, {
            groupId,
            generationIdOrMemberEpoch: -1,
            memberId: '',
            topics: [{ name: topicA, partitions: [{ partition: 0, offset: 5n }] }],
          }),
        ),
      );
      const code = response.topics[0]?.partitions[0]?.errorCode;
      // Classic: UNKNOWN_MEMBER_ID (25); KIP-848: UNKNOWN_MEMBER_ID or STALE_MEMBER_EPOCH (113).
      expect([25, 113], `${groupId}: ${code}`).toContain(code);
    }
  });

  it('deletes a group’s offsets for one topic (admin only, confirmed; 409 while a live member reads it)', async () => {
    const del = (groupId: string, topic: string, confirm: string, token: string = TEST_TOKENS.admin) =>
      callRoute(
        deleteOffsetsRoute,
        url(groupId, `/offsets?topic=${topic}`),
        { clusterId: 'local', groupId },
        { token, init: json({ confirm }, 'DELETE') },
      );
    expect((await del(group, topicB, group, TEST_TOKENS.operator)).status).toBe(403);
    expect((await del(group, topicB, 'nope')).status).toBe(422);
    expect(committedFromCli(group).some((r) => r.topic === topicB)).toBe(true);
    const done = await del(group, topicB, group);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ groupId: group, topic: topicB, partitions: [0, 1] });
    expect(committedFromCli(group).filter((r) => r.topic === topicB)).toEqual([]);
    expect(committedFromCli(group).some((r) => r.topic === topicA)).toBe(true);
    const busy = await del(live, topicA, live);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await del(group, `${topicB}-missing`, group)).status).toBe(404);
  });

  it('deletes a group (admin only, confirmed; 409 while it has members; 404 once gone)', async () => {
    const del = (groupId: string, confirm: string, token: string = TEST_TOKENS.admin) =>
      callRoute(deleteGroupRoute, url(groupId, ''), { clusterId: 'local', groupId }, { token, init: json({ confirm }, 'DELETE') });
    const listed = () =>
      kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--list'])
        .split('\n')
        .map((l) => l.trim());
    expect((await del(group, group, TEST_TOKENS.operator)).status).toBe(403);
    expect((await del(group, group.toUpperCase())).status).toBe(422);
    const busy = await del(live, live);
    expect(busy.status).toBe(409);
    expect(listed()).toContain(live);
    const done = await del(group, group);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(listed()).not.toContain(group);
    expect((await del(group, group)).status).toBe(404);
  });

  it('writes an audit entry for every change and every refusal', async () => {
    const { entries } = await listAudit({ action: 'consumer-groups.', clusterId: 'local', limit: 500 });
    // Refusals (403) are recorded before the target is known: they name the group in the request path.
    const about = (groupId: string) => (e: (typeof entries)[number]) =>
      e.target === groupId || String(e.summary.path ?? '').includes(`/consumer-groups/${groupId}`);
    const mine = entries.filter((e) => about(group)(e) || liveGroups.some((g) => about(g)(e)));
    const count = (action: string, outcome: string, status?: number) =>
      mine.filter((e) => e.action === action && e.outcome === outcome && (status === undefined || e.status === status)).length;
    expect(count('consumer-groups.offsets.reset', 'success')).toBe(CASES.length);
    expect(count('consumer-groups.offsets.preview', 'success')).toBe(CASES.length);
    expect(count('consumer-groups.offsets.reset', 'failed', 409)).toBe(liveGroups.length);
    expect(count('consumer-groups.offsets.preview', 'failed', 409)).toBe(liveGroups.length);
    expect(count('consumer-groups.offsets.reset', 'failed', 422)).toBe(1);
    expect(mine.some((e) => e.action === 'consumer-groups.offsets.reset' && e.outcome === 'denied' && e.status === 403)).toBe(true);
    expect(count('consumer-groups.offsets.delete', 'success')).toBe(1);
    expect(count('consumer-groups.delete', 'success')).toBe(1);
    expect(count('consumer-groups.delete', 'failed', 409)).toBe(1);
    const resetEntry = mine.find((e) => e.action === 'consumer-groups.offsets.reset' && e.outcome === 'success');
    expect(resetEntry).toMatchObject({ actor: 'operator', role: 'operator', clusterId: 'local' });
  });
});
