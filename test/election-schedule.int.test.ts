// A scheduled preferred leader election against Kafka: a topic whose leaders are not the preferred replicas (its
// replicas reordered with kafka-reassign-partitions), a schedule set through the API, and the run that falls due —
// after which kafka-topics --describe shows the preferred replicas leading.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DELETE as deleteSchedule,
  GET as getSchedule,
  PUT as putSchedule,
} from '@/app/api/v1/clusters/[clusterId]/leader-election/schedule/route';
import { electionScheduleResponseSchema } from '@/lib/schemas/reassignments';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { runDueElections } from '@/server/reassign/election-schedule';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli, parseTopicsDescribe } from './support/cli';
import { waitFor } from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-election-schedule-${Date.now()}`;
const params = { clusterId: 'local' };
const URL_PATH = '/api/v1/clusters/local/leader-election/schedule';
const put = (body: unknown, token: string = TEST_TOKENS.admin) =>
  callRoute(putSchedule, URL_PATH, params, {
    token,
    init: { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
  });
const describeTopic = () =>
  parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic]));

describe(`scheduled preferred leader election on ${target.label}`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--create', '--topic', topic, '--replica-assignment', '1:2,2:3']);
    // Same brokers in the other order: nothing to copy, the leaders stay, so they are no longer the preferred ones.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'election-')), 'plan.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        partitions: [
          { topic, partition: 0, replicas: [2, 1] },
          { topic, partition: 1, replicas: [3, 2] },
        ],
      }),
    );
    kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, '--execute', '--reassignment-json-file', file]);
    await waitFor('the reordered replicas with the old leaders', () => {
      const parts = describeTopic();
      return parts.map((p) => `${p.replicas.join(',')}/${p.leader}`).join(' ') === '2,1/1 3,2/2' ? true : undefined;
    });
  }, 120_000);
  afterAll(async () => {
    await callRoute(deleteSchedule, URL_PATH, params, { token: TEST_TOKENS.admin, init: { method: 'DELETE' } });
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 60_000);

  it('is set by admins only, within bounds', async () => {
    expect((await put({ everyMinutes: 60 }, TEST_TOKENS.operator)).status).toBe(403);
    const tooOften = await put({ everyMinutes: 1 });
    expect(tooOften.status).toBe(422);
    const { status, body } = await put({ everyMinutes: 60, topics: [topic] });
    expect(status).toBe(200);
    const { schedule } = electionScheduleResponseSchema.parse(body);
    expect(schedule).toMatchObject({
      clusterId: 'local',
      everyMinutes: 60,
      topics: [topic],
      createdBy: 'admin',
      lastRunAt: null,
      lastResult: null,
    });
    expect(schedule!.nextRunAt - schedule!.updatedAt).toBe(60 * 60_000);
  });

  it('elects the preferred leaders when the run falls due, and says what it did', async () => {
    const { body } = await callRoute(getSchedule, URL_PATH, params);
    const { nextRunAt } = electionScheduleResponseSchema.parse(body).schedule!;
    expect(await runDueElections(nextRunAt - 1)).toEqual([]);
    const [run, ...others] = await runDueElections(nextRunAt);
    expect(others).toEqual([]);
    expect(run).toEqual({ clusterId: 'local', result: { elected: 2, alreadyPreferred: 0, failed: 0 } });
    const leaders = await waitFor('the preferred replicas to lead', () => {
      const parts = describeTopic();
      return parts.every((p) => p.leader === p.replicas[0]) ? parts.map((p) => p.leader) : undefined;
    });
    expect(leaders).toEqual([2, 3]);
    const after = electionScheduleResponseSchema.parse((await callRoute(getSchedule, URL_PATH, params)).body).schedule!;
    expect(after).toMatchObject({
      lastRunAt: nextRunAt,
      nextRunAt: nextRunAt + 60 * 60_000,
      lastResult: { elected: 2, alreadyPreferred: 0, failed: 0 },
    });
    // The next run finds nothing to move.
    expect(await runDueElections(after.nextRunAt)).toEqual([
      { clusterId: 'local', result: { elected: 0, alreadyPreferred: 2, failed: 0 } },
    ]);
  });
});
