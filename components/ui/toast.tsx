'use client';

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { cn } from '@/lib/utils';

type Tone = 'success' | 'error';
type Toast = { id: number; message: string; tone: Tone };
type Notify = (message: string, tone?: Tone) => void;

const ToastContext = createContext<Notify>(() => {});
const SHOWN_MS = 8_000;

/**
 * Short notices after a change ("Topic orders created"), at the corner of the window. The provider sits above
 * the pages, so a notice survives the navigation a change may cause (created → the new topic's page).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((shown) => shown.filter((t) => t.id !== id)), []);
  const notify = useCallback<Notify>(
    (message, tone = 'success') => {
      const id = (nextId.current += 1);
      setToasts((shown) => [...shown.slice(-2), { id, message, tone }]);
      setTimeout(() => dismiss(id), SHOWN_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext value={notify}>
      {children}
      {/* Clicks pass through a notice (it must not hide the control under it), except on its close button. */}
      <div
        aria-label="Notifications"
        className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            className={cn(
              'flex items-start justify-between gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg',
              toast.tone === 'error'
                ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300'
                : 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
            )}
          >
            <span className="break-words">{toast.message}</span>
            <button
              type="button"
              aria-label="Dismiss"
              onClick={() => dismiss(toast.id)}
              className="pointer-events-auto shrink-0 rounded px-1 opacity-70 hover:opacity-100"
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}

/** `toast(message)` after a change succeeded; `toast(message, 'error')` when it failed and no form shows why. */
export function useToast() {
  return useContext(ToastContext);
}
