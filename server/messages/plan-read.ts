// Where each partition's read starts, from what the request asked and the partitions' bounds. Pure.
import type { Cursor } from '@/server/messages/cursor';
import type { LaneStart, ReadDirection } from '@/server/messages/lane';
import type { PartitionBounds } from '@/server/messages/topic-bounds';

export type StartSpec =
  | { kind: 'newest' }
  | { kind: 'oldest' }
  | { kind: 'offset'; offset: bigint }
  /** The first offset at or after the time per partition (ListOffsets by timestamp); null: no record that late. */
  | { kind: 'timestamp'; offsets: ReadonlyMap<number, bigint | null> }
  | { kind: 'cursor'; cursor: Cursor };

export type ReadStart = {
  direction: ReadDirection;
  lanes: LaneStart[];
  notices: string[];
  errors: { partition: number; message: string }[];
};

const clamp = (value: bigint, low: bigint, high: bigint) => (value < low ? low : value > high ? high : value);

export function planRead(bounds: readonly PartitionBounds[], spec: StartSpec): ReadStart {
  const direction: ReadDirection =
    spec.kind === 'newest' || (spec.kind === 'cursor' && spec.cursor.direction === 'backward') ? 'backward' : 'forward';
  const lanes: LaneStart[] = [];
  const notices: string[] = [];
  const errors: ReadStart['errors'] = [];
  for (const b of bounds) {
    if (b.logStart === null || b.highWatermark === null) {
      errors.push({ partition: b.partition, message: b.error ?? 'the partition offsets could not be read' });
      continue;
    }
    const { logStart, highWatermark: hwm } = b;
    let start: bigint;
    switch (spec.kind) {
      case 'newest':
        start = hwm;
        break;
      case 'oldest':
        start = logStart;
        break;
      case 'offset':
        start = clamp(spec.offset, logStart, hwm);
        if (spec.offset < logStart)
          notices.push(`Partition ${b.partition}: offset ${spec.offset} is before the log start; started at ${logStart}.`);
        if (spec.offset > hwm)
          notices.push(`Partition ${b.partition}: offset ${spec.offset} is beyond the end; started at the end, ${hwm}.`);
        break;
      case 'timestamp':
        start = clamp(spec.offsets.get(b.partition) ?? hwm, logStart, hwm);
        break;
      case 'cursor': {
        const position = spec.cursor.positions.get(b.partition)!;
        start = clamp(position, logStart, hwm);
        if (direction === 'forward' && position < logStart)
          notices.push(`Partition ${b.partition}: records before ${logStart} were deleted since the last page; went on from there.`);
        break;
      }
    }
    lanes.push({ partition: b.partition, leader: b.leader, start, logStart, end: hwm });
  }
  return { direction, lanes, notices, errors };
}
