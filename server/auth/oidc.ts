import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { Role } from '@/lib/schemas/auth';
import { resolveSecret } from '@/server/config/load';
import type { OidcConfig } from '@/server/config/schema';

const STRENGTH: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** The most powerful role any of the user's claim values maps to, else the default role, else null (refused). */
export function roleFromClaims(oidc: OidcConfig, claims: Record<string, unknown> | undefined): Role | null {
  const raw = claims?.[oidc.roleClaim];
  const values = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : []).filter(
    (v): v is string => typeof v === 'string',
  );
  const mapped = values.map((v) => oidc.roleMapping[v]).filter((r): r is Role => r !== undefined);
  if (mapped.length === 0) return oidc.defaultRole ?? null;
  return mapped.reduce((best, role) => (STRENGTH[role] > STRENGTH[best] ? role : best));
}

type OidcProfile = Record<string, unknown> & { sub: string; preferred_username?: string; email?: string; name?: string };

export function oidcProvider(oidc: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: 'oidc',
    name: oidc.name,
    type: 'oauth',
    wellKnown: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: resolveSecret(oidc.clientSecret, 'auth.oidc.clientSecret'),
    authorization: { params: { scope: 'openid profile email' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile: (profile) => ({
      id: profile.sub,
      name: profile.preferred_username ?? profile.email ?? profile.sub,
      email: profile.email ?? null,
    }),
  };
}
