// Controller quorum membership on the dynamic-quorum dev cluster (`npm run test:quorum`): node 5, a controller-only
// observer, is added as a voter and removed again through the API, with `kafka-metadata-quorum describe` as the
// oracle before and after each change, and `kafka-cluster list-endpoints --bootstrap-controller` as the oracle of
// the endpoint the console tells Kafka (no caller sends one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE } from '@/app/api/v1/clusters/[clusterId]/quorum/voters/[voterId]/route';
import { GET as getOverview } from '@/app/api/v1/clusters/[clusterId]/overview/route';
import { POST } from '@/app/api/v1/clusters/[clusterId]/quorum/voters/route';
import { clusterOverviewSchema } from '@/lib/schemas/overview';
import { TEST_TOKENS } from '../support/auth';
import { kafkaCli, parseQuorumStatus } from '../support/cli';
import { kafkaTarget } from '../support/kafka-target';
import { callRoute } from '../support/routes';

const target = kafkaTarget();
const node = target.controllerOnly;
if (target.quorum !== 'dynamic' || !node) throw new Error('test/quorum runs on the dynamic-quorum cluster: npm run test:quorum');
const ID = node.id;

const quorumStatus = () =>
  parseQuorumStatus(kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', target.bootstrap[0]!, 'describe', '--status']));
/** `describe --replication` rows by node id: the Status column (Leader, Follower, Observer). */
function replicationStatus() {
  const out = kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', target.bootstrap[0]!, 'describe', '--replication']);
  return new Map(
    out
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length >= 7)
      .map((cols) => [Number(cols[0]), cols[6]!]),
  );
}

/** `kafka-cluster list-endpoints --bootstrap-controller`: every registered controller's endpoint, asked of `controller`. */
function listedControllers(controller: string) {
  const out = kafkaCli('kafka-cluster', ['list-endpoints', '--bootstrap-controller', controller]);
  return new Map(
    out
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length >= 5)
      .map((cols) => [Number(cols[0]), { host: cols[1]!, port: Number(cols[2]) }]),
  );
}

const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const add = (body: unknown, clusterId = 'local') =>
  callRoute(POST, `/api/v1/clusters/${clusterId}/quorum/voters`, { clusterId }, { token: TEST_TOKENS.admin, init: json('POST', body) });
const remove = (voterId: number, directoryId: string, body: unknown) =>
  callRoute(
    DELETE,
    `/api/v1/clusters/local/quorum/voters/${voterId}?directoryId=${directoryId}`,
    { clusterId: 'local', voterId: String(voterId) },
    { token: TEST_TOKENS.admin, init: json('DELETE', body) },
  );

type Change = {
  applied: boolean;
  checks: { id: string; ok: boolean; detail: string }[];
  listeners?: { name: string; host: string; port: number }[];
  voters: { id: number }[];
  observers: { id: number }[];
};
const change = (body: unknown) => body as Change;
const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

async function until(what: string, check: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Leaves node 5 an observer, as the cluster starts, whatever an earlier run left behind. */
function removeWithTool() {
  const voter = quorumStatus().voters.find((v) => v.id === ID);
  if (!voter?.directoryId) return;
  kafkaCli('kafka-metadata-quorum', [
    '--bootstrap-server',
    target.bootstrap[0]!,
    'remove-controller',
    '--controller-id',
    String(ID),
    '--controller-directory-id',
    voter.directoryId,
  ]);
}

async function overviewQuorum() {
  const { status, body } = await callRoute(getOverview, '/api/v1/clusters/local/overview', { clusterId: 'local' });
  expect(status).toBe(200);
  return clusterOverviewSchema.parse(body).quorum!;
}

let directoryId = '';
let leader = { id: 0, directoryId: '' };
/** Node 5's endpoint as the controllers list it, asked on the leader's controller listener (`CONTROLLER://host:port`). */
let listed = { host: '', port: 0 };

beforeAll(async () => {
  removeWithTool();
  await until(`node ${ID} to observe the quorum`, () => quorumStatus().observers.some((o) => o.id === ID));
  const status = quorumStatus();
  directoryId = status.observers.find((o) => o.id === ID)!.directoryId!;
  const first = status.voters[0]!;
  leader = { id: first.id, directoryId: first.directoryId! };
  const leaderEndpoint = status.voterEndpoints[leader.id]![0]!.replace('CONTROLLER://', '');
  listed = listedControllers(leaderEndpoint).get(ID)!;
  expect(listed).toEqual({ host: '127.0.0.1', port: node.port });
});

afterAll(() => removeWithTool());

describe(`controller quorum membership on ${target.label}`, () => {
  it(`the overview shows node ${ID} as a controller-only observer, with the directory id the tool prints`, async () => {
    const quorum = await overviewQuorum();
    expect(quorum.observers.find((o) => o.id === ID)).toMatchObject({ controllerOnly: true, directoryId });
    expect(quorum.voters.map((v) => [v.id, v.directoryId, v.controllerOnly])).toEqual([[leader.id, leader.directoryId, false]]);
  });

  it('a dry run shows the preconditions add-controller needs, all holding, and the endpoint Kafka lists, and changes nothing', async () => {
    const before = quorumStatus();
    expect(before.voterIds).toEqual([leader.id]);
    const { status, body } = await add({ voterId: ID, voterDirectoryId: directoryId, dryRun: true });
    expect(status).toBe(200);
    const answer = change(body);
    expect(answer.applied).toBe(false);
    expect(answer.checks.map((c) => [c.id, c.ok])).toEqual([
      ['kraftVersion', true],
      ['observer', true],
      ['controller', true],
      ['caughtUp', true],
      ['notVoter', true],
      ['endpoint', true],
    ]);
    // Exactly what `kafka-cluster list-endpoints --bootstrap-controller` prints for node 5, on the voters' listener.
    expect(answer.listeners).toEqual([{ name: 'CONTROLLER', ...listed }]);
    expect(answer.checks.at(-1)?.detail).toContain(`CONTROLLER://${listed.host}:${listed.port}`);
    // The same voters and observer the tool prints.
    expect(answer.voters.map((v) => v.id)).toEqual(before.voterIds);
    expect(answer.observers.map((o) => o.id)).toContain(ID);
    expect(quorumStatus().voterIds).toEqual([leader.id]);
  });

  it('refuses a change whose preconditions fail with 409 naming them, and a missing confirmation with 422', async () => {
    const other = `${directoryId.slice(0, 20)}${directoryId[20] === 'A' ? 'B' : 'A'}${directoryId[21]}`;
    const wrongDirectory = await add({ voterId: ID, voterDirectoryId: other, confirm: String(ID) });
    expect(wrongDirectory.status).toBe(409);
    expect(errorOf(wrongDirectory.body).message).toContain(`observes with directory ${directoryId}`);
    const broker = await add({ voterId: leader.id, voterDirectoryId: leader.directoryId, confirm: String(leader.id) });
    expect(broker.status).toBe(409);
    const unconfirmed = await add({ voterId: ID, voterDirectoryId: directoryId, confirm: 'yes' });
    expect(unconfirmed.status).toBe(422);
    expect(quorumStatus().voterIds).toEqual([leader.id]);
  });

  it('refuses a body that names listeners with 422: no API accepts addresses, the endpoint comes from Kafka', async () => {
    const listeners = [{ name: 'CONTROLLER', host: '127.0.0.1', port: 1 }];
    const { status, body } = await add({ voterId: ID, voterDirectoryId: directoryId, listeners, confirm: String(ID) });
    expect(status).toBe(422);
    expect(errorOf(body).message).not.toContain('127.0.0.1');
    expect(JSON.stringify(body)).toContain('listeners');
    expect(quorumStatus().voterIds).toEqual([leader.id]);
  });

  it('a controller the console cannot reach with the cluster’s settings (SASL, a PLAINTEXT controller listener) is a failing check and a 409', async () => {
    const dryRun = await add({ voterId: ID, voterDirectoryId: directoryId, dryRun: true }, 'local-scram');
    expect(dryRun.status, JSON.stringify(dryRun.body)).toBe(200);
    const endpoint = change(dryRun.body).checks.find((c) => c.id === 'endpoint');
    expect(endpoint).toMatchObject({ ok: false });
    expect(endpoint?.detail).toContain(`controller ${leader.id} (listener CONTROLLER)`);
    expect(endpoint?.detail).not.toContain('127.0.0.1');
    expect(change(dryRun.body).listeners).toEqual([]);
    const refused = await add({ voterId: ID, voterDirectoryId: directoryId, confirm: String(ID) }, 'local-scram');
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body).message).toContain('could not ask the controllers');
    expect(quorumStatus().voterIds).toEqual([leader.id]);
  });

  it(`adds node ${ID} as a voter: kafka-metadata-quorum lists it among the voters with the endpoint Kafka listed`, async () => {
    const { status, body } = await add({ voterId: ID, voterDirectoryId: directoryId, confirm: String(ID) });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(change(body).applied).toBe(true);
    expect(
      change(body)
        .voters.map((v) => v.id)
        .sort(),
    ).toEqual([leader.id, ID].sort());
    const after = quorumStatus();
    expect(after.voterIds).toEqual([leader.id, ID].sort());
    expect(after.voters.find((v) => v.id === ID)?.directoryId).toBe(directoryId);
    expect(after.voterEndpoints[ID]).toEqual([`CONTROLLER://${listed.host}:${listed.port}`]);
    await until(`node ${ID} to follow the leader`, () => replicationStatus().get(ID) === 'Follower');
    // The overview shows it at once: the change refreshed the snapshot the pages read.
    expect((await overviewQuorum()).voters.map((v) => v.id).sort()).toEqual([leader.id, ID].sort());
  });

  it('adding it again is a 409: it is a voter already', async () => {
    const { status, body } = await add({ voterId: ID, voterDirectoryId: directoryId, confirm: String(ID) });
    expect(status).toBe(409);
    expect(errorOf(body).message).toContain('already a voter');
  });

  it(`removes node ${ID}: the tool shows it as an observer again`, async () => {
    const dryRun = await remove(ID, directoryId, { dryRun: true });
    expect(change(dryRun.body).checks.every((c) => c.ok)).toBe(true);
    const { status, body } = await remove(ID, directoryId, { confirm: String(ID) });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(change(body).applied).toBe(true);
    expect(quorumStatus().voterIds).toEqual([leader.id]);
    expect((await overviewQuorum()).voters.map((v) => v.id)).toEqual([leader.id]);
    await until(`node ${ID} to observe again`, () => replicationStatus().get(ID) === 'Observer');
  });

  it('never removes the last voter (409), and a voter named with another directory id is not found (409)', async () => {
    const dryRun = await remove(leader.id, leader.directoryId, { dryRun: true });
    expect(dryRun.status).toBe(200);
    expect(change(dryRun.body).checks.find((c) => c.id === 'notLastVoter')).toMatchObject({ ok: false });
    const last = await remove(leader.id, leader.directoryId, { confirm: String(leader.id) });
    expect(last.status).toBe(409);
    expect(errorOf(last.body).message).toContain('last voter');
    const gone = await remove(ID, directoryId, { confirm: String(ID) });
    expect(gone.status).toBe(409);
    expect(errorOf(gone.body).message).toContain(`node ${ID} is not a voter`);
    expect(quorumStatus().voterIds).toEqual([leader.id]);
  });
});
