import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';
import { updateFeaturesApi } from '@/server/protocol/update-features';

const hex = (s: string) => Buffer.from(s).toString('hex');
const INPUT = { timeoutMs: 30_000, updates: [{ feature: 'share.version', maxVersionLevel: 1 }], validateOnly: true };

describe('UpdateFeatures', () => {
  it('v1-v2 request: header tags | timeout | updates (name, level int16, upgrade type 1, tags) | validateOnly | tags', () => {
    const expected = '00' + '00007530' + '02' + `0e${hex('share.version')}` + '0001' + '01' + '00' + '01' + '00';
    expect(encodeBody(updateFeaturesApi, INPUT, 1).toString('hex')).toBe(expected);
    expect(encodeBody(updateFeaturesApi, INPUT, 2).toString('hex')).toBe(expected);
    expect(encodeBody(updateFeaturesApi, { ...INPUT, validateOnly: false }, 2).toString('hex')).toBe(expected.slice(0, -4) + '0000');
  });

  it('v1 response: top-level error and per-feature results with messages', () => {
    const w = new Writer().emptyTaggedFields().int32(0).int16(0).compactString(null).uvarint(2);
    w.compactString('metadata.version').int16(95).compactString('Invalid update version 99').emptyTaggedFields();
    w.emptyTaggedFields();
    expect(decodeBody(updateFeaturesApi, w.toBuffer(), 1)).toEqual({
      errorCode: 0,
      errorMessage: null,
      results: [{ feature: 'metadata.version', errorCode: 95, errorMessage: 'Invalid update version 99' }],
    });
  });

  it('v2 response: the top-level error alone', () => {
    const w = new Writer().emptyTaggedFields().int32(0).int16(95).compactString("Can't downgrade").emptyTaggedFields();
    expect(decodeBody(updateFeaturesApi, w.toBuffer(), 2)).toEqual({ errorCode: 95, errorMessage: "Can't downgrade", results: [] });
  });

  it('needs v1 (ValidateOnly): a broker serving only v0 is refused before any request', () => {
    expect(pickVersion(updateFeaturesApi, { 57: { minVersion: 0, maxVersion: 2 } })).toBe(2);
    expect(pickVersion(updateFeaturesApi, { 57: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(() => pickVersion(updateFeaturesApi, { 57: { minVersion: 0, maxVersion: 0 } })).toThrow(UnsupportedApiError);
    expect(() => pickVersion(updateFeaturesApi, {})).toThrow(UnsupportedApiError);
  });
});
