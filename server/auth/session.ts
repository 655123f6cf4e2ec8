import 'server-only';
import { decode, type JWT } from 'next-auth/jwt';
import type { SessionUser } from '@/lib/schemas/auth';
import { getConfig } from '@/server/config/current';
import { currentOidcRole } from '@/server/auth/oidc-recheck';
import { findApiToken } from '@/server/auth/tokens';
import { findUser } from '@/server/auth/users';

/** Login sessions end 8 hours after login, however active they are. */
export const SESSION_MAX_AGE_S = 8 * 3600;
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export type Principal = SessionUser & { via: 'cookie' | 'bearer' };

/** What the console keeps in its session token besides next-auth's own claims. */
export type ConsoleToken = JWT & {
  username?: string;
  loginAt?: number;
  /** SSO sessions: the role the provider's claims gave, when they were last read, and the token to read them again. */
  oidcRole?: SessionUser['role'];
  oidcCheckedAt?: number;
  oidcAccessToken?: string;
};

export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return secret;
}

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  // Any site on the same host can set a cookie here: one that is not valid percent-encoding (`x=%zz`) is kept as
  // sent rather than failing every request that carries it.
  const decoded = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const jar = new Map(
    header.split(/;\s*/).map((pair) => {
      const i = pair.indexOf('=');
      return [pair.slice(0, i), decoded(pair.slice(i + 1))] as const;
    }),
  );
  // next-auth splits cookies over 4 kB into name.0, name.1, …
  if (jar.has(name)) return jar.get(name)!;
  const chunks = [...jar.keys()]
    .filter((k) => k.startsWith(`${name}.`))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
  return chunks.length ? chunks.map((k) => jar.get(k)).join('') : null;
}

/** The principal behind a request, checked against the configuration as it is now; null when none. */
export async function authenticate(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) return bearerPrincipal(authorization);
  for (const name of SESSION_COOKIES) {
    const raw = cookieValue(request.headers.get('cookie'), name);
    if (raw) return sessionPrincipal(raw);
  }
  return null;
}

function bearerPrincipal(authorization: string): Principal | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return null;
  const token = findApiToken(getConfig().auth.apiTokens, match[1]);
  return token ? { name: token.name, kind: 'token', role: token.role, clusters: token.clusters ?? null, via: 'bearer' } : null;
}

export async function principalFromToken(token: ConsoleToken | null): Promise<Principal | null> {
  if (!token?.username || typeof token.loginAt !== 'number') return null;
  if (Date.now() - token.loginAt > SESSION_MAX_AGE_S * 1000) return null;
  if (token.oidcRole) {
    const oidc = getConfig().auth.oidc;
    if (!oidc || oidc.disabledUsers.includes(token.username)) return null;
    const role = await currentOidcRole(oidc, {
      accessToken: token.oidcAccessToken,
      role: token.oidcRole,
      checkedAt: token.oidcCheckedAt ?? token.loginAt,
    });
    return role ? { name: token.username, kind: 'user', role, clusters: oidc.clusters ?? null, via: 'cookie' } : null;
  }
  const user = await findUser(token.username);
  if (!user || user.disabled) return null;
  return { name: user.username, kind: 'user', role: user.role, clusters: user.clusters ?? null, via: 'cookie' };
}

async function sessionPrincipal(raw: string): Promise<Principal | null> {
  const token = (await decode({ token: raw, secret: authSecret() }).catch(() => null)) as ConsoleToken | null;
  return principalFromToken(token);
}

export function mayAccessCluster(principal: Pick<Principal, 'clusters'>, clusterId: string) {
  return principal.clusters === null || principal.clusters.includes(clusterId);
}
