import { z } from 'zod';
import { permissionSchema, roleSchema } from '@/lib/schemas/auth';

/** What the caller may do on one cluster, for pages to show or hide their controls (the routes check again). */
export const clusterPermissionsResponseSchema = z
  .object({
    clusterId: z.string(),
    role: roleSchema,
    readOnly: z.boolean(),
    /** The role's grants on this cluster; on a read-only cluster without the ones that change something. */
    permissions: z.array(permissionSchema),
  })
  .meta({ id: 'ClusterPermissionsResponse' });
export type ClusterPermissionsResponse = z.infer<typeof clusterPermissionsResponseSchema>;
