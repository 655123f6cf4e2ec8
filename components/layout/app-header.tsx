import Link from 'next/link';
import type { Role } from '@/lib/schemas/auth';
import { pageRoutes } from '@/lib/routes';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ThemeToggle, type Theme } from '@/components/layout/theme-toggle';

export function AppHeader({ theme, user, showAudit }: { theme: Theme; user: { name: string; role: Role }; showAudit: boolean }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-4 px-4">
        <Link href={pageRoutes.clusters()} className="font-semibold tracking-tight">
          Kafka Console
        </Link>
        <nav aria-label="Console" className="flex gap-3 text-sm text-zinc-600 dark:text-zinc-300">
          <Link href={pageRoutes.clusters()} className="hover:text-zinc-900 dark:hover:text-white">
            Clusters
          </Link>
          <Link href={pageRoutes.alerts()} className="hover:text-zinc-900 dark:hover:text-white">
            Alerts
          </Link>
          {showAudit ? (
            <Link href={pageRoutes.audit()} className="hover:text-zinc-900 dark:hover:text-white">
              Audit log
            </Link>
          ) : null}
        </nav>
        <div className="flex-1" />
        <span className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="current-user">
          {user.name} <span className="text-zinc-400">({user.role})</span>
        </span>
        <SignOutButton />
        <ThemeToggle initial={theme} />
      </div>
    </header>
  );
}
