import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import {
  ALTER_CONFIG_OPS,
  incrementalAlterConfigsApi,
  CONFIG_RESOURCE_TYPES,
  type IncrementalAlterConfigsInput,
} from '@/server/protocol/incremental-alter-configs';
import { decodeBody, encodeBody, pickVersion } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

const INPUT: IncrementalAlterConfigsInput = {
  resources: [
    {
      resourceType: CONFIG_RESOURCE_TYPES.TOPIC,
      resourceName: 't',
      configs: [
        { name: 'a', op: ALTER_CONFIG_OPS.SET, value: '1' },
        { name: 'b', op: ALTER_CONFIG_OPS.DELETE, value: null },
      ],
    },
    { resourceType: CONFIG_RESOURCE_TYPES.BROKER, resourceName: '1', configs: [{ name: 'c', op: ALTER_CONFIG_OPS.APPEND, value: 'x' }] },
  ],
  validateOnly: true,
};

describe('IncrementalAlterConfigs', () => {
  it('exports Kafka ids for resource types and operations', () => {
    expect(CONFIG_RESOURCE_TYPES).toEqual({ TOPIC: 2, BROKER: 4, CLIENT_METRICS: 16, GROUP: 32 });
    expect(ALTER_CONFIG_OPS).toEqual({ SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 });
  });

  it('v0 request: resources (type int8, name, configs (name, op int8, nullable value)) | validateOnly', () => {
    expect(encodeBody(incrementalAlterConfigsApi, INPUT, 0).toString('hex')).toBe(
      '00000002' +
        '02' +
        `0001${hex('t')}` +
        '00000002' +
        `0001${hex('a')}` +
        '00' +
        `0001${hex('1')}` +
        `0001${hex('b')}` +
        '01' +
        'ffff' +
        '04' +
        `0001${hex('1')}` +
        '00000001' +
        `0001${hex('c')}` +
        '02' +
        `0001${hex('x')}` +
        '01',
    );
  });

  it('v1 request: compact forms and tags', () => {
    expect(encodeBody(incrementalAlterConfigsApi, INPUT, 1).toString('hex')).toBe(
      '00' +
        '03' +
        '02' +
        `02${hex('t')}` +
        '03' +
        `02${hex('a')}` +
        '00' +
        `02${hex('1')}` +
        '00' +
        `02${hex('b')}` +
        '01' +
        '00' +
        '00' +
        '00' +
        '04' +
        `02${hex('1')}` +
        '02' +
        `02${hex('c')}` +
        '02' +
        `02${hex('x')}` +
        '00' +
        '00' +
        '01' +
        '00',
    );
  });

  it('v0 response: per-resource error code and message', () => {
    const w = new Writer().int32(0);
    w.array(
      [
        [0, null, 2, 't'],
        [40, 'Invalid value abc for configuration retention.ms: Not a number of type LONG', 2, 'u'],
      ] as const,
      (w, [code, message, type, name]) => w.int16(code).string(message).int8(type).string(name),
    );
    expect(decodeBody(incrementalAlterConfigsApi, w.toBuffer(), 0)).toEqual([
      { resourceType: 2, resourceName: 't', errorCode: 0, errorMessage: null },
      {
        resourceType: 2,
        resourceName: 'u',
        errorCode: 40,
        errorMessage: 'Invalid value abc for configuration retention.ms: Not a number of type LONG',
      },
    ]);
  });

  it('v1 response: compact forms with tag sections', () => {
    const w = new Writer().emptyTaggedFields().int32(0).uvarint(2);
    w.int16(42).compactString('bad request').int8(4).compactString('1').emptyTaggedFields();
    w.emptyTaggedFields();
    expect(decodeBody(incrementalAlterConfigsApi, w.toBuffer(), 1)).toEqual([
      { resourceType: 4, resourceName: '1', errorCode: 42, errorMessage: 'bad request' },
    ]);
  });

  it('picks v1 from Kafka 3.9 and 4.x (both 0-1)', () => {
    expect(pickVersion(incrementalAlterConfigsApi, { 44: { minVersion: 0, maxVersion: 1 } })).toBe(1);
    expect(pickVersion(incrementalAlterConfigsApi, { 44: { minVersion: 0, maxVersion: 0 } })).toBe(0);
  });
});
