import { describe, expect, it } from 'vitest';
import { toConfigEntries } from '@/server/kafka/config-entries';

const entry = (
  configName: string,
  configSource: number,
  extra: Partial<{ configValue: string | null; isSensitive: boolean; readOnly: boolean }> = {},
) => ({
  configName,
  configValue: 'v',
  readOnly: false,
  isDefault: configSource === 5,
  configSource,
  isSensitive: false,
  ...extra,
});

describe('toConfigEntries', () => {
  it('masks sensitive values even when a broker sends them', () => {
    const [secret] = toConfigEntries([entry('sasl.jaas.config', 4, { configValue: 'password=hunter2', isSensitive: true })], 'broker');
    expect(secret).toMatchObject({ value: null, isSensitive: true, source: 'static-broker' });
  });

  it('marks topic overrides as set on the topic and everything else as inherited', () => {
    const rows = toConfigEntries([entry('retention.ms', 1), entry('segment.bytes', 4), entry('cleanup.policy', 5)], 'topic');
    expect(rows.map((r) => [r.name, r.source, r.isDefault])).toEqual([
      ['cleanup.policy', 'default', true],
      ['retention.ms', 'topic', false],
      ['segment.bytes', 'static-broker', true],
    ]);
  });

  it('counts static and dynamic broker configs as the broker’s own, Kafka defaults as inherited', () => {
    const rows = toConfigEntries([entry('a', 2), entry('b', 3), entry('c', 4), entry('d', 5), entry('e', 9)], 'broker');
    expect(rows.map((r) => [r.source, r.isDefault])).toEqual([
      ['dynamic-broker', false],
      ['dynamic-default-broker', false],
      ['static-broker', false],
      ['default', true],
      ['unknown', true],
    ]);
  });

  it('keeps read-only flags and null values', () => {
    const [row] = toConfigEntries([entry('broker.id', 4, { readOnly: true, configValue: null })], 'broker');
    expect(row).toMatchObject({ isReadOnly: true, value: null });
  });
});
