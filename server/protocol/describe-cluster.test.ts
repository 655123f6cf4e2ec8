import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { describeClusterApi, ENDPOINT_TYPE } from '@/server/protocol/describe-cluster';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');
const controllers = { endpointType: ENDPOINT_TYPE.controllers };

/** The dynamic-quorum dev cluster's answer (after the correlation id), as `kafka-cluster list-endpoints` prints it. */
function response(version: number) {
  const w = new Writer().emptyTaggedFields(); // response header v1 tags
  w.int32(0).int16(0).compactString(null).int8(2).compactString('q1Fm0yEeQ5uD4LlJ1Q2n8w').int32(1);
  w.compactArray(
    [
      [1, 12292],
      [5, 12296],
    ] as const,
    (w, [id, port]) => {
      w.int32(id).compactString('127.0.0.1').int32(port).compactString(null);
      if (version >= 2) w.bool(false);
      w.emptyTaggedFields();
    },
  );
  w.int32(-2147483648).emptyTaggedFields();
  return w.toBuffer();
}

describe('DescribeCluster', () => {
  it('v1: header tags | no authorized operations | endpoint type 2 (controllers) | tags', () => {
    expect(encodeBody(describeClusterApi, controllers, 1).toString('hex')).toBe('00' + '00' + '02' + '00');
  });

  it('v2 adds IncludeFencedBrokers = false before the tags', () => {
    expect(encodeBody(describeClusterApi, controllers, 2).toString('hex')).toBe('00' + '00' + '02' + '00' + '00');
  });

  it.each([1, 2])('v%i decodes every registered controller with its host, port and rack', (version) => {
    expect(decodeBody(describeClusterApi, response(version), version)).toEqual({
      errorCode: 0,
      errorMessage: null,
      clusterId: 'q1Fm0yEeQ5uD4LlJ1Q2n8w',
      controllerId: 1,
      nodes: [
        { nodeId: 1, host: '127.0.0.1', port: 12292, rack: null, fenced: false },
        { nodeId: 5, host: '127.0.0.1', port: 12296, rack: null, fenced: false },
      ],
    });
  });

  it('v2 from the bytes: error, endpoint type, cluster id, controller id, nodes (id | host | int32 port | rack | fenced | tags)', () => {
    const host = `0a${hex('127.0.0.1')}`;
    const bytes =
      '00' +
      '00000000' +
      '0000' +
      '00' +
      '02' +
      `17${hex('q1Fm0yEeQ5uD4LlJ1Q2n8w')}` +
      '00000001' +
      '03' +
      `00000001${host}00003004` +
      '000000' +
      `00000005${host}00003008` +
      '000000' +
      '80000000' +
      '00';
    expect(bytes).toBe(response(2).toString('hex'));
    expect(decodeBody(describeClusterApi, Buffer.from(bytes, 'hex'), 2).nodes.map((n) => [n.nodeId, n.port])).toEqual([
      [1, 12292],
      [5, 12296],
    ]);
  });

  it('decodes a refusal with its message', () => {
    const w = new Writer().emptyTaggedFields().int32(0).int16(35).compactString('not supported').int8(2).compactString('');
    const refused = w
      .int32(-1)
      .compactArray([], () => {})
      .int32(0)
      .emptyTaggedFields()
      .toBuffer();
    expect(decodeBody(describeClusterApi, refused, 2)).toMatchObject({ errorCode: 35, errorMessage: 'not supported', nodes: [] });
  });

  it('picks v2 from Kafka 4.x and refuses a node that only speaks v0 (no endpoint type, before 3.7)', () => {
    expect(pickVersion(describeClusterApi, { 60: { minVersion: 0, maxVersion: 2 } })).toBe(2);
    expect(() => pickVersion(describeClusterApi, { 60: { minVersion: 0, maxVersion: 0 } })).toThrow(UnsupportedApiError);
  });
});
