import { describe, expect, it } from 'vitest';
import { eventsSearch, historyQuery } from '@/lib/alert-events-query';

describe('historyQuery', () => {
  it('reads the filters and the offset from the URL, with the fixed page size', () => {
    expect(historyQuery(new URLSearchParams('state=resolved&clusterId=local&ruleId=r1&offset=50'))).toEqual({
      state: 'resolved',
      clusterId: 'local',
      ruleId: 'r1',
      limit: 50,
      offset: 50,
    });
  });

  it('has no keys for absent or blank filters, and ignores other parameters', () => {
    expect(historyQuery(new URLSearchParams('state=&foo=bar&limit=200'))).toEqual({ limit: 50, offset: 0 });
  });

  it('drops a value the API would refuse and keeps the others', () => {
    expect(historyQuery(new URLSearchParams('state=burning&offset=-3&clusterId=local'))).toEqual({
      clusterId: 'local',
      limit: 50,
      offset: 0,
    });
  });
});

describe('eventsSearch', () => {
  it('writes the defined fields as the API reads them', () => {
    expect(eventsSearch({ state: 'firing', limit: 200, offset: 0 })).toBe('state=firing&limit=200&offset=0');
    expect(eventsSearch({ clusterId: 'a b', limit: 50, offset: 0, ruleId: undefined })).toBe('clusterId=a+b&limit=50&offset=0');
  });
});
