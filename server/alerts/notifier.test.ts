import { describe, expect, it } from 'vitest';
import { failureClass } from '@/server/alerts/notifier';

describe('failureClass', () => {
  it('records the kind of failure and its system code, never the message (which may quote the URL and its token)', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED https://hooks.example/T/SECRET'), { code: 'ECONNREFUSED' }),
    });
    expect(failureClass(refused, 5_000)).toBe('connection failed (ECONNREFUSED)');
    expect(failureClass(new TypeError('Failed to parse URL from https://u:SECRET@x'), 5_000)).toBe('the request failed (network error)');
    expect(failureClass(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 5_000)).toBe(
      'no answer within 5000 ms',
    );
    expect(failureClass('SECRET', 5_000)).toBe('the request failed');
  });
});
