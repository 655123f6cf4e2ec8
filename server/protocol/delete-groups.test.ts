import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { deleteGroupsApi } from '@/server/protocol/delete-groups';
import { decodeBody, encodeBody, pickVersion } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

describe('DeleteGroups request encoding', () => {
  it.each([0, 1])('v%d: groups as an array of strings', (version) => {
    expect(encodeBody(deleteGroupsApi, ['g', 'hh'], version).toString('hex')).toBe('00000002' + `0001${hex('g')}` + `0002${hex('hh')}`);
  });

  it('v2 is flexible: header tags, compact array of compact strings, body tags', () => {
    expect(encodeBody(deleteGroupsApi, ['g', 'hh'], 2).toString('hex')).toBe('00' + '03' + `02${hex('g')}` + `03${hex('hh')}` + '00');
  });
});

describe('DeleteGroups response decoding', () => {
  const results: [string, number][] = [
    ['g', 0],
    ['hh', 68], // NON_EMPTY_GROUP
  ];

  it.each([0, 1])('v%d: throttle time, then group id and error per group', (version) => {
    const w = new Writer().int32(0);
    w.array(results, (w, [g, e]) => w.string(g).int16(e));
    expect(decodeBody(deleteGroupsApi, w.toBuffer(), version)).toEqual({
      results: [
        { groupId: 'g', errorCode: 0 },
        { groupId: 'hh', errorCode: 68 },
      ],
    });
  });

  it('v2: flexible, with tag sections', () => {
    const w = new Writer().emptyTaggedFields().int32(0);
    w.compactArray(results, (w, [g, e]) => w.compactString(g).int16(e).emptyTaggedFields());
    w.emptyTaggedFields();
    expect(decodeBody(deleteGroupsApi, w.toBuffer(), 2)).toEqual({
      results: [
        { groupId: 'g', errorCode: 0 },
        { groupId: 'hh', errorCode: 68 },
      ],
    });
  });

  it('takes v2 from Kafka 3.9 and 4.x (both serve 0-2)', () => {
    expect(pickVersion(deleteGroupsApi, { 42: { minVersion: 0, maxVersion: 2 } })).toBe(2);
  });
});
