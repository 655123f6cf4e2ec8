import 'server-only';
import { ApiError } from '@/lib/errors';
import { limiterKey, loginLimiter } from '@/server/auth/login-limiter';
import { clientIp } from '@/server/http/audit-request';
import { recordAudit } from '@/server/audit/store';
import { logInternalError } from '@/server/http/log';
import { errorResponse } from '@/server/http/responses';

/** next-auth answers a refused password with a redirect or JSON naming the CredentialsSignin error. */
async function loginFailed(response: Response): Promise<boolean> {
  if (response.status >= 400) return true;
  const location = response.headers.get('location') ?? '';
  if (location.includes('error=')) return true;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    const body = (await response.clone().json().catch(() => null)) as { url?: string } | null;
    return Boolean(body?.url?.includes('error='));
  }
  return false;
}

/**
 * Password logins go through here first: the rate limit (5 failures per user and address per 15 minutes →
 * 429), then next-auth, then the audit record. Unknown user and wrong password look the same to the client.
 */
export async function handleCredentialsLogin(request: Request, nextAuth: () => Promise<Response>): Promise<Response> {
  const form = await request.clone().formData().catch(() => null);
  const username = String(form?.get('username') ?? '').slice(0, 200);
  const ip = clientIp(request);
  const key = limiterKey(username, ip);
  const limiter = loginLimiter();
  const wait = limiter.retryAfterSeconds(key);
  if (wait > 0) {
    const response = errorResponse(new ApiError('RATE_LIMITED', `Too many failed logins: try again in ${Math.ceil(wait / 60)} min`));
    response.headers.set('Retry-After', String(wait));
    return response;
  }
  const response = await nextAuth();
  const failed = await loginFailed(response);
  if (failed) limiter.fail(key);
  else limiter.succeed(key);
  await recordAudit({
    actor: username || 'anonymous',
    actorType: username ? 'user' : 'anonymous',
    action: failed ? 'auth.login-failed' : 'auth.login',
    outcome: failed ? 'denied' : 'success',
    status: failed ? 401 : 200,
    summary: { method: 'password' },
    ip,
  }).catch((error: unknown) => logInternalError('audit', error));
  return response;
}
