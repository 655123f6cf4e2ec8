import 'server-only';

/** 5 failed logins per username and address within 15 minutes, then 429 until the window has passed. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

export function createLoginLimiter(now = () => Date.now()) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => now() - t < WINDOW_MS);
  return {
    /** Seconds until another attempt is allowed, or 0. */
    retryAfterSeconds(key: string) {
      const times = recent(key);
      if (times.length < MAX_FAILURES) return 0;
      return Math.ceil((times[0]! + WINDOW_MS - now()) / 1000);
    },
    fail(key: string) {
      failures.set(key, [...recent(key), now()]);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    succeed(key: string) {
      failures.delete(key);
    },
  };
}

const holder = globalThis as typeof globalThis & { __loginLimiter?: ReturnType<typeof createLoginLimiter> };
export const loginLimiter = () => (holder.__loginLimiter ??= createLoginLimiter());
export const limiterKey = (username: string, ip: string | null) => `${username.trim().toLowerCase()}\u0000${ip ?? '?'}`;
