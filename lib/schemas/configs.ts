import { z } from 'zod';
import { epochMs } from '@/lib/schemas/common';

/**
 * Where a config's effective value comes from (DescribeConfigs ConfigSource): set on the topic, a broker's dynamic
 * config, the cluster-wide dynamic default, the broker's server.properties, set on the group (Kafka 4's group
 * configs), or Kafka's built-in default.
 */
export const configSourceSchema = z.enum([
  'topic',
  'dynamic-broker',
  'dynamic-default-broker',
  'static-broker',
  'group',
  'default',
  'unknown',
]);
export type ConfigSource = z.infer<typeof configSourceSchema>;

export const configEntrySchema = z
  .object({
    name: z.string(),
    /** null for sensitive values, which never leave the server, and for keys without a value. */
    value: z.string().nullable(),
    source: configSourceSchema,
    /** The value is inherited: not set on this resource itself (the topic, or the broker's dynamic/static config). */
    isDefault: z.boolean(),
    isSensitive: z.boolean(),
    /** Kafka refuses to change it at run time (a static-only broker config). */
    isReadOnly: z.boolean(),
  })
  .meta({ id: 'ConfigEntry' });
export type ConfigEntry = z.infer<typeof configEntrySchema>;

export const configListResponseSchema = z
  .object({
    asOf: epochMs,
    configs: z.array(configEntrySchema),
  })
  .meta({ id: 'ConfigListResponse' });
export type ConfigListResponse = z.infer<typeof configListResponseSchema>;

/** `?configs=false` leaves the configs out of a detail answer (pages poll the rest and read configs once). */
export const detailQuerySchema = z.object({
  configs: z.enum(['true', 'false']).optional(),
});
export type DetailQuery = z.infer<typeof detailQuerySchema>;
