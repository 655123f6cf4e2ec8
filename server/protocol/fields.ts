// Version-aware field readers and writers: the same message layout in its classic form (int16/int32 lengths) and
// its flexible form (KIP-482: compact strings, arrays and bytes with uvarint length + 1, a tag section per struct).
// Only primitives that codec.ts has in both forms are used, so the choice is made once per request, not per field.
import type { Reader, Writer } from '@/server/protocol/codec';

export function fieldReader(r: Reader, flexible: boolean) {
  return {
    string: (): string => (flexible ? r.compactString() : r.string()),
    nullableString: (): string | null => (flexible ? r.compactNullableString() : r.nullableString()),
    /** A null array is read as empty. */
    array: <T>(each: (r: Reader) => T): T[] => (flexible ? r.compactArray(each) : r.array(each)),
    /** Kafka `bytes`; null is read as empty (a view of the response buffer, not a copy). */
    bytes: (): Buffer => {
      const length = flexible ? r.uvarint() - 1 : r.int32();
      return length <= 0 ? Buffer.alloc(0) : r.bytes(length);
    },
    tags: () => {
      if (flexible) r.taggedFields();
    },
  };
}

export function fieldWriter(w: Writer, flexible: boolean) {
  return {
    string: (value: string | null) => (flexible ? w.compactString(value) : w.string(value)),
    array: <T>(items: readonly T[] | null, each: (w: Writer, item: T) => void) =>
      flexible ? w.compactArray(items, each) : w.array(items, each),
    tags: () => {
      if (flexible) w.emptyTaggedFields();
    },
  };
}
