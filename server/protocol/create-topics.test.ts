import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { KafkaRequestDefinition } from '@/server/kafka/kafkajs';
import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { createTopics, createTopicsApi, type CreateTopicsInput } from '@/server/protocol/create-topics';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

const BY_COUNT: CreateTopicsInput = {
  topics: [
    {
      name: 't',
      numPartitions: 2,
      replicationFactor: 3,
      assignments: [],
      configs: [
        { name: 'a', value: 'b' },
        { name: 'c', value: null },
      ],
    },
  ],
  timeoutMs: 1000,
  validateOnly: true,
};
const BY_ASSIGNMENT: CreateTopicsInput = {
  topics: [{ name: 't', numPartitions: -1, replicationFactor: -1, assignments: [{ partition: 0, brokerIds: [1, 2] }], configs: [] }],
  timeoutMs: 1000,
  validateOnly: false,
};

/** 16 bytes 0x00..0x0f, and the base64url text Kafka's Uuid.toString() prints for them. */
const ID = Buffer.from([...Array(16).keys()]);
const ID_TEXT = ID.toString('base64url');

describe('CreateTopics', () => {
  it('v2 request: topics (name, partitions int32, RF int16, assignments, configs) | timeout | validateOnly', () => {
    expect(encodeBody(createTopicsApi, BY_COUNT, 2).toString('hex')).toBe(
      '00000001' +
        `0001${hex('t')}` +
        '00000002' +
        '0003' +
        '00000000' +
        '00000002' +
        `0001${hex('a')}0001${hex('b')}` +
        `0001${hex('c')}ffff` +
        '000003e8' +
        '01',
    );
    expect(encodeBody(createTopicsApi, BY_ASSIGNMENT, 2).toString('hex')).toBe(
      '00000001' +
        `0001${hex('t')}` +
        'ffffffff' +
        'ffff' +
        '00000001' +
        '00000000' +
        '00000002' +
        '00000001' +
        '00000002' +
        '00000000' +
        '000003e8' +
        '00',
    );
  });

  it('v5+ request: header tags, compact strings and arrays, a tag section per struct', () => {
    const v7 = encodeBody(createTopicsApi, BY_ASSIGNMENT, 7).toString('hex');
    expect(v7).toBe(
      '00' +
        '02' +
        `02${hex('t')}` +
        'ffffffff' +
        'ffff' +
        '02' +
        '00000000' +
        '03' +
        '00000001' +
        '00000002' +
        '00' + // one assignment, its tags
        '01' +
        '00' + // no configs, topic tags
        '000003e8' +
        '00' +
        '00',
    );
    expect(encodeBody(createTopicsApi, BY_COUNT, 5).toString('hex')).toBe(
      '00' +
        '02' +
        `02${hex('t')}` +
        '00000002' +
        '0003' +
        '01' +
        '03' +
        `02${hex('a')}02${hex('b')}00` +
        `02${hex('c')}0000` +
        '00' +
        '000003e8' +
        '01' +
        '00',
    );
  });

  it('v2 response: per-topic error code and message, no v5 fields', () => {
    const w = new Writer().int32(0);
    w.array(
      [
        ['ok', 0, null],
        ['dup', 36, "Topic 'dup' already exists."],
      ] as const,
      (w, [name, code, message]) => w.string(name).int16(code).string(message),
    );
    expect(decodeBody(createTopicsApi, w.toBuffer(), 2)).toEqual([
      { name: 'ok', topicId: null, errorCode: 0, errorMessage: null, numPartitions: null, replicationFactor: null, configs: null },
      {
        name: 'dup',
        topicId: null,
        errorCode: 36,
        errorMessage: "Topic 'dup' already exists.",
        numPartitions: null,
        replicationFactor: null,
        configs: null,
      },
    ]);
  });

  it('v7 response: topic id, partitions, RF and configs; an error with null configs and a TopicConfigErrorCode tag', () => {
    const w = new Writer().emptyTaggedFields().int32(0).uvarint(4); // three topics
    // Created: id, no error, 2 partitions, RF 2, two configs.
    w.compactString('new').raw(ID).int16(0).compactString(null).int32(2).int16(2);
    w.compactArray(
      [
        ['retention.ms', '3600000', false, 1, false],
        ['sasl.secret', null, true, 5, true],
      ] as const,
      (w, [name, value, readOnly, source, sensitive]) =>
        w.compactString(name).compactString(value).bool(readOnly).int8(source).bool(sensitive).emptyTaggedFields(),
    );
    w.emptyTaggedFields();
    // Refused: zero id, INVALID_CONFIG with a message, -1/-1, null configs, tag 0 = TopicConfigErrorCode 29.
    w.compactString('bad')
      .raw(Buffer.alloc(16))
      .int16(40)
      .compactString('Invalid value abc for configuration retention.ms')
      .int32(-1)
      .int16(-1)
      .uvarint(0);
    w.uvarint(1).uvarint(0).uvarint(2).int16(29);
    // Validated only: zero id, but the partitions, RF and (empty) configs it would get.
    w.compactString('dry')
      .raw(Buffer.alloc(16))
      .int16(0)
      .compactString(null)
      .int32(1)
      .int16(3)
      .compactArray([], () => {})
      .emptyTaggedFields();
    w.emptyTaggedFields();
    const [created, refused, dry] = decodeBody(createTopicsApi, w.toBuffer(), 7);
    expect(created).toEqual({
      name: 'new',
      topicId: ID_TEXT,
      errorCode: 0,
      errorMessage: null,
      numPartitions: 2,
      replicationFactor: 2,
      configs: [
        { name: 'retention.ms', value: '3600000', readOnly: false, configSource: 1, isSensitive: false },
        { name: 'sasl.secret', value: null, readOnly: true, configSource: 5, isSensitive: true },
      ],
    });
    expect(refused).toEqual({
      name: 'bad',
      topicId: null,
      errorCode: 40,
      errorMessage: 'Invalid value abc for configuration retention.ms',
      numPartitions: null,
      replicationFactor: null,
      configs: null,
    });
    expect(dry).toMatchObject({ topicId: null, numPartitions: 1, replicationFactor: 3, configs: [] });
  });

  it('v5 response has no topic id', () => {
    const w = new Writer().emptyTaggedFields().int32(0).uvarint(2);
    w.compactString('t').int16(0).compactString(null).int32(3).int16(1).uvarint(1).emptyTaggedFields();
    w.emptyTaggedFields();
    expect(decodeBody(createTopicsApi, w.toBuffer(), 5)).toEqual([
      { name: 't', topicId: null, errorCode: 0, errorMessage: null, numPartitions: 3, replicationFactor: 1, configs: [] },
    ]);
  });

  it('picks v7 from Kafka 3.9 (0-7) and 4.x (2-7); refuses a broker with v0-v1 only', () => {
    expect(pickVersion(createTopicsApi, { 19: { minVersion: 0, maxVersion: 7 } })).toBe(7);
    expect(pickVersion(createTopicsApi, { 19: { minVersion: 2, maxVersion: 7 } })).toBe(7);
    expect(pickVersion(createTopicsApi, { 19: { minVersion: 0, maxVersion: 4 } })).toBe(4);
    expect(() => pickVersion(createTopicsApi, { 19: { minVersion: 0, maxVersion: 1 } })).toThrow(UnsupportedApiError);
  });

  it('createTopics drops the id KRaft draws for a validateOnly topic (no topic will ever have it)', async () => {
    const answer = new Writer().emptyTaggedFields().int32(0).uvarint(2);
    answer.compactString('t').raw(ID).int16(0).compactString(null).int32(1).int16(1).uvarint(1).emptyTaggedFields().emptyTaggedFields();
    const send = async (definition: KafkaRequestDefinition<unknown>) =>
      definition.response.parse(await definition.response.decode(answer.toBuffer()));
    const broker = { nodeId: 1, versions: { 19: { minVersion: 2, maxVersion: 7 } }, connectionPool: { send } } as unknown as KafkajsBroker;
    expect((await createTopics(broker, { ...BY_COUNT, validateOnly: true }))[0]!.topicId).toBeNull();
    expect((await createTopics(broker, { ...BY_COUNT, validateOnly: false }))[0]!.topicId).toBe(ID_TEXT);
  });
});
