import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { listConfigResourcesApi } from '@/server/protocol/list-config-resources';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

describe('ListConfigResources request encoding', () => {
  it('v0 (ListClientMetricsResources) has no fields: header tags and body tags only', () => {
    expect(encodeBody(listConfigResourcesApi, { resourceTypes: [16] }, 0).toString('hex')).toBe('0000');
  });

  it('v1 sends the resource types as a compact array of int8', () => {
    expect(encodeBody(listConfigResourcesApi, { resourceTypes: [16, 32] }, 1).toString('hex')).toBe('00' + '03' + '10' + '20' + '00');
  });
});

describe('ListConfigResources response decoding', () => {
  /** A response as a broker sends it after the correlation id (header v1: a tag section first). */
  function response(version: number, entries: [string, number][], errorCode = 0) {
    const w = new Writer().emptyTaggedFields().int32(0).int16(errorCode);
    w.compactArray(entries, (w, [name, type]) => {
      w.compactString(name);
      if (version >= 1) w.int8(type);
      w.emptyTaggedFields();
    });
    return w.emptyTaggedFields().toBuffer();
  }

  it('v0: names only, every one a client metrics resource', () => {
    expect(
      decodeBody(
        listConfigResourcesApi,
        response(0, [
          ['all', 16],
          ['a b/c', 16],
        ]),
        0,
      ),
    ).toEqual({
      errorCode: 0,
      resources: [
        { name: 'all', type: 16 },
        { name: 'a b/c', type: 16 },
      ],
    });
  });

  it('v1: each entry with its resource type', () => {
    expect(
      decodeBody(
        listConfigResourcesApi,
        response(1, [
          ['sub', 16],
          ['grp', 32],
        ]),
        1,
      ).resources,
    ).toEqual([
      { name: 'sub', type: 16 },
      { name: 'grp', type: 32 },
    ]);
  });

  it('keeps the error code of a refusal', () => {
    expect(decodeBody(listConfigResourcesApi, response(1, [], 35), 1)).toEqual({ errorCode: 35, resources: [] });
  });
});

describe('ListConfigResources versions', () => {
  it('takes v1 from Kafka 4.1+ and v0 from a 3.7-4.0 KRaft broker', () => {
    expect(pickVersion(listConfigResourcesApi, { 74: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(pickVersion(listConfigResourcesApi, { 74: { minVersion: 0, maxVersion: 0 } })).toBe(0);
  });

  it('refuses a broker that does not advertise it (ZooKeeper mode)', () => {
    expect(() => pickVersion(listConfigResourcesApi, { 32: { minVersion: 0, maxVersion: 4 } })).toThrow(UnsupportedApiError);
  });
});
