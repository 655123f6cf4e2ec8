import { describe, expect, it } from 'vitest';
import { takeEvents } from '@/lib/sse';

describe('takeEvents', () => {
  it('returns complete events and keeps the rest for the next chunk', () => {
    const first = takeEvents('event: start\ndata: {"a":1}\n\n: keep-alive\n\nevent: message\ndata: {"b"');
    expect(first.events).toEqual([{ event: 'start', data: '{"a":1}' }]);
    const second = takeEvents(`${first.rest}:2}\r\n\r\ndata: plain\n\n`);
    expect(second.events).toEqual([
      { event: 'message', data: '{"b":2}' },
      { event: 'message', data: 'plain' },
    ]);
    expect(second.rest).toBe('');
  });

  it('joins multi-line data', () => {
    expect(takeEvents('event: x\ndata: a\ndata: b\n\n').events).toEqual([{ event: 'x', data: 'a\nb' }]);
  });
});
