// Storage tests of reassignment jobs: on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/server/db/open';
import type { OpenedDb } from '@/server/db/types';
import { testEngines, type FreshDb } from '@/test/support/db-engines';
import { initialProgress } from '@/server/reassign/job-progress';
import { claimJob, findJob, insertJob, listJobs, releaseLeases, runningJobs, updateJob } from '@/server/reassign/job-store';

const plan = { version: 1 as const, partitions: [{ topic: 't', partition: 0, replicas: [1, 3] }] };
const job = (id: string, clusterId = 'local') => ({
  id,
  clusterId,
  state: 'running' as const,
  phase: 'moving' as const,
  createdBy: 'ada',
  throttleBytesPerSec: 1_000_000,
  plan,
  rollback: { version: 1 as const, partitions: [{ topic: 't', partition: 0, replicas: [1, 2] }] },
  rollbackOf: null,
  message: null,
  progress: initialProgress([{ topic: 't', partition: 0, before: [1, 2], after: [1, 3] }], new Map(), 0),
});

describe.each(testEngines())('reassignment jobs on $name', { timeout: 60_000 }, (engine) => {
  let fresh: FreshDb;
  let opened: OpenedDb;
  beforeAll(async () => {
    fresh = await engine.fresh();
    opened = await openDb(fresh.target);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await fresh?.cleanup();
  });

  it('keeps a job as written: plan, rollback, progress, per cluster', async () => {
    await insertJob(job('a'), opened.db);
    await insertJob(job('b', 'other'), opened.db);
    const a = await findJob('local', 'a', opened.db);
    expect(a).toMatchObject({ id: 'a', state: 'running', phase: 'moving', plan, throttleBytesPerSec: 1_000_000 });
    expect(a?.progress.partitions[0]).toMatchObject({ state: 'pending', target: [1, 3] });
    expect(await findJob('other', 'a', opened.db)).toBeNull();
    expect((await listJobs('local', 100, opened.db)).map((j) => j.id)).toEqual(['a']);
  });

  it('leases a running job to one worker at a time; an expired or released lease can be taken', async () => {
    expect(await claimJob('a', 'w1', 60_000, opened.db)).toBe(true);
    expect(await claimJob('a', 'w2', 60_000, opened.db)).toBe(false);
    expect(await claimJob('a', 'w1', 60_000, opened.db)).toBe(true); // renewal
    await releaseLeases('w1', opened.db);
    expect(await claimJob('a', 'w2', 1, opened.db)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await claimJob('a', 'w3', 60_000, opened.db)).toBe(true); // w2's lease ran out
    await Promise.all([claimJob('b', 'x', 60_000, opened.db), claimJob('b', 'y', 60_000, opened.db)]).then((won) =>
      expect(won.filter(Boolean)).toHaveLength(1),
    );
  });

  it('stops leasing a job once it ended, and lists only running ones as running', async () => {
    await updateJob('a', { state: 'completed', phase: 'finishing' }, opened.db);
    expect(await claimJob('a', 'w3', 60_000, opened.db)).toBe(false);
    expect((await runningJobs(undefined, opened.db)).map((j) => j.id)).toEqual(['b']);
    expect((await runningJobs('local', opened.db)).map((j) => j.id)).toEqual([]);
  });
});
