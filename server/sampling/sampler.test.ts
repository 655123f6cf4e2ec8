import { afterEach, describe, expect, it, vi } from 'vitest';
import { partitionKey } from '@/server/kafka/partition-key';
import type { GroupsSnapshot } from '@/server/lag/groups-snapshot';
import {
  getLagSampler,
  lagSampling,
  MAX_RETRY_DELAY_MS,
  retryDelayMs,
  startLagSampler,
  stopAllLagSamplers,
  type LagSamplePass,
} from '@/server/sampling/sampler';

const key = partitionKey('t', 0);
const snapshotAt = (asOf: number): GroupsSnapshot => ({
  asOf,
  errors: [],
  shareGroups: [],
  streamsGroups: [],
  endOffsets: new Map([[key, { topic: 't', partition: 0, logStartOffset: null, highWatermark: String(asOf), error: null }]]),
  groups: [
    {
      groupId: 'g',
      state: 'Empty',
      groupProtocol: 'classic',
      assignor: null,
      epochs: null,
      members: [],
      errorCode: 0,
      coordinatorId: 1,
      protocolType: 'consumer',
      committed: new Map([[key, '5']]),
    },
  ],
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (what: () => boolean) => {
  for (let i = 0; i < 500 && !what(); i += 1) await sleep(10);
  expect(what()).toBe(true);
};

afterEach(async () => {
  await stopAllLagSamplers();
  vi.restoreAllMocks();
});

describe('lag sampler', () => {
  it('never overlaps its passes: the next waits for the previous', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const read = async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(40);
      running -= 1;
      passes += 1;
      return snapshotAt(Date.now());
    };
    const sampler = await startLagSampler('c1', { intervalMs: 10, window: 3, allowedLag: 0, read });
    await until(() => passes >= 4);
    expect(most).toBe(1);
    expect(sampler.store.pass).toBeGreaterThanOrEqual(4);
  });

  it('records a failing pass without throwing, and recovers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    let calls = 0;
    // The pass after the two failures waits for the test: the failure is looked at before a success can clear it.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const read = async () => {
      calls += 1;
      if (calls <= 2) throw new Error('KafkaJSConnectionError: connection refused');
      await released;
      return snapshotAt(Date.now());
    };
    const sampler = await startLagSampler('c2', { intervalMs: 10, window: 3, allowedLag: 0, read });
    await until(() => calls >= 3);
    expect(sampler.lastFailureAt).not.toBeNull();
    expect(lagSampling(sampler)).toMatchObject({ window: 3, intervalMs: 10, lastSampleAt: null, lastFailureAt: expect.any(Number) });
    release();
    await until(() => sampler.store.pass >= 1);
    expect(sampler.lastFailureAt).toBeNull();
    // Logged once per distinct reason, not once per pass.
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('backs off while passes fail: the interval doubled at each failure, up to 30 s (or the interval)', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((failures) => retryDelayMs(2_000, failures))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(retryDelayMs(60_000, 3)).toBe(60_000);
    expect(MAX_RETRY_DELAY_MS).toBe(30_000);
  });

  it('waits longer after each failed pass', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const at: number[] = [];
    const read = async () => {
      at.push(Date.now());
      throw new Error('KafkaJSConnectionError: connection refused');
    };
    const sampler = await startLagSampler('c-backoff', { intervalMs: 20, window: 3, allowedLag: 0, read });
    await until(() => at.length >= 4);
    await sampler.stop();
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    // 20, 40, 80 ms (timers may fire late, never early).
    expect(gaps[0]).toBeGreaterThanOrEqual(19);
    expect(gaps[1]).toBeGreaterThanOrEqual(39);
    expect(gaps[2]).toBeGreaterThanOrEqual(79);
  });

  it('stops cleanly: waits for the pass in flight, starts no other', async () => {
    let passes = 0;
    const read = async () => {
      await sleep(30);
      passes += 1;
      return snapshotAt(Date.now());
    };
    const sampler = await startLagSampler('c3', { intervalMs: 10, window: 3, allowedLag: 0, read });
    await sleep(5);
    await sampler.stop();
    const after = passes;
    expect(after).toBe(1);
    await sleep(60);
    expect(passes).toBe(after);
  });

  it('is one per cluster: the same settings keep it, other settings replace it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const a = await startLagSampler('c4', { intervalMs: 60_000, window: 3, allowedLag: 0 });
    expect(await startLagSampler('c4', { intervalMs: 60_000, window: 3, allowedLag: 0 })).toBe(a);
    const b = await startLagSampler('c4', { intervalMs: 60_000, window: 5, allowedLag: 0, read: async () => snapshotAt(1) });
    expect(b).not.toBe(a);
    expect(getLagSampler('c4')).toBe(b);
  });

  it('reports its last successful pass (end and duration) for /metrics; a failing pass leaves it as it was', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const read = async () => {
      calls += 1;
      await sleep(30);
      if (calls === 2) throw new Error('KafkaJSConnectionError: connection refused');
      return snapshotAt(Date.now());
    };
    const before = Date.now();
    const sampler = await startLagSampler('c6', { intervalMs: 60_000, window: 3, allowedLag: 0, read });
    expect(sampler.lastPass).toBeNull();
    await until(() => sampler.lastPass !== null);
    const first = sampler.lastPass!;
    expect(first.durationMs).toBeGreaterThanOrEqual(25);
    expect(first.at).toBeGreaterThanOrEqual(before + first.durationMs);
    expect(first.at).toBeLessThanOrEqual(Date.now());
    await sampler.passNow();
    expect(sampler.lastFailureAt).not.toBeNull();
    expect(sampler.lastPass).toBe(first);
  });

  it('hands each recorded pass to subscribers as plain data', async () => {
    const sampler = await startLagSampler('c5', { intervalMs: 60_000, window: 3, allowedLag: 0, read: async () => snapshotAt(1234) });
    const passes: LagSamplePass[] = [];
    sampler.subscribe((p) => passes.push(p));
    await until(() => passes.length === 1);
    expect(passes[0]).toEqual({
      clusterId: 'c5',
      time: 1234,
      partitions: [{ groupId: 'g', topic: 't', partition: 0, highWatermark: '1234', committedOffset: '5' }],
    });
  });
});
