import 'server-only';
import { settleAbandonedChanges } from '@/server/audit/store';
import { logInternalError } from '@/server/http/log';

/**
 * A change answers within its deadline (30 s at most: a reassignment's submission), so one still pending after a
 * minute belongs to a console that was stopped mid-change — this process or another on the same database.
 */
export const ABANDONED_AFTER_MS = 60_000;
const SWEEP_EVERY_MS = 60_000;

/** Settles abandoned changes now (at start-up) and every minute after. */
export function startAbandonedChangeSweeper() {
  const sweep = async () => {
    try {
      const settled = await settleAbandonedChanges(ABANDONED_AFTER_MS);
      if (settled > 0) console.log(`kafka-console: ${settled} audited change(s) cut off by a stopped console settled as "unknown"`);
    } catch (error) {
      logInternalError('audit settle', error);
    }
  };
  void sweep();
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
}
