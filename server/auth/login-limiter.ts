import 'server-only';
import { processState } from '@/server/process-state';

/** Failed logins allowed per username and address, and per username from anywhere, within the window. */
export const MAX_FAILURES = 5;
export const MAX_USER_FAILURES = 20;
export const WINDOW_MS = 15 * 60_000;
/** Counters kept at most: when full, a new username or address waits (a counter still in its window is never dropped). */
export const MAX_KEYS = 10_000;

type Counter = { failures: number[]; pending: number };

export type Attempt =
  { allowed: true; finish: (loggedIn: boolean) => void } | { allowed: false; retryAfterSeconds: number; reason: 'limited' | 'busy' };

const userKey = (username: string) => `u\u0000${username.trim().toLowerCase()}`;
export const limiterKey = (username: string, ip: string | null) => `a\u0000${username.trim().toLowerCase()}\u0000${ip ?? '?'}`;

/**
 * Login attempts, limited by username and address (5 failures in 15 minutes) and by username alone (20), so
 * rotating addresses does not open a way in. An attempt is reserved before the password is checked: parallel
 * attempts count against the limit while they run (12 at once get 5 checks, not 12). It ends as a failure unless a
 * session was issued. The table of counters is bounded; when it is full of counters still in their window, new keys
 * are refused (429) rather than evicting a victim's counter to make room.
 */
export function createLoginLimiter(now = () => Date.now(), maxKeys = MAX_KEYS) {
  const counters = new Map<string, Counter>();
  const recent = (counter: Counter | undefined) => (counter ? counter.failures.filter((t) => now() - t < WINDOW_MS) : []);

  function prune() {
    for (const [key, counter] of counters) {
      counter.failures = recent(counter);
      if (counter.failures.length === 0 && counter.pending === 0) counters.delete(key);
    }
  }

  return {
    attempt(username: string, ip: string | null): Attempt {
      const limits: [string, number][] = [
        [limiterKey(username, ip), MAX_FAILURES],
        [userKey(username), MAX_USER_FAILURES],
      ];
      let wait = 0;
      for (const [key, limit] of limits) {
        const counter = counters.get(key);
        const failures = recent(counter);
        if (failures.length + (counter?.pending ?? 0) >= limit) {
          // Waiting on attempts in flight: they end within seconds.
          wait = Math.max(wait, failures.length >= limit ? Math.ceil((failures[failures.length - limit]! + WINDOW_MS - now()) / 1000) : 5);
        }
      }
      if (wait > 0) return { allowed: false, retryAfterSeconds: wait, reason: 'limited' };
      const missing = limits.filter(([key]) => !counters.has(key)).length;
      if (counters.size + missing > maxKeys) prune();
      if (counters.size + missing > maxKeys) return { allowed: false, retryAfterSeconds: 60, reason: 'busy' };
      const held = limits.map(([key]) => {
        let counter = counters.get(key);
        if (!counter) counters.set(key, (counter = { failures: [], pending: 0 }));
        counter.pending += 1;
        return counter;
      });
      let finished = false;
      return {
        allowed: true,
        finish(loggedIn) {
          if (finished) return;
          finished = true;
          for (const counter of held) {
            counter.pending -= 1;
            counter.failures = loggedIn ? [] : [...recent(counter), now()];
          }
        },
      };
    },
    /** Counters held (tests). */
    size: () => counters.size,
  };
}

const holder = processState<{ loginLimiter?: ReturnType<typeof createLoginLimiter> }>('loginLimiter', () => ({}));
export const loginLimiter = () => (holder.loginLimiter ??= createLoginLimiter());
