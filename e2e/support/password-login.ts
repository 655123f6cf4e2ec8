import type { APIRequestContext } from '@playwright/test';

/**
 * A password login as a script would post it to next-auth: the CSRF token (and its cookie) from /api/auth/csrf,
 * then the credentials form. `csrf: false` leaves the token out; redirects are not followed, so the answer is
 * the login route's own.
 */
export async function postPasswordLogin(
  request: APIRequestContext,
  username: string,
  password: string,
  { csrf = true, callbackUrl = '/', headers = {} }: { csrf?: boolean; callbackUrl?: string; headers?: Record<string, string> } = {},
) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', {
    form: { ...(csrf ? { csrfToken } : {}), username, password, callbackUrl, json: 'true' },
    headers,
    maxRedirects: 0,
  });
}

/** Whether the answer carries a session cookie (what a successful login sets). */
export const setsSession = (headers: { name: string; value: string }[]) =>
  headers.some((h) => h.name.toLowerCase() === 'set-cookie' && /(^|\s)(__Secure-)?next-auth\.session-token=[^;]/.test(h.value));
