// The four codecs of Kafka's record batches (attributes bits 0-2), read and written with packages that install
// without compiling: Node's zlib (gzip), snappyjs, lz4js (blocks; the frame is Kafka's own, below), fzstd
// (decompression: it reads frames without a content size, as Kafka's Java and librdkafka producers write them) and
// @bokuweb/zstd-wasm (compression).
import { compress as zstdCompressWasm, init as zstdInit } from '@bokuweb/zstd-wasm';
import { Decompress as ZstdDecompress, decompress as zstdDecompressFrame } from 'fzstd';
import { compressBlock, compressBound, decompressBlock } from 'lz4js';
import { hash as xxh32 } from 'lz4js/xxh32.js';
import { compress as snappyCompress, uncompress as snappyUncompress } from 'snappyjs';
import { gunzipSync, gzipSync } from 'node:zlib';

export const COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Compression = (typeof COMPRESSIONS)[number];

/**
 * A batch that inflates beyond this is refused rather than decoded: producers write batches of at most
 * max.message.bytes (1 MiB by default) before compression, so this only stops a decompression bomb.
 */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

export class CompressionError extends Error {
  override name = 'CompressionError';
}

/** The codec of a batch's attributes; an unknown code (5-7) is an error, as in Kafka's CompressionType.forId. */
export function compressionOfAttributes(attributes: number): Compression {
  const codec = COMPRESSIONS[attributes & 0x07];
  if (!codec) throw new CompressionError(`unknown compression type ${attributes & 0x07}`);
  return codec;
}

export function decompress(codec: Compression, data: Uint8Array): Buffer {
  try {
    switch (codec) {
      case 'none':
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      case 'gzip':
        // One output chunk for a typical batch instead of zlib's 16 KiB ones concatenated: a scan decompresses
        // hundreds of MB, and every chunk is a buffer for the collector.
        return gunzipSync(data, { maxOutputLength: MAX_DECOMPRESSED_BYTES, chunkSize: GZIP_CHUNK });
      case 'snappy':
        return snappyDecompress(data);
      case 'lz4':
        return lz4DecompressFrame(data);
      case 'zstd':
        return zstdDecompress(data);
    }
  } catch (error) {
    if (error instanceof CompressionError) throw error;
    throw new CompressionError(`${codec} data could not be decompressed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const GZIP_CHUNK = 256 * 1024;

let zstdReady: Promise<void> | null = null;

export async function compress(codec: Compression, data: Buffer): Promise<Buffer> {
  switch (codec) {
    case 'none':
      return data;
    case 'gzip':
      return gzipSync(data);
    case 'snappy':
      return snappyCompressFramed(data);
    case 'lz4':
      return lz4CompressFrame(data);
    case 'zstd': {
      zstdReady ??= zstdInit();
      await zstdReady;
      const out = zstdCompressWasm(data, 3);
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    }
  }
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

// --- snappy: Java producers write snappy-java's "xerial" framing, librdkafka writes raw snappy; both are read.

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
/** snappy-java's SnappyOutputStream default block size. */
const XERIAL_BLOCK = 32 * 1024;

function snappyDecompress(data: Uint8Array): Buffer {
  const bytes = toBuffer(data);
  if (bytes.length < 16 || !bytes.subarray(0, 8).equals(XERIAL_MAGIC)) return toBuffer(snappyUncompress(bytes, MAX_DECOMPRESSED_BYTES));
  const parts: Buffer[] = [];
  let total = 0;
  // Header: magic, version (int32), compatible version (int32); then blocks of int32 length + raw snappy.
  for (let at = 16; at < bytes.length;) {
    if (at + 4 > bytes.length) throw new CompressionError('snappy: truncated block header');
    const length = bytes.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length > bytes.length) throw new CompressionError('snappy: truncated block');
    const part = toBuffer(snappyUncompress(bytes.subarray(at, at + length), MAX_DECOMPRESSED_BYTES - total));
    total += part.length;
    parts.push(part);
    at += length;
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
}

function snappyCompressFramed(data: Buffer): Buffer {
  const header = Buffer.alloc(16);
  XERIAL_MAGIC.copy(header, 0);
  header.writeInt32BE(1, 8);
  header.writeInt32BE(1, 12);
  const parts: Buffer[] = [header];
  for (let at = 0; at < data.length; at += XERIAL_BLOCK) {
    const block = toBuffer(snappyCompress(data.subarray(at, Math.min(at + XERIAL_BLOCK, data.length))));
    const length = Buffer.alloc(4);
    length.writeInt32BE(block.length, 0);
    parts.push(length, block);
  }
  return Buffer.concat(parts);
}

// --- lz4: the LZ4 frame format, as Kafka's Lz4BlockInputStream/OutputStream read and write it (independent blocks
// of 64 KiB; optional block checksums; the content size and checksum flags are read and skipped).

const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK_SIZES: Record<number, number> = { 4: 0x1_0000, 5: 0x4_0000, 6: 0x10_0000, 7: 0x40_0000 };
const LZ4_UNCOMPRESSED = 0x8000_0000;

/** The frame's blocks: where each one's bytes are, and whether it is stored uncompressed. */
function lz4Blocks(src: Buffer, start: number, blockChecksum: boolean) {
  const blocks: { at: number; length: number; stored: boolean }[] = [];
  for (let at = start; ;) {
    if (at + 4 > src.length) throw new CompressionError('lz4: truncated frame');
    const word = src.readUInt32LE(at);
    at += 4;
    if (word === 0) return blocks;
    const length = word & 0x7fff_ffff;
    if (at + length > src.length) throw new CompressionError('lz4: truncated block');
    blocks.push({ at, length, stored: (word & LZ4_UNCOMPRESSED) !== 0 });
    at += length + (blockChecksum ? 4 : 0);
  }
}

/** Decoded into one buffer sized by the frame's block size (no per-block buffers to concatenate). */
function lz4DecompressFrame(data: Uint8Array): Buffer {
  const src = toBuffer(data);
  if (src.length < 7 || src.readUInt32LE(0) !== LZ4_MAGIC) throw new CompressionError('lz4: not an LZ4 frame');
  const flg = src[4]!;
  const blockSize = LZ4_BLOCK_SIZES[(src[5]! >> 4) & 0x07];
  if (!blockSize) throw new CompressionError('lz4: invalid block size');
  const blocks = lz4Blocks(src, 6 + ((flg & 0x08) !== 0 ? 8 : 0) + 1, (flg & 0x10) !== 0);
  const bound = blocks.reduce((n, b) => n + (b.stored ? b.length : blockSize), 0);
  if (bound > MAX_DECOMPRESSED_BYTES + blockSize) throw new CompressionError(`lz4: more than ${MAX_DECOMPRESSED_BYTES} bytes`);
  const out = Buffer.allocUnsafe(bound);
  let end = 0;
  for (const block of blocks) {
    if (block.stored) {
      src.copy(out, end, block.at, block.at + block.length);
      end += block.length;
    } else {
      const next = decompressBlock(src, out, block.at, block.length, end);
      if (next - end > blockSize) throw new CompressionError('lz4: block larger than its frame allows');
      end = next;
    }
  }
  if (end > MAX_DECOMPRESSED_BYTES) throw new CompressionError(`lz4: more than ${MAX_DECOMPRESSED_BYTES} bytes`);
  return out.subarray(0, end);
}

/** Independent 64 KiB blocks (FLG 0x60, BD 0x40), no checksums: what Kafka's Lz4BlockOutputStream writes. */
function lz4CompressFrame(data: Buffer): Buffer {
  const blockSize = LZ4_BLOCK_SIZES[4]!;
  const header = Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x40, 0]);
  header[6] = (xxh32(0, header, 4, 2) >>> 8) & 0xff;
  const parts: Buffer[] = [header];
  const hashTable = new Uint32Array(1 << 16);
  const scratch = Buffer.allocUnsafe(compressBound(blockSize));
  for (let at = 0; at < data.length; at += blockSize) {
    const length = Math.min(blockSize, data.length - at);
    hashTable.fill(0); // a fresh table per block: no match reaches into the block before (independent blocks)
    const compressed = compressBlock(data, scratch, at, length, hashTable);
    const word = Buffer.alloc(4);
    if (compressed === 0 || compressed >= length) {
      word.writeUInt32LE((LZ4_UNCOMPRESSED | length) >>> 0, 0);
      parts.push(word, data.subarray(at, at + length));
    } else {
      word.writeUInt32LE(compressed, 0);
      parts.push(word, Buffer.from(scratch.subarray(0, compressed)));
    }
  }
  parts.push(Buffer.alloc(4)); // end mark
  return Buffer.concat(parts);
}

// --- zstd: a frame that declares its size (librdkafka's) is decoded into one buffer of that size; one without (Java's
// ZstdOutputStream) is streamed. Both are capped.

const ZSTD_MAGIC = 0xfd2fb528;

/** The content size a single zstd frame declares in its header; null when it does not (or it is not one frame). */
export function zstdDeclaredSize(data: Uint8Array): number | null {
  const src = toBuffer(data);
  if (src.length < 6 || src.readUInt32LE(0) !== ZSTD_MAGIC) return null;
  const descriptor = src[4]!;
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][sizeFlag]!;
  if (sizeBytes === 0) return null;
  const at = 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
  if (at + sizeBytes > src.length) return null;
  if (sizeBytes === 1) return src[at]!;
  if (sizeBytes === 2) return src.readUInt16LE(at) + 256;
  if (sizeBytes === 4) return src.readUInt32LE(at);
  return Number(src.readBigUInt64LE(at));
}

function zstdDecompress(data: Uint8Array): Buffer {
  const declared = zstdDeclaredSize(data);
  if (declared !== null) {
    if (declared > MAX_DECOMPRESSED_BYTES)
      throw new CompressionError(`zstd: the frame declares ${declared} bytes, more than ${MAX_DECOMPRESSED_BYTES}`);
    return toBuffer(zstdDecompressFrame(data));
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new ZstdDecompress((chunk) => {
    total += chunk.length;
    if (total > MAX_DECOMPRESSED_BYTES) throw new CompressionError(`zstd: more than ${MAX_DECOMPRESSED_BYTES} bytes`);
    parts.push(chunk);
  });
  stream.push(data, true);
  if (parts.length === 1) return toBuffer(parts[0]!);
  return Buffer.concat(parts, total);
}
