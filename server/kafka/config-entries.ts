import type { KafkajsConfigResource } from 'kafkajs/src/broker/index.js';
import type { ConfigEntry, ConfigSource } from '@/lib/schemas/configs';

// DescribeConfigs ConfigSource codes (6 = a broker's dynamic logger level, which the console does not ask for; 7 =
// a client metrics subscription's own; 8 = a group's own config, KIP-848).
const SOURCES: Record<number, ConfigSource> = {
  1: 'topic',
  2: 'dynamic-broker',
  3: 'dynamic-default-broker',
  4: 'static-broker',
  5: 'default',
  8: 'group',
};

/** Which sources mean "set on the resource itself" rather than inherited. */
const OWN_SOURCES: Record<'topic' | 'broker' | 'group', ReadonlySet<ConfigSource>> = {
  topic: new Set(['topic']),
  broker: new Set(['dynamic-broker', 'dynamic-default-broker', 'static-broker']),
  group: new Set(['group']),
};

/**
 * DescribeConfigs entries as the API shows them, sorted by name. Sensitive values are dropped here, the one place
 * they pass through (Kafka already answers null for them; a broker that did not would still be masked).
 */
export function toConfigEntries(entries: KafkajsConfigResource['configEntries'], resource: 'topic' | 'broker' | 'group'): ConfigEntry[] {
  return entries
    .map((e) => {
      const source = SOURCES[e.configSource] ?? 'unknown';
      return {
        name: e.configName,
        value: e.isSensitive ? null : (e.configValue ?? null),
        source,
        isDefault: !OWN_SOURCES[resource].has(source),
        isSensitive: e.isSensitive,
        isReadOnly: e.readOnly,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
