// Zigzag varints of Kafka's records (KIP-98): int32 "varint" and int64 "varlong" with ProtoBuf's zigzag encoding.
// varlongs are read as JS numbers: exact below 2^53, which timestamp deltas (and every length) stay far below.

export class VarintError extends Error {
  override name = 'VarintError';
}

/** A cursor over one buffer (a decompressed batch's records); reads never copy. */
export class RecordReader {
  constructor(
    readonly buf: Buffer,
    public at = 0,
    private readonly end = buf.length,
  ) {}

  remaining() {
    return this.end - this.at;
  }

  int8() {
    if (this.at >= this.end) throw new VarintError('record truncated');
    return this.buf.readInt8(this.at++);
  }

  int16() {
    if (this.at + 2 > this.end) throw new VarintError('record truncated');
    const v = this.buf.readInt16BE(this.at);
    this.at += 2;
    return v;
  }

  /** A zigzag varlong as a number (up to 10 bytes). */
  varlong(): number {
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 10; i += 1) {
      if (this.at >= this.end) throw new VarintError('varint truncated');
      const byte = this.buf[this.at++]!;
      result += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
      multiplier *= 128;
    }
    throw new VarintError('varint longer than 10 bytes');
  }

  /** A zigzag varint (up to 5 bytes); the fast path for the one-byte lengths most records have. */
  varint(): number {
    const buf = this.buf;
    if (this.at < this.end) {
      const byte = buf[this.at]!;
      if ((byte & 0x80) === 0) {
        this.at += 1;
        return (byte >>> 1) ^ -(byte & 1);
      }
    }
    let raw = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.at >= this.end) throw new VarintError('varint truncated');
      const byte = buf[this.at++]!;
      raw |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (raw >>> 1) ^ -(raw & 1);
    }
    throw new VarintError('varint longer than 5 bytes');
  }

  /** `length` bytes as a view; a negative length is null (Kafka's nullable bytes). */
  bytes(length: number): Buffer | null {
    if (length < 0) return null;
    if (this.at + length > this.end) throw new VarintError('record truncated');
    const view = this.buf.subarray(this.at, this.at + length);
    this.at += length;
    return view;
  }
}

/** Appends zigzag varints and varlongs to an array of bytes (the encoder builds records this way). */
export function writeVarlong(out: number[], value: number) {
  // zigzag: non-negative n → 2n, negative n → −2n − 1 (as numbers: exact below 2^52 in magnitude).
  let v = value >= 0 ? value * 2 : -value * 2 - 1;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

export const writeVarint = writeVarlong;
