// `kafka-configs --describe --all` as data: the oracle for the console's topic and broker configs.
import type { ConfigSource } from '@/lib/schemas/configs';

export type CliConfig = { name: string; value: string | null; sensitive: boolean; source: ConfigSource | null };

// ConfigEntry.ConfigSource names as the Java admin prints them.
const SOURCES: Record<string, ConfigSource> = {
  DYNAMIC_TOPIC_CONFIG: 'topic',
  DYNAMIC_BROKER_CONFIG: 'dynamic-broker',
  DYNAMIC_DEFAULT_BROKER_CONFIG: 'dynamic-default-broker',
  STATIC_BROKER_CONFIG: 'static-broker',
  DYNAMIC_GROUP_CONFIG: 'group',
  DEFAULT_CONFIG: 'default',
};

/**
 * Lines like `  retention.ms=3600000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=3600000, …}`.
 * The first synonym is where the effective value comes from; a key without synonyms has no source to compare
 * (null). The CLI prints a missing value as "null".
 */
export function parseConfigsDescribe(output: string): CliConfig[] {
  return [...output.matchAll(/^ {2}([^=\s]+)=(.*) sensitive=(true|false) synonyms=\{(.*)\}$/gm)].map((m) => {
    const firstSynonym = m[4]!.match(/^([A-Z_]+):/)?.[1];
    return {
      name: m[1]!,
      value: m[2] === 'null' ? null : m[2]!,
      sensitive: m[3] === 'true',
      source: firstSynonym ? (SOURCES[firstSynonym] ?? 'unknown') : null,
    };
  });
}
