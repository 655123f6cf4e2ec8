// Kafka wire primitives, classic and flexible (KIP-482: compact strings/arrays, unsigned varints, tagged fields).
// Pure and independent of kafkajs so encoders and decoders are unit-tested byte for byte.

/** 2^32, to split and join int64 halves as JS numbers. */
const UINT32 = 4_294_967_296;
const MAX_SAFE_BIGINT = 2n ** 53n;
const MIN_SAFE_BIGINT = -MAX_SAFE_BIGINT;
/** An int64 whose high 32 bits are in [-2^21, 2^21) has |value| ≤ 2^53: exact as a JS number. */
const safeHigh = (high: number) => high >= -0x20_0000 && high < 0x20_0000;

/**
 * Writes into one buffer that doubles when full (a request for 10,000 partitions is ~170 KB: a buffer per field
 * and a final concat cost more than the encoding itself).
 */
export class Writer {
  private buf: Buffer;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafe(Math.max(1, initialCapacity));
  }

  /** Room for `size` more bytes; returns where they go. Read `this.buf` only after calling it (it may move). */
  private reserve(size: number): number {
    const at = this.length;
    const needed = at + size;
    if (needed > this.buf.length) {
      let capacity = this.buf.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = Buffer.allocUnsafe(capacity);
      this.buf.copy(grown, 0, 0, at);
      this.buf = grown;
    }
    this.length = needed;
    return at;
  }

  int8(v: number) {
    const at = this.reserve(1);
    this.buf.writeInt8(v, at);
    return this;
  }

  int16(v: number) {
    const at = this.reserve(2);
    this.buf.writeInt16BE(v, at);
    return this;
  }

  uint16(v: number) {
    const at = this.reserve(2);
    this.buf.writeUInt16BE(v, at);
    return this;
  }

  int32(v: number) {
    const at = this.reserve(4);
    this.buf.writeInt32BE(v, at);
    return this;
  }

  /** Below 2^53 in magnitude as two int32 halves of one exact number: Node's bigint writer is 3× slower. */
  int64(v: bigint) {
    const at = this.reserve(8);
    if (v >= MIN_SAFE_BIGINT && v <= MAX_SAFE_BIGINT) {
      const n = Number(v);
      const high = Math.floor(n / UINT32);
      this.buf.writeInt32BE(high, at);
      this.buf.writeUInt32BE(n - high * UINT32, at + 4);
    } else {
      this.buf.writeBigInt64BE(v, at);
    }
    return this;
  }

  bool(v: boolean) {
    return this.int8(v ? 1 : 0);
  }

  raw(bytes: Uint8Array) {
    const at = this.reserve(bytes.length);
    this.buf.set(bytes, at);
    return this;
  }

  uvarint(value: number) {
    let v = value >>> 0;
    while (v >= 0x80) {
      const at = this.reserve(1);
      this.buf[at] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    const at = this.reserve(1);
    this.buf[at] = v;
    return this;
  }

  /** UTF-8 bytes of `value` straight into the buffer; `byteLength` is Buffer.byteLength(value) (already known). */
  private utf8(value: string, byteLength: number) {
    const at = this.reserve(byteLength);
    this.buf.write(value, at, byteLength, 'utf8');
    return this;
  }

  string(value: string | null) {
    if (value === null) return this.int16(-1);
    const byteLength = Buffer.byteLength(value, 'utf8');
    return this.int16(byteLength).utf8(value, byteLength);
  }

  compactString(value: string | null) {
    if (value === null) return this.uvarint(0);
    const byteLength = Buffer.byteLength(value, 'utf8');
    return this.uvarint(byteLength + 1).utf8(value, byteLength);
  }

  array<T>(items: readonly T[] | null, each: (w: Writer, item: T) => void) {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) each(this, item);
    return this;
  }

  compactArray<T>(items: readonly T[] | null, each: (w: Writer, item: T) => void) {
    if (items === null) return this.uvarint(0);
    this.uvarint(items.length + 1);
    for (const item of items) each(this, item);
    return this;
  }

  /** The console sends no tagged fields: an empty section is a single 0 byte. */
  emptyTaggedFields() {
    return this.uvarint(0);
  }

  /**
   * The bytes written so far, without copying: a view of the internal buffer. Later writes only append past its
   * end (or move to a new buffer), so the view never changes; it must not be written to.
   */
  toBuffer(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

export class ProtocolDecodeError extends Error {
  override name = 'ProtocolDecodeError';
}

export class Reader {
  private offset = 0;
  constructor(private readonly buf: Buffer) {}

  private take(size: number) {
    if (this.offset + size > this.buf.length) {
      throw new ProtocolDecodeError(`response truncated: wanted ${size} bytes at offset ${this.offset} of ${this.buf.length}`);
    }
    const start = this.offset;
    this.offset += size;
    return start;
  }

  int8 = () => this.buf.readInt8(this.take(1));
  int16 = () => this.buf.readInt16BE(this.take(2));
  uint16 = () => this.buf.readUInt16BE(this.take(2));
  int32 = () => this.buf.readInt32BE(this.take(4));
  /** int64 as a bigint; below 2^53 in magnitude built from one exact number (Node's reader makes four bigints). */
  int64 = () => {
    const at = this.take(8);
    const high = this.buf.readInt32BE(at);
    return safeHigh(high) ? BigInt(high * UINT32 + this.buf.readUInt32BE(at + 4)) : this.buf.readBigInt64BE(at);
  };
  /** int64 as an exact decimal string (offsets, sizes), without a bigint when it fits a safe integer. */
  int64String = () => {
    const at = this.take(8);
    const high = this.buf.readInt32BE(at);
    return safeHigh(high) ? String(high * UINT32 + this.buf.readUInt32BE(at + 4)) : this.buf.readBigInt64BE(at).toString();
  };
  bool = () => this.int8() !== 0;
  bytes = (length: number) => this.buf.subarray(this.take(length), this.offset);
  remaining = () => this.buf.length - this.offset;
  skip = (size: number) => {
    this.take(size);
  };

  private utf8(length: number) {
    const at = this.take(length);
    return this.buf.toString('utf8', at, at + length);
  }

  uvarint() {
    let result = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      const byte = this.buf.readUInt8(this.take(1));
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new ProtocolDecodeError('unsigned varint longer than 5 bytes');
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new ProtocolDecodeError('unexpected null string');
    return value;
  }

  nullableString() {
    const length = this.int16();
    return length < 0 ? null : this.utf8(length);
  }

  compactString(): string {
    const value = this.compactNullableString();
    if (value === null) throw new ProtocolDecodeError('unexpected null compact string');
    return value;
  }

  compactNullableString() {
    const length = this.uvarint();
    return length === 0 ? null : this.utf8(length - 1);
  }

  array<T>(each: (r: Reader) => T): T[] {
    return this.items(this.int32(), each);
  }

  /** Compact arrays store length + 1; 0 is null, read as empty. */
  compactArray<T>(each: (r: Reader) => T): T[] {
    return this.items(this.uvarint() - 1, each);
  }

  /** A compact array where null means something else than empty (e.g. ELR: unknown vs none). */
  compactNullableArray<T>(each: (r: Reader) => T): T[] | null {
    const length = this.uvarint();
    return length === 0 ? null : this.items(length - 1, each);
  }

  // A plain loop: Array.from with a callback was the decoders' largest cost on 10,000-partition responses.
  private items<T>(count: number, each: (r: Reader) => T): T[] {
    const items: T[] = [];
    for (let i = 0; i < count; i += 1) items.push(each(this));
    return items;
  }

  uuid() {
    return this.bytes(16).toString('base64url');
  }

  /**
   * Reads a tagged-field section: each tag with a reader in `fields` is read from its own bytes, every other one
   * is skipped (fields the console does not know are ignorable by definition).
   */
  taggedFields(fields: Record<number, (r: Reader) => void> = {}) {
    const count = this.uvarint();
    for (let i = 0; i < count; i += 1) {
      const tag = this.uvarint();
      const size = this.uvarint();
      const read = fields[tag];
      if (read) read(new Reader(this.bytes(size)));
      else this.skip(size);
    }
  }
}
