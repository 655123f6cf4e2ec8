import Link from 'next/link';
import { pageRoutes } from '@/lib/routes';
import { ThemeToggle, type Theme } from '@/components/layout/theme-toggle';

export function AppHeader({ theme }: { theme: Theme }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-4 px-4">
        <Link href={pageRoutes.clusters()} className="font-semibold tracking-tight">
          Kafka Console
        </Link>
        <div className="flex-1" />
        <ThemeToggle initial={theme} />
      </div>
    </header>
  );
}
