// Browser side of next-auth's password login and sign-out, with the console's own answers (429) understood.

async function csrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { cache: 'no-store' });
  const { csrfToken: token } = (await response.json()) as { csrfToken: string };
  return token;
}

export type SignInResult = { ok: true } | { ok: false; message: string };

export async function signInWithPassword(username: string, password: string, callbackUrl: string): Promise<SignInResult> {
  const response = await fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, csrfToken: await csrfToken(), callbackUrl, json: 'true' }),
  });
  if (response.status === 429) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: body?.error?.message ?? 'Too many failed logins: try again later' };
  }
  const body = (await response.json().catch(() => null)) as { url?: string } | null;
  const failed = !response.ok || !body?.url || new URL(body.url, window.location.origin).searchParams.has('error');
  return failed ? { ok: false, message: 'Invalid username or password' } : { ok: true };
}

/** Starts the OIDC login: next-auth wants a POST with its CSRF token, then sends the browser to the provider. */
export async function signInWithOidc(callbackUrl: string) {
  const response = await fetch('/api/auth/signin/oidc', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: 'true' }),
  });
  const { url } = (await response.json()) as { url: string };
  window.location.assign(url);
}

export async function signOut() {
  await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: await csrfToken(), json: 'true' }),
  });
}

/**
 * Where to go after signing in: the callback resolved against the console's own origin, accepted only if it stays
 * there (browsers drop tabs and line breaks, so "/\t/evil.example" is "//evil.example", another site); else the
 * clusters page.
 */
export function safeCallbackPath(raw: string | null, origin: string = window.location.origin): string {
  if (!raw) return '/clusters';
  try {
    const url = new URL(raw, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/clusters';
  } catch {
    return '/clusters';
  }
}
