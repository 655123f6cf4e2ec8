import 'server-only';
import { createHash } from 'node:crypto';
import type { Role } from '@/lib/schemas/auth';
import { roleFromClaims } from '@/server/auth/oidc';
import type { OidcConfig } from '@/server/config/schema';
import { logInternalError } from '@/server/http/log';

const PROVIDER_TIMEOUT_MS = 3_000;
// Sessions re-checked at once; past this, entries older than the re-check age go first (they would be asked again anyway).
const MAX_ENTRIES = 10_000;

type Check = { role: Role | null; checkedAt: number };
const checks = new Map<string, Check>();
const inFlight = new Map<string, Promise<Check>>();
let discovery: { issuer: string; userinfo: Promise<string> } | null = null;

/**
 * An SSO user's role as the provider sees it now, at most `recheckSeconds` old: the role given at login while it is
 * fresh, else the provider's userinfo answer for the session's access token (asked once per session and period,
 * whatever the number of requests). Null ends the session: the token was refused, the claims map to no role, or
 * the provider did not answer — a console for production clusters fails closed.
 */
export async function currentOidcRole(
  oidc: OidcConfig,
  session: { accessToken?: string; role: Role; checkedAt: number },
  now = Date.now(),
): Promise<Role | null> {
  const maxAgeMs = oidc.recheckSeconds * 1000;
  if (now - session.checkedAt < maxAgeMs) return session.role;
  if (!session.accessToken) return null;
  const key = createHash('sha256').update(session.accessToken).digest('hex');
  const known = checks.get(key);
  if (known && now - known.checkedAt < maxAgeMs) return known.role;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = askProvider(oidc, session.accessToken).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  const check = await pending;
  remember(key, check, maxAgeMs);
  return check.role;
}

async function askProvider(oidc: OidcConfig, accessToken: string): Promise<Check> {
  const checkedAt = Date.now();
  try {
    const response = await fetch(await userinfoEndpoint(oidc.issuer), {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
    if (!response.ok) return { role: null, checkedAt };
    return { role: roleFromClaims(oidc, (await response.json()) as Record<string, unknown>), checkedAt };
  } catch (error) {
    // Logged without the token: the error is about the provider, never the request's credentials.
    logInternalError('oidc userinfo', error instanceof Error ? new Error(`${error.name}: the provider did not answer`) : error);
    return { role: null, checkedAt };
  }
}

function userinfoEndpoint(issuer: string): Promise<string> {
  if (discovery?.issuer !== issuer) {
    const userinfo = fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`discovery answered ${response.status}`))))
      .then((document: { userinfo_endpoint?: unknown }) => {
        if (typeof document.userinfo_endpoint !== 'string') throw new Error('the provider publishes no userinfo endpoint');
        return document.userinfo_endpoint;
      });
    // A failed discovery is asked again next time.
    userinfo.catch(() => (discovery = null));
    discovery = { issuer, userinfo };
  }
  return discovery.userinfo;
}

function remember(key: string, check: Check, maxAgeMs: number) {
  checks.set(key, check);
  if (checks.size <= MAX_ENTRIES) return;
  const now = Date.now();
  for (const [k, c] of checks) if (now - c.checkedAt >= maxAgeMs) checks.delete(k);
  // Still full of fresh checks: the oldest go (they are asked again when their session comes back).
  for (const k of checks.keys()) {
    if (checks.size <= MAX_ENTRIES) break;
    checks.delete(k);
  }
}
