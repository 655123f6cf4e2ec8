// The background reader of the lists' snapshots on a real cluster: it reads nothing while no list is requested,
// keeps both snapshots younger than the pages' limit while one is (so no request waits for a whole-cluster read),
// and Kafka's load then does not depend on the number of viewers.
import { afterAll, describe, expect, it } from 'vitest';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { GET as getTopics } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { getClusterSnapshot, SNAPSHOT_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { keepListsWarm } from '@/server/sampling/keep-warm';
import { TEST_TOKENS } from './support/auth';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const local = { clusterId: 'local' };
const token = TEST_TOKENS.viewer;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const metadataRequests = (before: ReturnType<typeof requestCounts>) => requestDelta(before, requestCounts('local')).Metadata ?? 0;

describe(`the lists' background reader on ${target.label}`, () => {
  afterAll(async () => {
    keepListsWarm([]);
    await closeAllConnections();
    await closeDb();
  });

  it('reads nothing while no list is requested, then keeps the snapshots younger than the limit whatever the viewers', async () => {
    // Connected and read once, then left alone: an idle reader sends nothing.
    await getGroupsSnapshot('local', { maxAgeMs: 0 });
    keepListsWarm(['local']);
    const idle = requestCounts('local');
    await sleep(3_000);
    expect(metadataRequests(idle)).toBe(0);

    // One viewer of each list.
    expect((await callRoute(getTopics, '/api/v1/clusters/local/topics', local, { token })).status).toBe(200);
    expect((await callRoute(getGroups, '/api/v1/clusters/local/consumer-groups', local, { token })).status).toBe(200);
    await sleep(1_000);
    let oldest = 0;
    const watched = requestCounts('local');
    const WATCH_MS = 12_000;
    for (let started = Date.now(); Date.now() - started < WATCH_MS; await sleep(200)) {
      // Infinity: the cached snapshot as it is, without starting a read.
      const cluster = await getClusterSnapshot('local', { maxAgeMs: Infinity, logDirsMaxAgeMs: Infinity });
      const groups = await getGroupsSnapshot('local', { maxAgeMs: Infinity });
      oldest = Math.max(oldest, Date.now() - cluster.asOf, Date.now() - groups.asOf);
    }
    expect(oldest).toBeLessThan(SNAPSHOT_MAX_AGE_MS);
    const oneViewer = metadataRequests(watched);
    // About one cluster snapshot (one Metadata) every 3 s.
    expect(oneViewer).toBeGreaterThanOrEqual(2);

    // Fifty viewers polling every second for as long: the lists answer at once and Kafka sees the same reads.
    const crowd = requestCounts('local');
    const slowest: number[] = [];
    for (let started = Date.now(); Date.now() - started < WATCH_MS; await sleep(1_000)) {
      const answers = await Promise.all(
        Array.from({ length: 25 }, async () => {
          const began = performance.now();
          const [topics, groups] = await Promise.all([
            callRoute(getTopics, '/api/v1/clusters/local/topics?limit=50', local, { token }),
            callRoute(getGroups, '/api/v1/clusters/local/consumer-groups?limit=50', local, { token }),
          ]);
          expect([topics.status, groups.status]).toEqual([200, 200]);
          return performance.now() - began;
        }),
      );
      slowest.push(Math.max(...answers));
    }
    const fiftyViewers = metadataRequests(crowd);
    console.log(
      `[keep-warm] Metadata requests in ${WATCH_MS / 1000} s: 1 viewer ${oneViewer}, 50 viewers ${fiftyViewers}; oldest snapshot seen ${oldest} ms; slowest round ${Math.round(Math.max(...slowest))} ms`,
    );
    expect(fiftyViewers).toBeLessThanOrEqual(oneViewer + 2);
  }, 60_000);
});
