// Storage tests of scheduled preferred leader elections: on PGlite always, and on PostgreSQL too when
// TEST_DATABASE_URL is set. (Running one against Kafka: test/election-schedule.int.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/server/db/open';
import type { OpenedDb } from '@/server/db/types';
import { testEngines, type FreshDb } from '@/test/support/db-engines';
import { claimDueSchedules, deleteElectionSchedule, getElectionSchedule, setElectionSchedule } from '@/server/reassign/election-schedule';

const T0 = Date.UTC(2026, 11, 2, 12, 0, 0);
const MINUTE = 60_000;

describe.each(testEngines())('leader election schedules on $name', { timeout: 60_000 }, (engine) => {
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

  it('keeps one schedule per cluster: set, replaced, read back, deleted', async () => {
    expect(await getElectionSchedule('local', opened.db)).toBeNull();
    const first = await setElectionSchedule('local', { everyMinutes: 60 }, 'ada', T0, opened.db);
    expect(first).toEqual({
      clusterId: 'local',
      everyMinutes: 60,
      nextRunAt: T0 + 60 * MINUTE,
      lastRunAt: null,
      lastResult: null,
      createdBy: 'ada',
      updatedAt: T0,
    });
    const second = await setElectionSchedule(
      'local',
      { everyMinutes: 15, topics: ['orders'], brokers: [3] },
      'bob',
      T0 + MINUTE,
      opened.db,
    );
    expect(second).toMatchObject({ everyMinutes: 15, topics: ['orders'], brokers: [3], nextRunAt: T0 + 16 * MINUTE, createdBy: 'bob' });
    expect(await getElectionSchedule('local', opened.db)).toEqual(second);
    expect(await deleteElectionSchedule('local', opened.db)).toBe(true);
    expect(await deleteElectionSchedule('local', opened.db)).toBe(false);
    expect(await getElectionSchedule('local', opened.db)).toBeNull();
  });

  it('hands a due run to one claimer only, and the next one an interval after the claim', async () => {
    await setElectionSchedule('a', { everyMinutes: 30 }, 'ada', T0, opened.db);
    await setElectionSchedule('b', { everyMinutes: 60 }, 'ada', T0, opened.db);
    expect(await claimDueSchedules(T0 + 29 * MINUTE, opened.db)).toEqual([]);
    // Two consoles at once: each run goes to exactly one of them.
    const [one, two] = await Promise.all([claimDueSchedules(T0 + 30 * MINUTE, opened.db), claimDueSchedules(T0 + 30 * MINUTE, opened.db)]);
    expect([...one, ...two].map((r) => r.clusterId)).toEqual(['a']);
    expect(await getElectionSchedule('a', opened.db)).toMatchObject({ nextRunAt: T0 + 60 * MINUTE, lastRunAt: T0 + 30 * MINUTE });
    // After a long outage: one run, not a burst of the missed ones.
    const late = await claimDueSchedules(T0 + 10 * 60 * MINUTE, opened.db);
    expect(late.map((r) => r.clusterId).sort()).toEqual(['a', 'b']);
    expect(await claimDueSchedules(T0 + 10 * 60 * MINUTE + 1, opened.db)).toEqual([]);
    expect(await getElectionSchedule('b', opened.db)).toMatchObject({ nextRunAt: T0 + 11 * 60 * MINUTE });
  });
});
