import 'server-only';
import { ApiError } from '@/lib/errors';
import { processState } from '@/server/process-state';

type Slots = { total: number; byUser: Map<string, number> };
// Process-wide (server/process-state.ts): route bundles and dev reloads must share one count per process.
const slots = processState<Slots>('messageStreams', () => ({ total: 0, byUser: new Map() }));

/**
 * A place for one more open stream (scan or live tail) of `user`, or 429: streams hold a Kafka read and a
 * connection each, so a user and the console get only so many at once. The returned function gives it back (once).
 */
export function acquireStreamSlot(user: string, limits: { perUser: number; perConsole: number }): () => void {
  const mine = slots.byUser.get(user) ?? 0;
  if (mine >= limits.perUser)
    throw new ApiError('RATE_LIMITED', `At most ${limits.perUser} message streams at once per user: close one (another tab?) first`);
  if (slots.total >= limits.perConsole)
    throw new ApiError('RATE_LIMITED', `The console already serves ${limits.perConsole} message streams: try again shortly`);
  slots.total += 1;
  slots.byUser.set(user, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.total -= 1;
    const left = (slots.byUser.get(user) ?? 1) - 1;
    if (left > 0) slots.byUser.set(user, left);
    else slots.byUser.delete(user);
  };
}

export const openStreams = () => slots.total;
