import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, committedRecordQuery, messageViewFromParams, messageViewQuery } from '@/lib/message-query';

describe('message view ↔ URL', () => {
  it('round-trips a view through its query string, leaving defaults out', () => {
    const view = {
      ...DEFAULT_VIEW,
      partitions: [3, 0],
      from: 'timestamp:1700000000000',
      filter: 'value.a == 1',
      isolation: 'read_uncommitted' as const,
      control: true,
      limit: 50,
    };
    const query = messageViewQuery(view);
    expect(query).toBe(
      'partitions=3%2C0&from=timestamp%3A1700000000000&limit=50&filter=value.a+%3D%3D+1&isolation=read_uncommitted&control=true',
    );
    expect(messageViewFromParams(new URLSearchParams(query))).toEqual({ ...view, partitions: [0, 3] });
    expect(messageViewQuery(DEFAULT_VIEW)).toBe('');
  });

  it('drops what the API would refuse', () => {
    expect(messageViewFromParams(new URLSearchParams('partitions=a,1&from=yesterday&limit=5000&isolation=x'))).toEqual(DEFAULT_VIEW);
  });

  it('links a committed offset to its record and the next few', () => {
    expect(committedRecordQuery(2, '1234')).toBe('partitions=2&from=offset%3A1234&limit=10');
  });
});
