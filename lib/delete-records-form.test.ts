import { describe, expect, it } from 'vitest';
import {
  deleteRecordsFieldErrors,
  initialPurgeRows,
  recordsToDelete,
  toDeleteRecordsInput,
  type PurgeRow,
} from '@/lib/delete-records-form';
import type { PartitionDetail } from '@/lib/schemas/topics';

const partition = (n: number, changes: Partial<PartitionDetail> = {}): PartitionDetail => ({
  partition: n,
  leader: 1,
  replicas: [1],
  isr: [1],
  offlineReplicas: [],
  eligibleLeaderReplicas: [],
  lastKnownElr: [],
  logStartOffset: '2',
  highWatermark: '10',
  sizeBytes: '100',
  ...changes,
});
const row = (n: number, changes: Partial<PurgeRow> = {}): PurgeRow => ({
  partition: n,
  logStartOffset: '2',
  highWatermark: '10',
  selected: true,
  offset: '10',
  ...changes,
});

describe('initialPurgeRows', () => {
  it('chooses every partition with a leader, up to its high watermark', () => {
    expect(initialPurgeRows([partition(0), partition(1, { leader: null, highWatermark: null })])).toEqual([
      { partition: 0, logStartOffset: '2', highWatermark: '10', selected: true, offset: '10' },
      { partition: 1, logStartOffset: '2', highWatermark: null, selected: false, offset: '' },
    ]);
  });
});

describe('recordsToDelete', () => {
  it('offset minus log start, never below 0; unknown for a bad offset', () => {
    expect(recordsToDelete(row(0))).toBe(8n);
    expect(recordsToDelete(row(0, { offset: '1' }))).toBe(0n);
    expect(recordsToDelete(row(0, { offset: 'x' }))).toBeNull();
    expect(recordsToDelete(row(0, { offset: '9007199254740993', logStartOffset: '0' }))).toBe(9007199254740993n);
  });
});

describe('toDeleteRecordsInput', () => {
  it('the chosen partitions with exact offsets and the confirmation', () => {
    expect(toDeleteRecordsInput([row(0), row(1, { offset: ' 04 ' }), row(2, { selected: false })], 'orders', 'orders')).toEqual({
      input: {
        before: [
          { partition: 0, offset: '10' },
          { partition: 1, offset: '4' },
        ],
        confirm: 'orders',
      },
    });
  });

  it('refuses no choice, offsets past the high watermark or not numbers, and a wrong confirmation', () => {
    expect(toDeleteRecordsInput([row(0, { selected: false })], 'orders', 'orders')).toEqual({
      fieldErrors: { partitions: ['Choose at least one partition'] },
    });
    expect(toDeleteRecordsInput([row(0, { offset: '11' }), row(1, { offset: '-1' })], 'order', 'orders')).toEqual({
      fieldErrors: {
        'p.0': ['At most the high watermark (10)'],
        'p.1': ['An offset: a whole number from 0'],
        confirm: [expect.stringMatching(/Type the topic name exactly/)],
      },
    });
  });
});

it("maps the API's before.<i> errors to the partition of that row", () => {
  const input = {
    before: [
      { partition: 3, offset: '1' },
      { partition: 5, offset: '1' },
    ],
  };
  expect(
    deleteRecordsFieldErrors({ 'before.1.offset': ['a'], 'before.0.partition': ['b'], before: ['c'], confirm: ['d'], other: ['e'] }, input),
  ).toEqual({
    'p.5': ['a'],
    'p.3': ['b'],
    partitions: ['c'],
    confirm: ['d'],
    request: ['e'],
  });
});
