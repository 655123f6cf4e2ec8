import { describe, expect, it } from 'vitest';
import { apiVersionsApi } from '@/server/protocol/api-versions';
import { Writer } from '@/server/protocol/codec';
import { decodeBody, encodeBody } from '@/server/protocol/request';

/** A tagged field: tag, size, then the bytes `write` produces. */
const tagged = (w: Writer, tag: number, write: (w: Writer) => void) => {
  const field = new Writer();
  write(field);
  const bytes = field.toBuffer();
  w.uvarint(tag).uvarint(bytes.length).raw(bytes);
};

/** A v4 answer as a broker sends it after the correlation id: no header tag section (ApiVersions keeps header v0). */
function response({ withFeatures = true } = {}) {
  const w = new Writer();
  w.int16(0);
  w.compactArray([[18, 0, 4] as const], (w, [key, min, max]) => w.int16(key).int16(min).int16(max).emptyTaggedFields());
  w.int32(0);
  if (!withFeatures) return w.emptyTaggedFields().toBuffer();
  w.uvarint(3);
  tagged(w, 0, (w) =>
    w.compactArray([['metadata.version', 7, 30] as const, ['group.version', 0, 1] as const], (w, [name, min, max]) =>
      w.compactString(name).int16(min).int16(max).emptyTaggedFields(),
    ),
  );
  tagged(w, 1, (w) => w.int64(1622n));
  // FinalizedFeatureKey: MaxVersionLevel, then MinVersionLevel.
  tagged(w, 2, (w) =>
    w.compactArray([['metadata.version', 30, 1] as const], (w, [name, max, min]) =>
      w.compactString(name).int16(max).int16(min).emptyTaggedFields(),
    ),
  );
  return w.toBuffer();
}

describe('ApiVersions v3-4 (features)', () => {
  it('sends the client name and version after the header tag section', () => {
    const hex = encodeBody(apiVersionsApi, undefined, 4).toString('hex');
    const name = Buffer.from('kafka-console').toString('hex');
    expect(hex).toBe(`00` + `0e${name}` + `02${Buffer.from('1').toString('hex')}` + `00`);
  });

  it('reads supported ranges, the finalized epoch and levels from the tagged fields, with no header tags', () => {
    expect(decodeBody(apiVersionsApi, response(), 4)).toEqual({
      errorCode: 0,
      supported: [
        { name: 'metadata.version', minVersion: 7, maxVersion: 30 },
        { name: 'group.version', minVersion: 0, maxVersion: 1 },
      ],
      finalizedEpoch: '1622',
      finalized: [{ name: 'metadata.version', minVersion: 1, maxVersion: 30 }],
    });
  });

  it('answers no epoch and no features when the broker sends none (ZooKeeper mode)', () => {
    expect(decodeBody(apiVersionsApi, response({ withFeatures: false }), 3)).toEqual({
      errorCode: 0,
      supported: [],
      finalizedEpoch: null,
      finalized: [],
    });
  });
});
