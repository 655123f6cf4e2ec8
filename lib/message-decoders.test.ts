import { describe, expect, it } from 'vitest';
import { detect, hexDump, preview, render, schemaRegistryFrame } from '@/lib/message-decoders';

const utf8 = (text: string | null) => ({ text, encoding: text === null ? null : ('utf8' as const) });
const b64 = (bytes: number[]) => ({ text: Buffer.from(bytes).toString('base64'), encoding: 'base64' as const });

describe('message decoders', () => {
  it('detects JSON, text, binary, empty and null', () => {
    expect(detect(utf8('{"a":[1,2]}'))).toBe('json');
    expect(detect(utf8('  [1]'))).toBe('json');
    expect(detect(utf8('42'))).toBe('text');
    expect(detect(utf8('中文 text\twith tab'))).toBe('text');
    expect(detect(utf8('a\u0001b'))).toBe('binary');
    expect(detect(b64([0xff, 0]))).toBe('binary');
    expect(detect(utf8(''))).toBe('empty');
    expect(detect(utf8(null))).toBe('null');
  });

  it('renders with each decoder; auto picks by content', () => {
    expect(render(utf8('{"a":1}'), 'auto')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(render(utf8('plain'), 'json')).toEqual({ kind: 'text', text: 'Not JSON' });
    const line = (hex: string, ascii: string) => `00000000  ${hex.padEnd(47)}  |${ascii}|`;
    expect(render(utf8('AB'), 'hex')).toEqual({ kind: 'text', text: line('41 42', 'AB') });
    expect(render(utf8('AB'), 'base64')).toEqual({ kind: 'text', text: 'QUI=' });
    expect(render(b64([0x68, 0x69]), 'text')).toEqual({ kind: 'text', text: 'hi' });
    expect(render(b64([0xff, 0x00]), 'auto')).toEqual({ kind: 'text', text: line('ff 00', '..') });
  });

  it('finds the schema id of the schema-registry wire format', () => {
    expect(schemaRegistryFrame(Uint8Array.from([0, 0, 0, 1, 44, 2, 6]))).toEqual({ schemaId: 300 });
    expect(schemaRegistryFrame(Uint8Array.from([1, 0, 0, 1, 44]))).toBeNull();
    expect(schemaRegistryFrame(Uint8Array.from([0, 0, 0]))).toBeNull();
    expect(preview(b64([0, 0, 0, 0, 7, 2, 6, 0xff]))).toBe('schema 7 · 8 bytes');
  });

  it('dumps long bytes with a count of what is left out', () => {
    const dump = hexDump(new Uint8Array(40), 32);
    expect(dump.split('\n')).toHaveLength(3);
    expect(dump).toMatch(/… 8 more bytes$/);
  });
});
