import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { describeQuorumApi } from '@/server/protocol/describe-quorum';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const replica = (w: Writer, version: number, id: number, leo: bigint, fetched: bigint) => {
  w.int32(id);
  if (version >= 2) w.raw(Buffer.alloc(16, id));
  w.int64(leo);
  if (version >= 1) w.int64(fetched).int64(fetched);
  w.emptyTaggedFields();
};

/** A response as a broker would send it (after the correlation id), for the given version. */
function response(version: number) {
  const w = new Writer().emptyTaggedFields(); // response header v1 tags
  w.int16(0);
  if (version >= 2) w.compactString(null);
  w.compactArray(['__cluster_metadata'], (w, name) => {
    w.compactString(name);
    w.compactArray([0], (w) => {
      w.int32(0).int16(0);
      if (version >= 2) w.compactString(null);
      w.int32(2).int32(7).int64(1234n);
      w.compactArray([1, 2, 3], (w, id) => replica(w, version, id, 1234n - BigInt(id), 1_700_000_000_000n));
      w.compactArray([4], (w, id) => replica(w, version, id, 1200n, -1n));
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  });
  if (version >= 2) {
    w.compactArray([1], (w, id) => {
      w.int32(id);
      w.compactArray(['CONTROLLER'], (w, listener) =>
        w.compactString(listener).compactString('127.0.0.1').uint16(9292).emptyTaggedFields(),
      );
      w.emptyTaggedFields();
    });
  }
  w.emptyTaggedFields();
  return w.toBuffer();
}

describe('DescribeQuorum', () => {
  it('encodes the request for __cluster_metadata partition 0 with header v2 tags', () => {
    const body = encodeBody(describeQuorumApi, undefined, 0).toString('hex');
    const topic = Buffer.from('__cluster_metadata').toString('hex');
    // header tags | topics[1] | name | partitions[1] | index 0 | tags | tags | tags
    expect(body).toBe(`00` + `02` + `13${topic}` + `02` + `00000000` + `00` + `00` + `00`);
  });

  it.each([0, 1, 2])('decodes a v%d response', (version) => {
    const decoded = decodeBody(describeQuorumApi, response(version), version);
    expect(decoded.errorCode).toBe(0);
    const [partition] = decoded.partitions;
    expect(partition).toMatchObject({ leaderId: 2, leaderEpoch: 7, highWatermark: '1234' });
    expect(partition!.voters.map((v) => [v.replicaId, v.logEndOffset])).toEqual([
      [1, '1233'],
      [2, '1232'],
      [3, '1231'],
    ]);
    expect(partition!.observers.map((v) => v.replicaId)).toEqual([4]);
    const expectedFetch = version >= 1 ? 1_700_000_000_000 : null;
    expect(partition!.voters[0]!.lastFetchTimestamp).toBe(expectedFetch);
    expect(partition!.observers[0]!.lastFetchTimestamp).toBeNull();
    // v2 (KIP-853): directory ids and the voters' endpoints.
    expect(partition!.voters[0]!.directoryId).toBe(version >= 2 ? Buffer.alloc(16, 1).toString('base64url') : null);
    expect(decoded.voterEndpoints).toEqual(version >= 2 ? new Map([[1, ['CONTROLLER://127.0.0.1:9292']]]) : null);
  });

  it('picks the highest version both sides support', () => {
    expect(pickVersion(describeQuorumApi, { 55: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(pickVersion(describeQuorumApi, { 55: { minVersion: 0, maxVersion: 9 } })).toBe(2);
  });

  it('refuses brokers without DescribeQuorum (ZooKeeper mode) or without a common version', () => {
    expect(() => pickVersion(describeQuorumApi, { 3: { minVersion: 0, maxVersion: 12 } })).toThrow(UnsupportedApiError);
    expect(() => pickVersion(describeQuorumApi, { 55: { minVersion: 3, maxVersion: 4 } })).toThrow(/no common DescribeQuorum version/);
  });
});
