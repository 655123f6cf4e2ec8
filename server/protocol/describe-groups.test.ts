import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { describeGroupsApi } from '@/server/protocol/describe-groups';
import { decodeBody, encodeBody, pickVersion } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

describe('DescribeGroups request encoding', () => {
  it.each([0, 1, 2])('v%d: groups[2] of strings', (version) => {
    expect(encodeBody(describeGroupsApi, ['a', 'bc'], version).toString('hex')).toBe('00000002' + `0001${hex('a')}` + `0002${hex('bc')}`);
  });

  it.each([3, 4])('v%d adds IncludeAuthorizedOperations (false)', (version) => {
    expect(encodeBody(describeGroupsApi, ['a'], version).toString('hex')).toBe('00000001' + `0001${hex('a')}` + '00');
  });

  it.each([5, 6])('v%d is flexible: header tags, compact array and strings, body tags', (version) => {
    expect(encodeBody(describeGroupsApi, ['a', 'bc'], version).toString('hex')).toBe(
      '00' + '03' + `02${hex('a')}` + `03${hex('bc')}` + '00' + '00',
    );
  });
});

/** ConsumerProtocolAssignment v0 of topic "t" partitions 0 and 2, user data null. */
const ASSIGNMENT = new Writer()
  .int16(0)
  .array(['t'], (w, t) => w.string(t).array([0, 2], (w, p) => w.int32(p)))
  .int32(-1)
  .toBuffer();

type Member = { id: string; instance: string | null; assignment: Buffer };

function response(
  version: number,
  groups: { error: number; message: string | null; id: string; state: string; type: string; data: string; members: Member[] }[],
) {
  const flexible = version >= 5;
  const w = new Writer();
  const string = (value: string | null) => (flexible ? w.compactString(value) : w.string(value));
  const bytes = (value: Buffer) => (flexible ? w.uvarint(value.length + 1) : w.int32(value.length)).raw(value);
  const array = <T>(items: T[], each: (item: T) => void) =>
    flexible ? w.compactArray(items, (_w, item) => each(item)) : w.array(items, (_w, item) => each(item));
  const tags = () => {
    if (flexible) w.emptyTaggedFields();
  };
  tags();
  if (version >= 1) w.int32(0);
  array(groups, (g) => {
    w.int16(g.error);
    if (version >= 6) string(g.message);
    [g.id, g.state, g.type, g.data].forEach(string);
    array(g.members, (m) => {
      string(m.id);
      if (version >= 4) string(m.instance);
      string('client-1');
      string('/127.0.0.1');
      bytes(Buffer.from('000100000000ffffffff', 'hex')); // subscription: skipped
      bytes(m.assignment);
      tags();
    });
    if (version >= 3) w.int32(-2147483648);
    tags();
  });
  tags();
  return w.toBuffer();
}

const GROUPS = [
  {
    error: 0,
    message: null,
    id: 'g',
    state: 'Stable',
    type: 'consumer',
    data: 'range',
    members: [
      { id: 'm1', instance: 'static-1', assignment: ASSIGNMENT },
      { id: 'm2', instance: null, assignment: Buffer.alloc(0) },
    ],
  },
  {
    error: 0,
    message: null,
    id: 'c',
    state: 'Stable',
    type: 'connect',
    data: 'sessioned',
    members: [{ id: 'w1', instance: null, assignment: Buffer.from('0001', 'hex') }],
  },
  { error: 69, message: 'Group x not found.', id: 'x', state: 'Dead', type: '', data: '', members: [] },
];

describe('DescribeGroups response decoding', () => {
  it.each([0, 1, 2, 3, 4, 5, 6])('decodes v%d: members with decoded consumer assignments', (version) => {
    const [g, c, x] = decodeBody(describeGroupsApi, response(version, GROUPS), version).groups;
    expect(g).toEqual({
      groupId: 'g',
      errorCode: 0,
      errorMessage: null,
      state: 'Stable',
      protocolType: 'consumer',
      protocolData: 'range',
      members: [
        {
          memberId: 'm1',
          groupInstanceId: version >= 4 ? 'static-1' : null,
          clientId: 'client-1',
          clientHost: '/127.0.0.1',
          assignment: [{ topic: 't', partitions: [0, 2] }],
          assignmentStatus: 'decoded',
        },
        {
          memberId: 'm2',
          groupInstanceId: null,
          clientId: 'client-1',
          clientHost: '/127.0.0.1',
          assignment: [],
          assignmentStatus: 'empty',
        },
      ],
    });
    // Other protocols' assignments are opaque bytes, not a ConsumerProtocolAssignment.
    expect(c!.members.map((m) => [m.memberId, m.assignmentStatus, m.assignment])).toEqual([['w1', 'not-consumer', []]]);
    expect(x).toMatchObject({ groupId: 'x', errorCode: 69, errorMessage: version >= 6 ? 'Group x not found.' : null, members: [] });
  });

  it('negotiates v6 on Kafka 4.x and v5 on 3.9', () => {
    expect(pickVersion(describeGroupsApi, { 15: { minVersion: 0, maxVersion: 6 } })).toBe(6);
    expect(pickVersion(describeGroupsApi, { 15: { minVersion: 0, maxVersion: 5 } })).toBe(5);
  });
});
