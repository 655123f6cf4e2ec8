import 'server-only';
import { WRITE_PERMISSIONS, can, permissionSchema } from '@/lib/schemas/auth';
import type { ClusterPermissionsResponse } from '@/lib/schemas/permissions';
import type { Principal } from '@/server/auth/session';
import { getClusterConfig, getConfig } from '@/server/config/current';

/** The same decision as checkAccess (role, then read-only cluster), for every permission at once. */
export function clusterPermissions(principal: Principal, clusterId: string): ClusterPermissionsResponse {
  const cluster = getClusterConfig(clusterId);
  const { operatorsMayProduce } = getConfig().auth;
  const readOnly = cluster.readOnly === true;
  const permissions = permissionSchema.options.filter(
    (permission) => can(principal.role, permission, { operatorsMayProduce }) && !(readOnly && WRITE_PERMISSIONS.includes(permission)),
  );
  return { clusterId, role: principal.role, readOnly, permissions };
}
