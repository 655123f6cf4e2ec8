'use client';

import { useState, type FormEvent } from 'react';
import { safeCallbackPath, signInWithOidc, signInWithPassword } from '@/lib/auth-client';

export function LoginForm({
  callbackUrl,
  oidc,
  initialError,
}: {
  callbackUrl: string | null;
  oidc: { name: string } | null;
  initialError: string | null;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);
  // Resolved when used: it needs the page's origin, which server rendering does not have.
  const target = () => safeCallbackPath(callbackUrl);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signInWithPassword(String(form.get('username')), String(form.get('password')), target());
    if (result.ok) {
      window.location.assign(target());
      return;
    }
    setError(result.message);
    setBusy(false);
  };

  const input = 'mt-1 w-full rounded border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900';
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Sign in">
      <label className="block text-sm">
        Username
        <input name="username" autoComplete="username" required className={input} />
      </label>
      <label className="block text-sm">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={input} />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {oidc ? (
        <button
          type="button"
          onClick={() => void signInWithOidc(target())}
          className="block w-full rounded border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {oidc.name}
        </button>
      ) : null}
    </form>
  );
}
