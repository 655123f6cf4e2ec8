import { describe, expect, it } from 'vitest';
import { ArgsError } from '../cli-args';
import { parseArgs } from './args';
import { median, summarize } from './measure';

describe('bench arguments', () => {
  it('has defaults and reads every option', () => {
    expect(parseArgs([])).toEqual({
      clusterId: 'local',
      runs: 7,
      coldRuns: 3,
      cliRuns: 1,
      messagesRecords: 1_000_000,
      only: null,
      out: 'test-results/bench.json',
      help: false,
    });
    expect(
      parseArgs([
        '--cluster',
        'prod',
        '--runs=3',
        '--cold-runs',
        '0',
        '--cli-runs',
        '2',
        '--messages-records',
        '0',
        '--only',
        'messages',
        '--out',
        'x.json',
      ]),
    ).toMatchObject({
      clusterId: 'prod',
      runs: 3,
      coldRuns: 0,
      cliRuns: 2,
      messagesRecords: 0,
      only: 'messages',
      out: 'x.json',
    });
  });

  it('refuses bad values', () => {
    expect(() => parseArgs(['--runs', '0'])).toThrow(ArgsError);
    expect(() => parseArgs(['--what'])).toThrow(ArgsError);
    expect(() => parseArgs(['--only', 'views'])).toThrow(ArgsError);
    expect(parseArgs(['--only', 'groups']).only).toBe('groups');
  });
});

describe('bench statistics', () => {
  it('takes medians of times and of requests per API', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const summary = summarize([
      { ms: 10, requests: { Metadata: 1, ListOffsets: 6 } },
      { ms: 30, requests: { Metadata: 2, ListOffsets: 6 } },
      { ms: 20, requests: { Metadata: 1, ListOffsets: 6 } },
    ]);
    expect(summary).toMatchObject({
      ms: 20,
      minMs: 10,
      maxMs: 30,
      runs: 3,
      requests: { ListOffsets: 6, Metadata: 1 },
      requestsTotal: 7,
      requestsVaried: true,
    });
  });
});
