import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { KafkaRequestDefinition } from '@/server/kafka/kafkajs';
import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import {
  allCommittedPartitions,
  fetchCommittedOffsets,
  offsetFetchApi,
  offsetFetchSingleGroupApi,
  type OffsetFetchTopic,
} from '@/server/protocol/offset-fetch';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');
const G = hex('g'); // group "g"
const T = hex('t'); // topic "t"

describe('OffsetFetch v8-9 (many groups) request encoding', () => {
  const input = {
    groups: [
      { groupId: 'g', topics: null },
      { groupId: 'h', topics: [{ name: 't', partitions: [0, 2] }] },
    ],
  };

  it('v8: header tags | groups[2] | id | topics null | tags | id | topics[1] (name, partitions[2], tags) | tags | requireStable | tags', () => {
    expect(encodeBody(offsetFetchApi, input, 8).toString('hex')).toBe(
      '00' + '03' + `02${G}` + '00' + '00' + `02${hex('h')}` + '02' + `02${T}` + '03' + '00000000' + '00000002' + '00' + '00' + '00' + '00',
    );
  });

  it('v9 adds member id (null) and member epoch (-1) after each group id; requireStable is sent as given', () => {
    expect(encodeBody(offsetFetchApi, { groups: [{ groupId: 'g', topics: null }], requireStable: true }, 9).toString('hex')).toBe(
      '00' + '02' + `02${G}` + '00' + 'ffffffff' + '00' + '00' + '01' + '00',
    );
  });
});

describe('OffsetFetch v2-7 (one group) request encoding', () => {
  it.each([2, 3, 4, 5])('v%d: group id | topics null (int32 -1)', (version) => {
    expect(encodeBody(offsetFetchSingleGroupApi, { groupId: 'g', topics: null }, version).toString('hex')).toBe(`0001${G}` + 'ffffffff');
  });

  it('v5 with topics: name and partition list', () => {
    expect(encodeBody(offsetFetchSingleGroupApi, { groupId: 'g', topics: [{ name: 't', partitions: [1] }] }, 5).toString('hex')).toBe(
      `0001${G}` + '00000001' + `0001${T}` + '00000001' + '00000001',
    );
  });

  it('v6 is flexible: header tags, compact forms, tag sections', () => {
    expect(encodeBody(offsetFetchSingleGroupApi, { groupId: 'g', topics: null }, 6).toString('hex')).toBe('00' + `02${G}` + '00' + '00');
  });

  it('v7 adds requireStable before the tags', () => {
    expect(encodeBody(offsetFetchSingleGroupApi, { groupId: 'g', topics: [{ name: 't', partitions: [3] }] }, 7).toString('hex')).toBe(
      '00' + `02${G}` + '02' + `02${T}` + '02' + '00000003' + '00' + '00' + '00',
    );
  });
});

/** Partitions of topic "t": a commit beyond 2^53, no commit (-1, NOT_COORDINATOR-free), a commit with metadata. */
const RAW: [number, bigint, number, string | null, number][] = [
  [0, 9_007_199_254_740_993n, 4, '', 0],
  [1, -1n, -1, null, 0],
  [2, 17n, 0, 'meta', 0],
];

const expectedTopics = (withEpoch: boolean): OffsetFetchTopic[] => [
  {
    name: 't',
    partitions: [
      { partition: 0, committedOffset: '9007199254740993', leaderEpoch: withEpoch ? 4 : null, metadata: '', errorCode: 0 },
      { partition: 1, committedOffset: null, leaderEpoch: null, metadata: null, errorCode: 0 },
      { partition: 2, committedOffset: '17', leaderEpoch: withEpoch ? 0 : null, metadata: 'meta', errorCode: 0 },
    ],
  },
];

function writeTopics(w: Writer, flexible: boolean, withEpoch: boolean) {
  const array = flexible ? w.compactArray.bind(w) : w.array.bind(w);
  array(['t'], (w, name) => {
    if (flexible) w.compactString(name);
    else w.string(name);
    array(RAW, (w, [index, offset, epoch, metadata, error]) => {
      w.int32(index).int64(offset);
      if (withEpoch) w.int32(epoch);
      if (flexible) w.compactString(metadata);
      else w.string(metadata);
      w.int16(error);
      if (flexible) w.emptyTaggedFields();
    });
    if (flexible) w.emptyTaggedFields();
  });
}

describe('OffsetFetch response decoding', () => {
  it.each([8, 9])('v%d: groups with their topics and group error codes', (version) => {
    const w = new Writer().emptyTaggedFields().int32(0);
    w.compactArray(['g', 'h'], (w, groupId) => {
      w.compactString(groupId);
      if (groupId === 'g') writeTopics(w, true, true);
      else w.compactArray([], () => {});
      w.int16(groupId === 'h' ? 16 : 0); // NOT_COORDINATOR for h
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
    expect(decodeBody(offsetFetchApi, w.toBuffer(), version)).toEqual({
      groups: [
        { groupId: 'g', errorCode: 0, topics: expectedTopics(true) },
        { groupId: 'h', errorCode: 16, topics: [] },
      ],
    });
  });

  it.each([2, 3, 4, 5, 6, 7])('v%d: one group, throttle from v3, leader epoch from v5, top-level error', (version) => {
    const flexible = version >= 6;
    const w = new Writer();
    if (flexible) w.emptyTaggedFields();
    if (version >= 3) w.int32(0);
    writeTopics(w, flexible, version >= 5);
    w.int16(14); // COORDINATOR_LOAD_IN_PROGRESS
    if (flexible) w.emptyTaggedFields();
    expect(decodeBody(offsetFetchSingleGroupApi, w.toBuffer(), version)).toEqual({ errorCode: 14, topics: expectedTopics(version >= 5) });
  });
});

describe('OffsetFetch version negotiation', () => {
  const kafka4 = { 9: { minVersion: 1, maxVersion: 10 } };
  const kafka39 = { 9: { minVersion: 0, maxVersion: 9 } };
  const kafka28 = { 9: { minVersion: 0, maxVersion: 7 } };

  it('stops at v9 (v10 uses topic ids) on Kafka 4.x and 3.9', () => {
    expect(pickVersion(offsetFetchApi, kafka4)).toBe(9);
    expect(pickVersion(offsetFetchApi, kafka39)).toBe(9);
  });

  it('uses the single-group form up to v7 on brokers without v8', () => {
    expect(() => pickVersion(offsetFetchApi, kafka28)).toThrow(UnsupportedApiError);
    expect(pickVersion(offsetFetchSingleGroupApi, kafka28)).toBe(7);
    expect(pickVersion(offsetFetchSingleGroupApi, kafka4)).toBe(7);
    expect(() => pickVersion(offsetFetchSingleGroupApi, { 9: { minVersion: 0, maxVersion: 1 } })).toThrow(UnsupportedApiError);
  });
});

describe('fetchCommittedOffsets', () => {
  /** A broker whose connection answers every OffsetFetch with "t"'s partitions (and records what was asked). */
  function fakeBroker(range: { minVersion: number; maxVersion: number }) {
    const sent: { version: number; body: string }[] = [];
    const send = async (definition: KafkaRequestDefinition<unknown>) => {
      const { apiVersion } = definition.request;
      const body = (await definition.request.encode()).buffer.toString('hex');
      sent.push({ version: apiVersion, body });
      const w = new Writer().emptyTaggedFields().int32(0);
      if (apiVersion >= 8) {
        w.compactArray(['g', 'h'], (w, groupId) => {
          w.compactString(groupId);
          writeTopics(w, true, true);
          w.int16(0).emptyTaggedFields();
        });
        w.emptyTaggedFields();
      } else {
        writeTopics(w, true, true);
        w.int16(0).emptyTaggedFields();
      }
      return definition.response.parse(await definition.response.decode(w.toBuffer()));
    };
    const broker = { nodeId: 1, versions: { 9: range }, connectionPool: { send } } as unknown as KafkajsBroker;
    return { broker, sent };
  }
  const groups = allCommittedPartitions(['g', 'h']);

  it('asks for every group in one v9 request on Kafka 3.9 and 4.x', async () => {
    const { broker, sent } = fakeBroker({ minVersion: 1, maxVersion: 10 });
    const result = await fetchCommittedOffsets(broker, groups);
    expect(sent.map((s) => s.version)).toEqual([9]);
    expect(result.map((g) => [g.groupId, g.topics])).toEqual([
      ['g', expectedTopics(true)],
      ['h', expectedTopics(true)],
    ]);
  });

  it('falls back to one single-group request per group (v7 at most) below v8, or when capped', async () => {
    for (const [range, cap] of [
      [{ minVersion: 0, maxVersion: 7 }, undefined],
      [{ minVersion: 1, maxVersion: 10 }, 7],
    ] as const) {
      const { broker, sent } = fakeBroker(range);
      const result = await fetchCommittedOffsets(broker, groups, { maxVersion: cap });
      expect(sent.map((s) => s.version)).toEqual([7, 7]);
      expect(sent.map((s) => s.body)).toEqual([`00${'02' + G}000000`, `00${'02' + hex('h')}000000`]);
      expect(result).toEqual([
        { groupId: 'g', errorCode: 0, topics: expectedTopics(true) },
        { groupId: 'h', errorCode: 0, topics: expectedTopics(true) },
      ]);
    }
  });

  it('refuses brokers without a version that can ask for all committed partitions, before sending', async () => {
    const { broker, sent } = fakeBroker({ minVersion: 0, maxVersion: 1 });
    await expect(fetchCommittedOffsets(broker, groups)).rejects.toThrow(UnsupportedApiError);
    expect(sent).toEqual([]);
  });
});
