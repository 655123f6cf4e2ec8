// Time lag where interpolation has no answer: a group stopped on a topic that receives no more records. The high
// watermark stands still, so the sampler's table cannot say when the committed offset was written; the record method
// reads the record there. Checked against the timestamp kafka-console-consumer prints for that record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroup } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/route';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { GET as getTopicGroups } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/consumer-groups/route';
import {
  consumerGroupDetailResponseSchema,
  consumerGroupListResponseSchema,
  topicGroupsResponseSchema,
} from '@/lib/schemas/consumer-groups';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { getLagSampler, startLagSampler, stopLagSampler } from '@/server/sampling/sampler';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { kcatProduce } from './support/messages-cli';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const topic = `it-idle-${stamp}`;
const group = `it-idle-group-${stamp}`;

function recordTimestamp(partition: number, offset: string): number {
  const out = kafkaCli('kafka-console-consumer', [
    '--bootstrap-server',
    bootstrap,
    '--topic',
    topic,
    '--partition',
    String(partition),
    '--offset',
    offset,
    '--max-messages',
    '1',
    '--property',
    'print.timestamp=true',
    '--timeout-ms',
    '30000',
  ]);
  return Number(out.match(/CreateTime:(\d+)/)![1]);
}

const detail = async () =>
  consumerGroupDetailResponseSchema.parse(
    (await callRoute(getGroup, `/api/v1/clusters/local/consumer-groups/${group}`, { clusterId: 'local', groupId: group })).body,
  );

describe(`time lag by the record at the committed offset on ${target.label}`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '2',
      '--replication-factor',
      '2',
    ]);
    for (let i = 0; i < 5; i += 1)
      kcatProduce(
        topic,
        Array.from({ length: 10 }, (_, j) => `k${i}:record ${i * 10 + j}`),
        { partition: 0, compression: 'lz4' },
      );
    kcatProduce(
      topic,
      Array.from({ length: 30 }, (_, j) => `k:other ${j}`),
      { partition: 1 },
    );
    // A group with commits and no members: 30 behind on partition 0, caught up on partition 1.
    for (const [partition, offset] of [
      [0, 20],
      [1, 30],
    ]) {
      kafkaCli('kafka-consumer-groups', [
        '--bootstrap-server',
        bootstrap,
        '--group',
        group,
        '--reset-offsets',
        '--topic',
        `${topic}:${partition}`,
        '--to-offset',
        String(offset),
        '--execute',
      ]);
    }
    await startLagSampler('local', { intervalMs: 1_000, window: 3, allowedLag: 0 });
    await getLagSampler('local')!.passNow();
    await getLagSampler('local')!.passNow();
  }, 120_000);
  afterAll(async () => {
    await stopLagSampler('local');
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', group]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
  });

  it('is now − the timestamp of the record at the committed offset, never "0 s" while the partition lags', async () => {
    const body = await detail();
    const [behind, caughtUp] = body.offsets;
    expect([behind!.partition, behind!.lag, caughtUp!.partition, caughtUp!.lag]).toEqual([0, '30', 1, '0']);
    expect(behind!.timeLagMethod).toBe('record');
    expect(behind!.timeLagMs).toBe(body.asOf - recordTimestamp(0, '20'));
    expect([caughtUp!.timeLagMs, caughtUp!.timeLagMethod]).toEqual([0, null]);
    expect(body.maxTimeLagMs).toBe(behind!.timeLagMs);
    expect(body.maxTimeLagIsLowerBound).toBe(false);
    // Read with a Fetch of the records channel (counted like every Kafka request of the cluster).
    expect(requestCounts('local').Fetch?.requests ?? 0).toBeGreaterThan(0);
  });

  it('the groups list and the topic page show the same figure; the record is read once, then cached', async () => {
    await getLagSampler('local')!.passNow();
    const before = requestCounts('local');
    const list = consumerGroupListResponseSchema.parse(
      (await callRoute(getGroups, `/api/v1/clusters/local/consumer-groups?q=${group}`, { clusterId: 'local' })).body,
    );
    const summary = list.groups.find((g) => g.groupId === group)!;
    const body = await detail();
    expect(summary.maxTimeLagMs).toBe(list.asOf - recordTimestamp(0, '20'));
    expect(summary.maxTimeLagIsLowerBound).toBe(false);
    const onTopic = topicGroupsResponseSchema.parse(
      (await callRoute(getTopicGroups, `/api/v1/clusters/local/topics/${topic}/consumer-groups`, { clusterId: 'local', topic })).body,
    );
    expect(onTopic.groups.find((g) => g.groupId === group)!.maxTimeLagMs).toBeGreaterThan(0);
    expect(body.offsets[0]!.timeLagMethod).toBe('record');
    expect(requestDelta(before, requestCounts('local')).Fetch ?? 0).toBe(0);
  });
});
