import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, withDeadline } from '@/server/kafka/deadline';

describe('withDeadline', () => {
  it('returns the result when work finishes in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 100, 'x')).resolves.toBe(7);
  });

  it('rejects with DeadlineExceededError when work takes longer', async () => {
    const started = Date.now();
    await expect(withDeadline(new Promise(() => {}), 50, 'Kafka cluster "a"')).rejects.toThrow(DeadlineExceededError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes the work error through', async () => {
    await expect(withDeadline(Promise.reject(new Error('boom')), 100, 'x')).rejects.toThrow('boom');
  });
});
