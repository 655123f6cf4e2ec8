import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { ELECTION_TYPES, electLeadersApi, type ElectLeadersInput } from '@/server/protocol/elect-leaders';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

const INPUT: ElectLeadersInput = {
  electionType: ELECTION_TYPES.PREFERRED,
  topicPartitions: [{ topic: 'a', partitions: [0, 2] }],
  timeoutMs: 1000,
};
const ALL: ElectLeadersInput = { electionType: ELECTION_TYPES.UNCLEAN, topicPartitions: null, timeoutMs: 1000 };

describe('ElectLeaders', () => {
  it('v0 request: topic partitions | timeout (no election type: preferred only)', () => {
    expect(encodeBody(electLeadersApi, INPUT, 0).toString('hex')).toBe(
      '00000001' + `0001${hex('a')}` + '00000002' + '00000000' + '00000002' + '000003e8',
    );
    expect(encodeBody(electLeadersApi, { ...INPUT, topicPartitions: null }, 0).toString('hex')).toBe('ffffffff' + '000003e8');
  });

  it('v0 refuses an unclean election rather than run a preferred one', () => {
    expect(() => encodeBody(electLeadersApi, ALL, 0)).toThrow(UnsupportedApiError);
  });

  it('v1 request: election type first; null topic partitions (all) as -1', () => {
    expect(encodeBody(electLeadersApi, ALL, 1).toString('hex')).toBe('01' + 'ffffffff' + '000003e8');
    expect(encodeBody(electLeadersApi, INPUT, 1).toString('hex')).toBe(
      '00' + '00000001' + `0001${hex('a')}` + '00000002' + '00000000' + '00000002' + '000003e8',
    );
  });

  it('v2 request: header tags, compact forms, null topic partitions as 0', () => {
    expect(encodeBody(electLeadersApi, INPUT, 2).toString('hex')).toBe(
      '00' + '00' + '02' + `02${hex('a')}` + '03' + '00000000' + '00000002' + '00' + '000003e8' + '00',
    );
    expect(encodeBody(electLeadersApi, ALL, 2).toString('hex')).toBe('00' + '01' + '00' + '000003e8' + '00');
  });

  const RESULTS = [
    {
      topic: 'a',
      partitions: [
        { partition: 0, errorCode: 0, errorMessage: null },
        { partition: 1, errorCode: 84, errorMessage: 'Leader election not needed for topic partition.' },
        { partition: 2, errorCode: 80, errorMessage: null },
        { partition: 42, errorCode: 3, errorMessage: 'No such partition as a-42' },
      ],
    },
    { topic: 'b', partitions: [] },
  ];

  it('v0 response: no top-level error code (read as 0)', () => {
    const w = new Writer().int32(0);
    w.array(RESULTS, (w, t) =>
      w.string(t.topic).array(t.partitions, (w, p) => w.int32(p.partition).int16(p.errorCode).string(p.errorMessage)),
    );
    expect(decodeBody(electLeadersApi, w.toBuffer(), 0)).toEqual({ errorCode: 0, results: RESULTS });
  });

  it('v1 response: top-level error code before the results', () => {
    const w = new Writer()
      .int32(0)
      .int16(31)
      .array([], () => {});
    expect(decodeBody(electLeadersApi, w.toBuffer(), 1)).toEqual({ errorCode: 31, results: [] });
  });

  it('v2 response: compact forms with tag sections', () => {
    const w = new Writer().emptyTaggedFields().int32(0).int16(0);
    w.compactArray(RESULTS, (w, t) => {
      w.compactString(t.topic).compactArray(t.partitions, (w, p) =>
        w.int32(p.partition).int16(p.errorCode).compactString(p.errorMessage).emptyTaggedFields(),
      );
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
    expect(decodeBody(electLeadersApi, w.toBuffer(), 2)).toEqual({ errorCode: 0, results: RESULTS });
  });

  it('picks v2 from Kafka 3.9 and 4.x (both 0-2)', () => {
    expect(pickVersion(electLeadersApi, { 43: { minVersion: 0, maxVersion: 2 } })).toBe(2);
    expect(pickVersion(electLeadersApi, { 43: { minVersion: 0, maxVersion: 0 } })).toBe(0);
    expect(() => pickVersion(electLeadersApi, { 43: { minVersion: 3, maxVersion: 4 } })).toThrow(UnsupportedApiError);
  });
});
