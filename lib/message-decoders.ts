// How the record view shows a key, a value or a header: the API sends UTF-8 text or base64 (bytes that are not
// UTF-8); these decoders give the person other views of the same bytes. Pure, for the browser.

export type Encoded = { text: string | null; encoding: 'utf8' | 'base64' | null };
export type Decoder = 'auto' | 'text' | 'json' | 'hex' | 'base64';
export type Detected = 'null' | 'empty' | 'json' | 'text' | 'binary';

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function bytesOf(part: Encoded): Uint8Array | null {
  if (part.text === null) return null;
  return part.encoding === 'base64' ? base64ToBytes(part.text) : new TextEncoder().encode(part.text);
}

/** The value parsed as JSON, or undefined when it is not JSON (a bare number or string counts only inside quotes). */
export function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{"]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

export function detect(part: Encoded): Detected {
  if (part.text === null) return 'null';
  if (part.text === '') return 'empty';
  if (part.encoding === 'base64') return 'binary';
  if (parseJson(part.text) !== undefined) return 'json';
  // Control characters other than tab and line ends: text in name only.
  return /[\u0000-\u0008\u000e-\u001f]/.test(part.text) ? 'binary' : 'text';
}

/**
 * A schema registry's wire format (Confluent's, which Apicurio and Redpanda use too): magic byte 0, then the schema id
 * as a big-endian int32, then the encoded record. Shown even with no registry configured: the id says which schema.
 */
export function schemaRegistryFrame(bytes: Uint8Array | null): { schemaId: number } | null {
  if (!bytes || bytes.length < 5 || bytes[0] !== 0) return null;
  const schemaId = ((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0;
  return { schemaId };
}

/** 16 bytes a line: offset, hex, printable ASCII (anything else as "."). */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, maxBytes);
  for (let at = 0; at < end; at += 16) {
    const row = bytes.subarray(at, Math.min(at + 16, end));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${at.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`);
  return lines.join('\n');
}

/** The part as the chosen decoder shows it; `auto` picks JSON, text or hex by what the bytes are. */
export function render(part: Encoded, decoder: Decoder): { kind: 'json'; value: unknown } | { kind: 'text'; text: string } {
  const bytes = bytesOf(part);
  if (bytes === null) return { kind: 'text', text: 'null' };
  const chosen =
    decoder === 'auto' ? ({ json: 'json', text: 'text', binary: 'hex', empty: 'text', null: 'text' } as const)[detect(part)] : decoder;
  switch (chosen) {
    case 'json': {
      const value = part.encoding === 'utf8' && part.text !== null ? parseJson(part.text) : undefined;
      return value === undefined ? { kind: 'text', text: 'Not JSON' } : { kind: 'json', value };
    }
    case 'hex':
      return { kind: 'text', text: hexDump(bytes) };
    case 'base64':
      return { kind: 'text', text: bytesToBase64(bytes) };
    case 'text':
      return { kind: 'text', text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
  }
}

/** One line for a table cell: the text itself (shortened), or what the bytes are. */
export function preview(part: Encoded, max = 160): string {
  if (part.text === null) return 'null';
  if (part.encoding === 'base64') {
    const bytes = bytesOf(part);
    const frame = schemaRegistryFrame(bytes);
    const size = bytes?.length ?? 0;
    return frame ? `schema ${frame.schemaId} · ${size} bytes` : `binary · ${size} bytes`;
  }
  const flat = part.text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
