import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'operator', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

/** What a route or a button needs; one row each of the roles table in the README. */
export const permissionSchema = z.enum([
  'read', // cluster state, lag, dashboards, /metrics, OpenAPI
  'browseMessages',
  'resetOffsets', // of a group with no active members
  'produce',
  'manageTopics', // create/delete topics, add partitions, edit configs, delete records
  'reassign', // reassign partitions, leader election
  'manageGroups', // delete consumer groups and their committed offsets
  'manageQuorum', // add and remove controller quorum voters (KIP-853)
  'upgradeFeatures', // raise a finalized feature level (kafka-features upgrade): cannot be undone
  'administer', // audit log, alert rules, users/tokens
]);
export type Permission = z.infer<typeof permissionSchema>;

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: permissionSchema.options,
  operator: ['read', 'browseMessages', 'resetOffsets'],
  viewer: ['read'],
};

/** Everything but `read` changes something or shows message contents, and is refused on a read-only cluster when it writes. */
export const WRITE_PERMISSIONS: readonly Permission[] = [
  'resetOffsets',
  'produce',
  'manageTopics',
  'reassign',
  'manageGroups',
  'upgradeFeatures',
  'manageQuorum',
];

export function can(role: Role, permission: Permission, options: { operatorsMayProduce?: boolean } = {}) {
  if (permission === 'produce' && role === 'operator') return options.operatorsMayProduce === true;
  return GRANTS[role].includes(permission);
}

export const sessionUserSchema = z
  .object({
    name: z.string(),
    kind: z.enum(['user', 'token']),
    role: roleSchema,
    /** Cluster ids this principal may see; null = all. */
    clusters: z.array(z.string()).nullable(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;
