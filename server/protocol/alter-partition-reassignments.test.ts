import { describe, expect, it } from 'vitest';
import { alterPartitionReassignmentsApi, type AlterPartitionReassignmentsInput } from '@/server/protocol/alter-partition-reassignments';
import { Writer } from '@/server/protocol/codec';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');
const BROKER_99 = 'The manual partition assignment includes broker 99, but no such broker is registered.';

const INPUT: AlterPartitionReassignmentsInput = {
  timeoutMs: 1000,
  topics: [
    {
      name: 'a',
      partitions: [
        { partition: 0, replicas: [1, 2] },
        { partition: 1, replicas: null }, // cancel
      ],
    },
  ],
};
const TOPICS =
  '02' +
  `02${hex('a')}` +
  '03' +
  '00000000' +
  '03' +
  '00000001' +
  '00000002' +
  '00' +
  '00000001' +
  '00' +
  '00' + // null replicas: compact length 0, then the partition's tags
  '00';

describe('AlterPartitionReassignments', () => {
  it('v0 request: header tags | timeout | compact topics, a null replica list as 0 (cancel) | tags', () => {
    expect(encodeBody(alterPartitionReassignmentsApi, INPUT, 0).toString('hex')).toBe('00' + '000003e8' + TOPICS + '00');
  });

  it('v0 leaves out allowReplicationFactorChange, and refuses false rather than ignore it', () => {
    expect(encodeBody(alterPartitionReassignmentsApi, { ...INPUT, allowReplicationFactorChange: true }, 0).toString('hex')).toBe(
      '00' + '000003e8' + TOPICS + '00',
    );
    expect(() => encodeBody(alterPartitionReassignmentsApi, { ...INPUT, allowReplicationFactorChange: false }, 0)).toThrow(
      UnsupportedApiError,
    );
  });

  it('v1 request: allowReplicationFactorChange after the timeout, true unless given', () => {
    expect(encodeBody(alterPartitionReassignmentsApi, INPUT, 1).toString('hex')).toBe('00' + '000003e8' + '01' + TOPICS + '00');
    expect(encodeBody(alterPartitionReassignmentsApi, { ...INPUT, allowReplicationFactorChange: false }, 1).toString('hex')).toBe(
      '00' + '000003e8' + '00' + TOPICS + '00',
    );
  });

  it('an empty replica list is sent as an empty list, not as a cancel', () => {
    const input = { timeoutMs: 0, topics: [{ name: 'a', partitions: [{ partition: 2, replicas: [] }] }] };
    expect(encodeBody(alterPartitionReassignmentsApi, input, 0).toString('hex')).toBe(
      '00' + '00000000' + '02' + `02${hex('a')}` + '02' + '00000002' + '01' + '00' + '00' + '00',
    );
  });

  // As Kafka answered: ZooKeeper (3.9, v0) sends an empty top-level message on success, KRaft (4.x, v1) null.
  const response = (version: number) => {
    const w = new Writer().emptyTaggedFields().int32(0);
    if (version >= 1) w.bool(true);
    w.int16(0)
      .compactString(version >= 1 ? null : '')
      .uvarint(2);
    w.compactString('a').uvarint(4);
    w.int32(0).int16(0).compactString(null).emptyTaggedFields();
    w.int32(1).int16(85).compactString('No partition reassignment is in progress.').emptyTaggedFields();
    w.int32(2).int16(39).compactString(BROKER_99).emptyTaggedFields();
    w.emptyTaggedFields().emptyTaggedFields();
    return w.toBuffer();
  };
  const TOPIC_RESULTS = [
    {
      name: 'a',
      partitions: [
        { partition: 0, errorCode: 0, errorMessage: null },
        { partition: 1, errorCode: 85, errorMessage: 'No partition reassignment is in progress.' },
        { partition: 2, errorCode: 39, errorMessage: BROKER_99 },
      ],
    },
  ];

  it('v0 response: top-level error, per-partition errors with messages', () => {
    expect(decodeBody(alterPartitionReassignmentsApi, response(0), 0)).toEqual({ errorCode: 0, errorMessage: '', topics: TOPIC_RESULTS });
  });

  it('v1 response: skips the echoed allowReplicationFactorChange', () => {
    expect(decodeBody(alterPartitionReassignmentsApi, response(1), 1)).toEqual({ errorCode: 0, errorMessage: null, topics: TOPIC_RESULTS });
  });

  it('a refused request: top-level NOT_CONTROLLER with an empty topic list', () => {
    const w = new Writer().emptyTaggedFields().int32(0).int16(41).compactString('This is not the correct controller for this cluster.');
    w.uvarint(1).emptyTaggedFields();
    expect(decodeBody(alterPartitionReassignmentsApi, w.toBuffer(), 0)).toEqual({
      errorCode: 41,
      errorMessage: 'This is not the correct controller for this cluster.',
      topics: [],
    });
  });

  it('picks v0 from Kafka 3.9 (0-0) and v1 from 4.x (0-1)', () => {
    expect(pickVersion(alterPartitionReassignmentsApi, { 45: { minVersion: 0, maxVersion: 0 } })).toBe(0);
    expect(pickVersion(alterPartitionReassignmentsApi, { 45: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(pickVersion(alterPartitionReassignmentsApi, { 45: { minVersion: 0, maxVersion: 5 } })).toBe(1);
    expect(() => pickVersion(alterPartitionReassignmentsApi, {})).toThrow(UnsupportedApiError);
  });
});
