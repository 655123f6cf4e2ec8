import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getConfig } from '@/server/config/current';
import { currentPrincipal } from '@/server/auth/page-session';
import { LoginForm } from '@/components/auth/login-form';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth sends failed single sign-ons back here with ?error=<name>.
const SSO_ERRORS: Record<string, string> = {
  AccessDenied: 'Your single sign-on account has no role in this console',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  if (await currentPrincipal()) redirect('/clusters');
  const { oidc } = getConfig().auth;
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="mb-4 text-lg font-semibold">Kafka Console</h1>
      <LoginForm
        callbackUrl={callbackUrl ?? null}
        oidc={oidc ? { name: oidc.name } : null}
        initialError={error ? (SSO_ERRORS[error] ?? 'Sign-in failed') : null}
      />
    </main>
  );
}
