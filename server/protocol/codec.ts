// Kafka wire primitives, classic and flexible (KIP-482: compact strings/arrays, unsigned varints, tagged fields).
// Pure and independent of kafkajs so encoders and decoders are unit-tested byte for byte.

export class Writer {
  private chunks: Buffer[] = [];

  private push(size: number, write: (buf: Buffer) => void) {
    const buf = Buffer.alloc(size);
    write(buf);
    this.chunks.push(buf);
    return this;
  }

  int8 = (v: number) => this.push(1, (b) => b.writeInt8(v));
  int16 = (v: number) => this.push(2, (b) => b.writeInt16BE(v));
  uint16 = (v: number) => this.push(2, (b) => b.writeUInt16BE(v));
  int32 = (v: number) => this.push(4, (b) => b.writeInt32BE(v));
  int64 = (v: bigint) => this.push(8, (b) => b.writeBigInt64BE(v));
  bool = (v: boolean) => this.int8(v ? 1 : 0);
  raw = (buf: Buffer) => {
    this.chunks.push(buf);
    return this;
  };

  uvarint(value: number) {
    const bytes: number[] = [];
    let v = value >>> 0;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
    return this.raw(Buffer.from(bytes));
  }

  string(value: string | null) {
    if (value === null) return this.int16(-1);
    const buf = Buffer.from(value, 'utf8');
    return this.int16(buf.length).raw(buf);
  }

  compactString(value: string | null) {
    if (value === null) return this.uvarint(0);
    const buf = Buffer.from(value, 'utf8');
    return this.uvarint(buf.length + 1).raw(buf);
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
  emptyTaggedFields = () => this.uvarint(0);

  toBuffer() {
    return Buffer.concat(this.chunks);
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
  int64 = () => this.buf.readBigInt64BE(this.take(8));
  bool = () => this.int8() !== 0;
  bytes = (length: number) => this.buf.subarray(this.take(length), this.offset);
  remaining = () => this.buf.length - this.offset;

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
    return length < 0 ? null : this.bytes(length).toString('utf8');
  }

  compactString(): string {
    const value = this.compactNullableString();
    if (value === null) throw new ProtocolDecodeError('unexpected null compact string');
    return value;
  }

  compactNullableString() {
    const length = this.uvarint();
    return length === 0 ? null : this.bytes(length - 1).toString('utf8');
  }

  array<T>(each: (r: Reader) => T): T[] {
    const length = this.int32();
    return length < 0 ? [] : Array.from({ length }, () => each(this));
  }

  compactArray<T>(each: (r: Reader) => T): T[] {
    const length = this.uvarint();
    return length === 0 ? [] : Array.from({ length: length - 1 }, () => each(this));
  }

  uuid() {
    return this.bytes(16).toString('base64url');
  }

  /** Skips a tagged-field section: fields the console does not know are ignorable by definition. */
  taggedFields() {
    const count = this.uvarint();
    for (let i = 0; i < count; i += 1) {
      this.uvarint();
      this.bytes(this.uvarint());
    }
  }
}
