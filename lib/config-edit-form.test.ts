import { describe, expect, it } from 'vitest';
import { configEditErrors, isEditableConfig, isSetOn, toResetPatch, toSetPatch } from '@/lib/config-edit-form';
import type { ConfigEntry } from '@/lib/schemas/configs';

const entry = (changes: Partial<ConfigEntry>): ConfigEntry => ({
  name: 'retention.ms',
  value: '1',
  source: 'default',
  isDefault: true,
  isSensitive: false,
  isReadOnly: false,
  ...changes,
});

describe('which rows can be edited and reset', () => {
  it('not read-only or sensitive ones', () => {
    expect(isEditableConfig(entry({}))).toBe(true);
    expect(isEditableConfig(entry({ isReadOnly: true }))).toBe(false);
    expect(isEditableConfig(entry({ isSensitive: true, value: null }))).toBe(false);
  });

  it('reset only where the key is set on the scope itself', () => {
    expect(isSetOn(entry({ source: 'topic', isDefault: false }), 'topic')).toBe(true);
    expect(isSetOn(entry({ source: 'static-broker' }), 'topic')).toBe(false);
    expect(isSetOn(entry({ source: 'dynamic-broker' }), 'broker')).toBe(true);
    expect(isSetOn(entry({ source: 'dynamic-default-broker' }), 'broker')).toBe(false);
    expect(isSetOn(entry({ source: 'dynamic-default-broker' }), 'cluster-default')).toBe(true);
    expect(isSetOn(undefined, 'cluster-default')).toBe(false);
  });
});

describe('toSetPatch', () => {
  it('one key, trimmed', () => {
    expect(toSetPatch('retention.ms', ' 7200000 ')).toEqual({ patch: { set: { 'retention.ms': '7200000' } } });
    expect(toSetPatch('log.cleaner.backoff.ms', '20000')).toEqual({ patch: { set: { 'log.cleaner.backoff.ms': '20000' } } });
  });

  it('refuses what the catalog knows Kafka would refuse, on the value', () => {
    expect(toSetPatch('retention.ms', 'soon')).toEqual({ fieldErrors: { value: ['A whole number'] } });
    expect(toSetPatch('cleanup.policy', 'forever')).toEqual({ fieldErrors: { value: [expect.stringMatching(/delete, compact/)] } });
    expect(toSetPatch('min.insync.replicas', '3', { replicationFactor: 2 })).toEqual({
      fieldErrors: { value: [expect.stringMatching(/replication factor \(2\)/)] },
    });
    expect(toSetPatch('min.insync.replicas', '2', { replicationFactor: 2 })).toEqual({ patch: { set: { 'min.insync.replicas': '2' } } });
  });
});

it('reset is a delete of the key', () => {
  expect(toResetPatch('retention.ms')).toEqual({ delete: ['retention.ms'] });
});

it("maps the API's errors: set.<key> and delete to the value, the rest to the request", () => {
  expect(configEditErrors({ 'set.retention.ms': ['a'], delete: ['b'], request: ['c'] })).toEqual({ value: ['a', 'b'], request: ['c'] });
});
