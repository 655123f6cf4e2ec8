import 'server-only';
import { ApiError } from '@/lib/errors';
import { WRITE_PERMISSIONS, can, type Permission } from '@/lib/schemas/auth';
import { authenticate, mayAccessCluster, type Principal } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';
import { clientAddress } from '@/server/http/client-address';

/**
 * A cookie is sent by the browser on its own, so a cookie-authenticated write must come from a page of the
 * console itself: its Origin must name this host. Bearer tokens carry no ambient credentials and are exempt.
 */
export function checkOrigin(request: Request, principal: Principal) {
  if (principal.via !== 'cookie' || request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  // A proxy's X-Forwarded-Host counts only when the configuration trusts the proxy the request came through.
  const forwardedHost = clientAddress(request).viaTrustedProxy ? request.headers.get('x-forwarded-host') : null;
  const host = forwardedHost ?? request.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== 'null' ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) {
    throw new ApiError('FORBIDDEN', 'Cross-site request refused: the Origin header does not match this console');
  }
}

/**
 * Credentials (401), then checkAccess: Origin for cookie writes (403) → cluster scope (404, as if the cluster
 * did not exist) → role (403) → read-only cluster (403). Both run in every route handler, next to the Kafka call.
 */
export async function requirePrincipal(request: Request): Promise<Principal> {
  const principal = await authenticate(request);
  if (!principal) throw new ApiError('UNAUTHENTICATED', 'Sign in or send an API token (Authorization: Bearer …)');
  return principal;
}

export function checkAccess(request: Request, principal: Principal, permission: Permission, clusterId: string | undefined) {
  checkOrigin(request, principal);
  const config = getConfig();
  const cluster = clusterId === undefined ? undefined : config.clusters.find((c) => c.id === clusterId);
  if (clusterId !== undefined && (!cluster || !mayAccessCluster(principal, clusterId))) {
    throw new ApiError('NOT_FOUND', `Cluster "${clusterId}" does not exist`);
  }
  if (!can(principal.role, permission, { operatorsMayProduce: config.auth.operatorsMayProduce })) {
    throw new ApiError('FORBIDDEN', `The ${principal.role} role may not do this`);
  }
  if (cluster?.readOnly && WRITE_PERMISSIONS.includes(permission)) {
    throw new ApiError('FORBIDDEN', `Cluster "${cluster.id}" is read-only: changes are refused`);
  }
}
