import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { can } from '@/lib/schemas/auth';
import { requirePrincipal } from '@/server/auth/page-session';
import { AppHeader } from '@/components/layout/app-header';
import type { Theme } from '@/components/layout/theme-toggle';

// Everything in this group needs a signed-in principal; the check runs here, on the server, for every page.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  const saved = (await cookies()).get('theme')?.value;
  const theme: Theme = saved === 'dark' || saved === 'light' ? saved : 'system';
  return (
    <>
      <AppHeader theme={theme} user={{ name: principal.name, role: principal.role }} showAudit={can(principal.role, 'administer')} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
