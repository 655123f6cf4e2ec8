import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { listGroupsApi } from '@/server/protocol/list-groups';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

describe('ListGroups request encoding', () => {
  it.each([1, 2])('v%d has an empty body', (version) => {
    expect(encodeBody(listGroupsApi, { statesFilter: ['Stable'] }, version).toString('hex')).toBe('');
  });

  it('v3 is flexible: header tags and body tags only', () => {
    expect(encodeBody(listGroupsApi, {}, 3).toString('hex')).toBe('00' + '00');
  });

  it('v4 adds the states filter (empty = every state)', () => {
    expect(encodeBody(listGroupsApi, {}, 4).toString('hex')).toBe('00' + '01' + '00');
    expect(encodeBody(listGroupsApi, { statesFilter: ['Stable', 'Empty'] }, 4).toString('hex')).toBe(
      '00' + '03' + `07${hex('Stable')}` + `06${hex('Empty')}` + '00',
    );
  });

  it('v5 adds the types filter', () => {
    expect(encodeBody(listGroupsApi, { typesFilter: ['consumer'] }, 5).toString('hex')).toBe(
      '00' + '01' + '02' + `09${hex('consumer')}` + '00',
    );
  });
});

const GROUPS = [
  { groupId: 'g1', protocolType: 'consumer', groupState: 'Stable', groupType: 'classic' },
  { groupId: 'g2', protocolType: '', groupState: 'Empty', groupType: 'consumer' },
];

/** A response as a broker sends it (after the correlation id). */
function response(version: number, errorCode = 0) {
  const flexible = version >= 3;
  const w = new Writer();
  const string = (value: string) => (flexible ? w.compactString(value) : w.string(value));
  if (flexible) w.emptyTaggedFields();
  w.int32(0).int16(errorCode);
  (flexible ? w.compactArray.bind(w) : w.array.bind(w))(GROUPS, (w, group) => {
    string(group.groupId);
    string(group.protocolType);
    if (version >= 4) string(group.groupState);
    if (version >= 5) string(group.groupType);
    if (flexible) w.emptyTaggedFields();
  });
  if (flexible) w.emptyTaggedFields();
  return w.toBuffer();
}

describe('ListGroups response decoding', () => {
  it.each([1, 2, 3, 4, 5])('decodes v%d: state from v4, type from v5, null before', (version) => {
    expect(decodeBody(listGroupsApi, response(version), version)).toEqual({
      errorCode: 0,
      groups: GROUPS.map((g) => ({ ...g, groupState: version >= 4 ? g.groupState : null, groupType: version >= 5 ? g.groupType : null })),
    });
  });

  it('decodes literal v3 bytes with a top-level error and an unknown tagged field', () => {
    // header tags | throttle | COORDINATOR_LOAD_IN_PROGRESS | groups[1] | "g" | "" | tags: 1 field (tag 0, 1 byte)
    const bytes = Buffer.from('00' + '00000000' + '000e' + '02' + `02${hex('g')}` + '01' + '01' + '0001ff' + '00', 'hex');
    expect(decodeBody(listGroupsApi, bytes, 3)).toEqual({
      errorCode: 14,
      groups: [{ groupId: 'g', protocolType: '', groupState: null, groupType: null }],
    });
  });

  it('negotiates v5 on Kafka 3.9 and 4.x, lower on old brokers, and refuses v0-only brokers', () => {
    expect(pickVersion(listGroupsApi, { 16: { minVersion: 0, maxVersion: 5 } })).toBe(5);
    expect(pickVersion(listGroupsApi, { 16: { minVersion: 0, maxVersion: 2 } })).toBe(2);
    expect(() => pickVersion(listGroupsApi, { 16: { minVersion: 0, maxVersion: 0 } })).toThrow(UnsupportedApiError);
  });
});
