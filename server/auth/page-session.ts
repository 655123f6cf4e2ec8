import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { authenticate, mayAccessCluster, type Principal } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';

/** The signed-in principal of a page request; pages check it themselves, the proxy's redirect is only comfort. */
export async function currentPrincipal(): Promise<Principal | null> {
  const cookieHeader = (await cookies()).toString();
  const request = new Request('http://console.invalid/', { headers: cookieHeader ? { cookie: cookieHeader } : {} });
  return authenticate(request);
}

export async function requirePrincipal(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) {
    const path = (await headers()).get('x-console-path') ?? '/';
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return principal;
}

/** A cluster outside the principal's scope is not found, exactly like one that does not exist. */
export async function requireCluster(clusterId: string) {
  const principal = await requirePrincipal();
  const cluster = getConfig().clusters.find((c) => c.id === clusterId);
  if (!cluster || !mayAccessCluster(principal, clusterId)) notFound();
  return { principal, cluster };
}
