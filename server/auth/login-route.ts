import 'server-only';
import { ApiError } from '@/lib/errors';
import { loginLimiter } from '@/server/auth/login-limiter';
import { SESSION_COOKIES } from '@/server/auth/session';
import { clientIp } from '@/server/http/audit-request';
import { recordAudit } from '@/server/audit/store';
import { logInternalError } from '@/server/http/log';
import { errorResponse } from '@/server/http/responses';

/**
 * Whether next-auth issued a session: the one outcome that counts as a login. A refused password, and a POST without
 * the CSRF token (next-auth redirects it to `?csrf=true` without checking anything), issue none.
 */
export function sessionIssued(response: Response): boolean {
  return response.headers
    .getSetCookie()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.startsWith(`${name}=`) && !/^[^=]+=;/.test(cookie)));
}

/**
 * Password logins go through here: a place is reserved in the rate limit before the password is checked (429 when
 * the user and address, or the user, have had too many failures, or the limiter is full), then next-auth, then the
 * outcome by whether a session was issued, and the audit record. Unknown user and wrong password look the same.
 */
export async function handleCredentialsLogin(request: Request, nextAuth: () => Promise<Response>): Promise<Response> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const username = String(form?.get('username') ?? '').slice(0, 200);
  const ip = clientIp(request);
  const attempt = loginLimiter().attempt(username, ip);
  if (!attempt.allowed) {
    const message =
      attempt.reason === 'busy'
        ? 'Too many logins in progress: try again in a minute'
        : `Too many failed logins: try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} min`;
    const response = errorResponse(new ApiError('RATE_LIMITED', message));
    response.headers.set('Retry-After', String(attempt.retryAfterSeconds));
    await record(username, ip, 'auth.login-failed', 'denied', 429, attempt.reason === 'busy' ? 'limiter full' : 'rate limited');
    return response;
  }
  let loggedIn = false;
  try {
    const response = await nextAuth();
    loggedIn = sessionIssued(response);
    return response;
  } finally {
    attempt.finish(loggedIn);
    await record(username, ip, loggedIn ? 'auth.login' : 'auth.login-failed', loggedIn ? 'success' : 'denied', loggedIn ? 200 : 401, null);
  }
}

async function record(
  username: string,
  ip: string | null,
  action: string,
  outcome: 'success' | 'denied',
  status: number,
  reason: string | null,
) {
  await recordAudit({
    actor: username || 'anonymous',
    actorType: username ? 'user' : 'anonymous',
    action,
    outcome,
    status,
    summary: { method: 'password', ...(reason ? { reason } : {}) },
    ip,
  }).catch((error: unknown) => logInternalError('audit', error));
}
