'use client';

import { useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };

/** Cycles system → light → dark; the choice lives in a cookie so the server renders the right class. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const choose = () => {
    const next = NEXT[theme];
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove('light', 'dark');
    if (next !== 'system') root.classList.add(next);
    document.cookie =
      next === 'system' ? 'theme=; Max-Age=0; Path=/; SameSite=Lax' : `theme=${next}; Max-Age=31536000; Path=/; SameSite=Lax`;
  };
  return (
    <button
      type="button"
      onClick={choose}
      aria-label={`${LABEL[theme]} (click to change)`}
      title={LABEL[theme]}
      className="rounded px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
    </button>
  );
}
