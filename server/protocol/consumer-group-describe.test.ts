import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { consumerGroupDescribeApi } from '@/server/protocol/consumer-group-describe';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');
const TOPIC_ID = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');

describe('ConsumerGroupDescribe request encoding', () => {
  it.each([0, 1])('v%d: header tags | group ids[2] | include authorized operations false | tags', (version) => {
    expect(encodeBody(consumerGroupDescribeApi, ['g', 'h'], version).toString('hex')).toBe(
      '00' + '03' + `02${hex('g')}` + `02${hex('h')}` + '00' + '00',
    );
  });
});

function writeAssignment(w: Writer, partitions: number[]) {
  w.compactArray(partitions.length ? ['t'] : [], (w, name) => {
    w.raw(TOPIC_ID)
      .compactString(name)
      .compactArray(partitions, (w, p) => w.int32(p))
      .emptyTaggedFields();
  });
  w.emptyTaggedFields();
}

function response(version: number) {
  const w = new Writer().emptyTaggedFields().int32(0);
  w.compactArray(['g', 'classic'], (w, groupId) => {
    const known = groupId === 'g';
    w.int16(known ? 0 : 69).compactString(known ? null : `Group ${groupId} is not a consumer group.`);
    w.compactString(groupId)
      .compactString(known ? 'Stable' : '')
      .int32(known ? 5 : 0)
      .int32(known ? 5 : 0)
      .compactString(known ? 'uniform' : '');
    w.compactArray(known ? ['m1'] : [], (w, memberId) => {
      w.compactString(memberId)
        .compactString(null)
        .compactString('rack-a')
        .int32(5)
        .compactString('console-consumer')
        .compactString('/127.0.0.1');
      w.compactArray(['t'], (w, topic) => w.compactString(topic)).compactString(null);
      writeAssignment(w, [0, 1]);
      writeAssignment(w, [0]);
      if (version >= 1) w.int8(1);
      w.emptyTaggedFields();
    });
    w.int32(-2147483648).emptyTaggedFields();
  });
  w.emptyTaggedFields();
  return w.toBuffer();
}

describe('ConsumerGroupDescribe response decoding', () => {
  it.each([0, 1])('decodes v%d: members with assignments by topic id and name; per-group errors kept', (version) => {
    const topicId = TOPIC_ID.toString('base64url');
    expect(topicId).toBe('AAECAwQFBgcICQoLDA0ODw'); // Kafka's Uuid.toString form
    expect(decodeBody(consumerGroupDescribeApi, response(version), version).groups).toEqual([
      {
        groupId: 'g',
        errorCode: 0,
        errorMessage: null,
        state: 'Stable',
        groupEpoch: 5,
        assignmentEpoch: 5,
        assignorName: 'uniform',
        members: [
          {
            memberId: 'm1',
            instanceId: null,
            rackId: 'rack-a',
            memberEpoch: 5,
            clientId: 'console-consumer',
            clientHost: '/127.0.0.1',
            subscribedTopicNames: ['t'],
            subscribedTopicRegex: null,
            assignment: [{ topicId, topic: 't', partitions: [0, 1] }],
            targetAssignment: [{ topicId, topic: 't', partitions: [0] }],
            memberType: version >= 1 ? 'consumer' : null,
          },
        ],
      },
      {
        groupId: 'classic',
        errorCode: 69,
        errorMessage: 'Group classic is not a consumer group.',
        state: '',
        groupEpoch: 0,
        assignmentEpoch: 0,
        assignorName: '',
        members: [],
      },
    ]);
  });

  it('negotiates v1 on Kafka 4.x, v0 on 3.9 KRaft, and refuses brokers without the API', () => {
    expect(pickVersion(consumerGroupDescribeApi, { 69: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(pickVersion(consumerGroupDescribeApi, { 69: { minVersion: 0, maxVersion: 0 } })).toBe(0);
    expect(() => pickVersion(consumerGroupDescribeApi, { 15: { minVersion: 0, maxVersion: 5 } })).toThrow(UnsupportedApiError);
  });
});
