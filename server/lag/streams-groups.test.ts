import { describe, expect, it } from 'vitest';
import { streamsRows, type StreamsGroupRead } from '@/server/lag/streams-groups';

const group = (committed: [string, string | null][], activeInputs: string[]) =>
  ({
    committed: new Map(committed.map(([key, offset]) => [key, { offset, leaderEpoch: offset === null ? null : 0 }])),
    activeInputs: new Set(activeInputs),
  }) as StreamsGroupRead;
const offsets = (rows: [string, string | null, string | null][]) =>
  new Map(
    rows.map(([key, logStartOffset, highWatermark]) => {
      const [topic, partition] = key.split('\u0000');
      return [key, { topic: topic!, partition: Number(partition), logStartOffset, highWatermark, error: null }];
    }),
  );

describe("streams groups' rows (kafka-streams-groups --describe --verbose)", () => {
  it('counts lag from the commit, or from the log start without one, over active inputs and commits', () => {
    const rows = streamsRows(
      group([['in\u00000', '10']], ['in\u00000', 'in\u00001', 'app-words-repartition\u00000']),
      offsets([
        ['in\u00000', '0', '15'],
        ['in\u00001', '4', '6'],
        ['app-words-repartition\u00000', null, null],
      ]),
    );
    expect(rows.map((r) => [r.topic, r.partition, r.currentOffset, r.leaderEpoch, r.logEndOffset, r.lag])).toEqual([
      ['app-words-repartition', 0, null, null, null, null],
      ['in', 0, '10', 0, '15', '5'],
      ['in', 1, null, null, '6', '2'],
    ]);
  });

  it('keeps showing what an empty group committed (the tool shows active tasks only)', () => {
    const rows = streamsRows(group([['in\u00001', '6']], []), offsets([['in\u00001', '0', '9']]));
    expect(rows).toEqual([{ topic: 'in', partition: 1, currentOffset: '6', leaderEpoch: 0, logEndOffset: '9', lag: '3' }]);
  });
});
