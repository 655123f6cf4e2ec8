import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { decodeConsumerAssignment } from '@/server/protocol/consumer-protocol';

const hex = (s: string) => Buffer.from(s).toString('hex');

describe('ConsumerProtocolAssignment', () => {
  it('decodes literal v0 bytes: version | topics[1] | "t" | partitions[2] | user data null', () => {
    const bytes = Buffer.from('0000' + '00000001' + `0001${hex('t')}` + '00000002' + '00000000' + '00000005' + 'ffffffff', 'hex');
    expect(decodeConsumerAssignment(bytes)).toEqual({ assignment: [{ topic: 't', partitions: [0, 5] }], assignmentStatus: 'decoded' });
  });

  it.each([1, 2, 3, 7])('reads v%d with the same layout, ignoring user data and trailing bytes', (version) => {
    const w = new Writer().int16(version);
    w.array(['a', 'b'], (w, topic) => w.string(topic).array([1], (w, p) => w.int32(p)));
    w.int32(2).raw(Buffer.from('cafe', 'hex')).raw(Buffer.from('0102', 'hex'));
    expect(decodeConsumerAssignment(w.toBuffer()).assignment).toEqual([
      { topic: 'a', partitions: [1] },
      { topic: 'b', partitions: [1] },
    ]);
  });

  it('reports an empty assignment (rebalancing group) as empty', () => {
    expect(decodeConsumerAssignment(Buffer.alloc(0))).toEqual({ assignment: [], assignmentStatus: 'empty' });
  });

  it('reports truncated or foreign bytes as undecodable instead of throwing', () => {
    expect(decodeConsumerAssignment(Buffer.from('00', 'hex')).assignmentStatus).toBe('undecodable');
    expect(decodeConsumerAssignment(Buffer.from('0000000000020001', 'hex')).assignmentStatus).toBe('undecodable');
    expect(decodeConsumerAssignment(Buffer.from('ffff00000000', 'hex')).assignmentStatus).toBe('undecodable');
  });

  it('decodes a version with no topics as an empty, decoded assignment', () => {
    expect(decodeConsumerAssignment(Buffer.from('0003' + '00000000' + 'ffffffff', 'hex'))).toEqual({
      assignment: [],
      assignmentStatus: 'decoded',
    });
  });
});
