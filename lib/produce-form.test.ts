import { describe, expect, it } from 'vitest';
import { EMPTY_PRODUCE_FORM, produceFieldErrors, produceFormFrom, toProduceInput } from '@/lib/produce-form';
import type { Message } from '@/lib/schemas/messages';

describe('produce form', () => {
  it('builds the API input: null key by default, headers with null values, partition by key when empty', () => {
    const result = toProduceInput({
      ...EMPTY_PRODUCE_FORM,
      value: '{"a":1}',
      headers: [{ key: 'h', value: '', nullValue: true, encoding: 'utf8' }],
      compression: 'zstd',
      acks: '1',
    });
    expect(result).toEqual({
      input: {
        key: null,
        keyEncoding: 'utf8',
        value: '{"a":1}',
        valueEncoding: 'utf8',
        headers: [{ key: 'h', value: null, valueEncoding: 'utf8' }],
        compression: 'zstd',
        acks: 1,
      },
    });
  });

  it('refuses a bad partition, a header without a name and bytes that are not base64, on their fields', () => {
    expect(toProduceInput({ ...EMPTY_PRODUCE_FORM, partition: 'x' })).toEqual({ fieldErrors: { partition: [expect.any(String)] } });
    expect(toProduceInput({ ...EMPTY_PRODUCE_FORM, headers: [{ key: ' ', value: 'v', nullValue: false, encoding: 'utf8' }] })).toEqual({
      fieldErrors: { 'header.0': [expect.any(String)] },
    });
    expect(toProduceInput({ ...EMPTY_PRODUCE_FORM, value: '%%', valueEncoding: 'base64' })).toEqual({
      fieldErrors: { value: ['not base64'] },
    });
    expect(produceFieldErrors({ 'headers.2.value': ['not base64'], value: ['too large'], other: ['x'] })).toEqual({
      'header.2': ['not base64'],
      value: ['too large'],
      request: ['x'],
    });
  });

  it('produces again from a shown record as shown', () => {
    const message: Message = {
      partition: 2,
      offset: '7',
      timestamp: 1,
      timestampType: 'CreateTime',
      key: null,
      keyEncoding: null,
      value: 'AAE=',
      valueEncoding: 'base64',
      headers: [{ key: 'trace', value: 'abc', valueEncoding: 'utf8' }],
      keySize: null,
      valueSize: 2,
      compression: 'lz4',
      transactional: false,
    };
    expect(produceFormFrom(message)).toMatchObject({
      partition: '2',
      nullKey: true,
      value: 'AAE=',
      valueEncoding: 'base64',
      compression: 'lz4',
      headers: [{ key: 'trace', value: 'abc', nullValue: false }],
    });
  });
});
