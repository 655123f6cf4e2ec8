import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshCache } from '@/server/kafka/fresh-cache';

afterEach(() => {
  vi.useRealTimers();
});

describe('freshCache', () => {
  it('shares one read between concurrent callers and serves it while young', async () => {
    let reads = 0;
    const get = freshCache(`test-${Math.random()}`, async (id: string) => ({ id, n: ++reads }));
    const [a, b] = await Promise.all([get('c1', 2_000), get('c1', 2_000)]);
    expect(a).toBe(b);
    expect(await get('c1', 2_000)).toBe(a);
    expect(reads).toBe(1);
    expect((await get('c1', 0)).n).toBe(2);
    expect((await get('c2', 2_000)).id).toBe('c2');
  });

  it('forgets the keys read least recently beyond maxKeys', async () => {
    const reads: string[] = [];
    const get = freshCache(`test-${Math.random()}`, async (key: string) => reads.push(key), { maxKeys: 2 });
    await get('a', 60_000);
    await get('b', 60_000);
    await get('a', 60_000); // a is now the most recent
    await get('c', 60_000); // b is forgotten
    await get('a', 60_000);
    await get('b', 60_000);
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('counts the age from when a slow read finished, not from when it started', async () => {
    vi.useFakeTimers();
    let reads = 0;
    const get = freshCache(`test-${Math.random()}`, async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5_000)); // a broker down: its timeout
      return reads;
    });
    const first = get('c', 2_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await first).toBe(1);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(await get('c', 2_000)).toBe(1);
    expect(reads).toBe(1);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const get = freshCache(`test-${Math.random()}`, async () => {
      if (fail) throw new Error('unreachable');
      return 'ok';
    });
    await expect(get('c', 2_000)).rejects.toThrow('unreachable');
    fail = false;
    expect(await get('c', 2_000)).toBe('ok');
  });
});

describe('freshCache with wants', () => {
  it('reads with the options of the caller that starts the read, and reads again for a caller the shared value does not satisfy', async () => {
    const reads: string[] = [];
    const get = freshCache(`test-${Math.random()}`, async (_id: string, options: { label: string } | undefined) => {
      reads.push(options?.label ?? 'none');
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { label: options?.label ?? 'none' };
    });
    const lenient = get('c', 0, { options: { label: 'lenient' } });
    const strict = get('c', 0, { options: { label: 'strict' }, accept: (v) => v.label === 'strict' });
    const content = get('c', 0, { options: { label: 'other' } });
    expect((await lenient).label).toBe('lenient');
    expect((await content).label).toBe('lenient'); // joined, accepts anything
    expect((await strict).label).toBe('strict');
    expect(reads).toEqual(['lenient', 'strict']);
  });

  it('does not serve a young value its caller does not accept', async () => {
    let reads = 0;
    const get = freshCache(`test-${Math.random()}`, async () => ++reads);
    expect(await get('c', 60_000)).toBe(1);
    expect(await get('c', 60_000, { accept: (n) => n === 1 })).toBe(1);
    expect(await get('c', 60_000, { accept: (n) => n > 1 })).toBe(2);
    expect(reads).toBe(2);
  });
});
