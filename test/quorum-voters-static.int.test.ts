// Voter changes on the clusters `npm test` runs (a static KRaft quorum, ZooKeeper mode): both refused with 409 naming
// kraft.version 1, whatever the input, and bad input is a 4xx before Kafka is asked. The changes themselves are
// tested on the dynamic-quorum cluster by `npm run test:quorum` (test/quorum/).
import { describe, expect, it } from 'vitest';
import { DELETE } from '@/app/api/v1/clusters/[clusterId]/quorum/voters/[voterId]/route';
import { POST } from '@/app/api/v1/clusters/[clusterId]/quorum/voters/route';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const DIRECTORY = 'A22BAnDh6upIZf_z2aTvKA';
const addBody = { voterId: 5, voterDirectoryId: DIRECTORY };
const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const add = (body: unknown, token: string = TEST_TOKENS.admin) =>
  callRoute(POST, '/api/v1/clusters/local/quorum/voters', { clusterId: 'local' }, { token, init: json('POST', body) });
const remove = (voterId: string, query: string, body: unknown) =>
  callRoute(
    DELETE,
    `/api/v1/clusters/local/quorum/voters/${voterId}?${query}`,
    { clusterId: 'local', voterId },
    { token: TEST_TOKENS.admin, init: json('DELETE', body) },
  );

const errorOf = (body: unknown) => (body as { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } }).error;

describe(`quorum voter changes on ${target.label} (static quorum or ZooKeeper)`, () => {
  it('kafka-features agrees the quorum is static: kraft.version is not finalized at 1', { skip: target.mode !== 'kraft' }, () => {
    const line = kafkaCli('kafka-features', ['--bootstrap-server', target.bootstrap[0]!, 'describe'])
      .split('\n')
      .find((l) => l.includes('kraft.version'));
    // 3.9 may not list the feature at all (level 0); 4.x prints FinalizedVersionLevel: 0.
    expect(line === undefined || /FinalizedVersionLevel:\s*0\b/.test(line)).toBe(true);
  });

  it('adding a voter, even as a dry run, answers 409 naming kraft.version 1', async () => {
    for (const body of [
      { ...addBody, dryRun: true },
      { ...addBody, confirm: '5' },
    ]) {
      const { status, body: answer } = await add(body);
      expect(status).toBe(409);
      expect(errorOf(answer).message).toMatch(
        target.mode === 'kraft' ? /static \(kraft\.version 0.*needs kraft\.version 1/ : /ZooKeeper-mode.*needs kraft\.version 1/,
      );
    }
  });

  it('removing a voter answers 409 too: the voter set is fixed by controller.quorum.voters', async () => {
    const { status, body } = await remove('1', `directoryId=${DIRECTORY}`, { confirm: '1' });
    expect(status).toBe(409);
    expect(errorOf(body).message).toContain('kraft.version 1');
  });

  it('refuses bad input with 4xx before asking Kafka, and non-admins with 403', async () => {
    expect((await add({ ...addBody, voterDirectoryId: 'not-a-uuid' })).status).toBe(422);
    // No API accepts addresses: the new voter's endpoint comes from Kafka, and a body naming one is refused.
    const withListeners = await add({ ...addBody, listeners: [{ name: 'CONTROLLER', host: '127.0.0.1', port: 9296 }], dryRun: true });
    expect(withListeners.status).toBe(422);
    expect(errorOf(withListeners.body).fieldErrors?.request?.join()).toMatch(/Unknown listeners: .*comes from Kafka/);
    expect((await add({ ...addBody, voterId: -1 })).status).toBe(422);
    expect((await remove('x', `directoryId=${DIRECTORY}`, {})).status).toBe(422);
    expect((await remove('1', 'directoryId=short', {})).status).toBe(422);
    expect((await add(addBody, TEST_TOKENS.operator)).status).toBe(403);
    expect((await add(addBody, TEST_TOKENS.viewer)).status).toBe(403);
  });

  it('a read-only cluster refuses a quorum change even for admins (403), before Kafka is asked', async () => {
    const { status, body } = await callRoute(
      POST,
      '/api/v1/clusters/down/quorum/voters',
      { clusterId: 'down' },
      { token: TEST_TOKENS.admin, init: json('POST', { ...addBody, dryRun: true }) },
    );
    expect(status).toBe(403);
    expect(errorOf(body).message).toMatch(/read-only/i);
  });
});
