import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { listPartitionReassignmentsApi } from '@/server/protocol/list-partition-reassignments';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

describe('ListPartitionReassignments', () => {
  it('v0 request: header tags | timeout | compact topics (name, partition indexes) | tags', () => {
    const input = {
      timeoutMs: 1000,
      topics: [
        { name: 'a', partitions: [0, 3] },
        { name: 'b', partitions: [] },
      ],
    };
    expect(encodeBody(listPartitionReassignmentsApi, input, 0).toString('hex')).toBe(
      '00' + '000003e8' + '03' + `02${hex('a')}` + '03' + '00000000' + '00000003' + '00' + `02${hex('b')}` + '01' + '00' + '00',
    );
  });

  it('null topics (every ongoing reassignment) is compact length 0; an empty list is 1', () => {
    expect(encodeBody(listPartitionReassignmentsApi, { timeoutMs: 1000, topics: null }, 0).toString('hex')).toBe(
      '00' + '000003e8' + '00' + '00',
    );
    expect(encodeBody(listPartitionReassignmentsApi, { timeoutMs: 1000, topics: [] }, 0).toString('hex')).toBe(
      '00' + '000003e8' + '01' + '00',
    );
  });

  it('v0 response: replicas, adding and removing replicas per partition', () => {
    const ids = (w: Writer, list: number[]) => w.compactArray(list, (w, id) => w.int32(id));
    const w = new Writer().emptyTaggedFields().int32(0).int16(0).compactString(null).uvarint(2);
    w.compactString('a').uvarint(3);
    w.int32(0);
    ids(w, [2, 3, 1]);
    ids(w, [2, 3]);
    ids(w, [1]);
    w.emptyTaggedFields();
    w.int32(4);
    ids(w, [1, 2]);
    ids(w, []);
    ids(w, []);
    w.emptyTaggedFields();
    w.emptyTaggedFields().emptyTaggedFields();
    expect(decodeBody(listPartitionReassignmentsApi, w.toBuffer(), 0)).toEqual({
      errorCode: 0,
      errorMessage: null,
      topics: [
        {
          name: 'a',
          partitions: [
            { partition: 0, replicas: [2, 3, 1], addingReplicas: [2, 3], removingReplicas: [1] },
            { partition: 4, replicas: [1, 2], addingReplicas: [], removingReplicas: [] },
          ],
        },
      ],
    });
  });

  it('v0 response: nothing in progress, and a top-level error with its message', () => {
    const empty = new Writer().emptyTaggedFields().int32(0).int16(0).compactString(null).uvarint(1).emptyTaggedFields();
    expect(decodeBody(listPartitionReassignmentsApi, empty.toBuffer(), 0)).toEqual({ errorCode: 0, errorMessage: null, topics: [] });
    const refused = new Writer()
      .emptyTaggedFields()
      .int32(0)
      .int16(41)
      .compactString('This is not the correct controller for this cluster.')
      .uvarint(1)
      .emptyTaggedFields();
    expect(decodeBody(listPartitionReassignmentsApi, refused.toBuffer(), 0)).toEqual({
      errorCode: 41,
      errorMessage: 'This is not the correct controller for this cluster.',
      topics: [],
    });
  });

  it('picks v0 from Kafka 3.9 and 4.x (both 0-0)', () => {
    expect(pickVersion(listPartitionReassignmentsApi, { 46: { minVersion: 0, maxVersion: 0 } })).toBe(0);
    expect(pickVersion(listPartitionReassignmentsApi, { 46: { minVersion: 0, maxVersion: 3 } })).toBe(0);
    expect(() => pickVersion(listPartitionReassignmentsApi, { 46: { minVersion: 1, maxVersion: 1 } })).toThrow(UnsupportedApiError);
  });
});
