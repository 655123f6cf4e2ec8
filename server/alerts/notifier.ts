import 'server-only';
import { getConfig } from '@/server/config/current';
import { resolveSecret, webhookUrl } from '@/server/config/load';
import type { AlertChannelConfig } from '@/server/config/schema';
import { logInternalError } from '@/server/http/log';
import { claimDueDeliveries, finishDelivery, type DueDelivery } from '@/server/alerts/delivery-store';
import { deliveryOutcome, payloadFor, type Notification } from '@/server/alerts/formats';
import { processState } from '@/server/process-state';

/** Due deliveries are looked for this often (and at once when a pass queues some). */
const POLL_MS = 2_000;
const BATCH = 20;

type Notifier = { timer: NodeJS.Timeout | null; running: Promise<void> | null; stopped: boolean; again: boolean };
const holder = processState<{ alertNotifier?: Notifier }>('alertNotifier', () => ({}));

function notificationOf(delivery: DueDelivery): Notification {
  const { event } = delivery;
  const cluster = getConfig().clusters.find((c) => c.id === event.clusterId);
  const base = process.env.NEXTAUTH_URL?.replace(/\/$/, '');
  return {
    transition: delivery.transition,
    eventId: event.id,
    rule: { id: event.ruleId, name: event.ruleName, kind: event.kind },
    cluster: { id: event.clusterId, name: cluster?.name ?? event.clusterId },
    subject: event.subject,
    value: event.value,
    message: event.message,
    resolution: delivery.transition === 'resolved' ? event.resolution : null,
    startedAt: event.startedAt,
    resolvedAt: delivery.transition === 'resolved' ? event.resolvedAt : null,
    url: base ? `${base}/alerts` : null,
  };
}

/**
 * What a delivery that got no answer records: the kind of failure and its system code, never a message — Node's
 * fetch quotes the URL in some of its errors, and the URL holds the channel's token (and every role sees the
 * delivery history).
 */
export function failureClass(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return 'the request failed';
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause as { code?: unknown; name?: unknown } | undefined;
  const code = typeof cause?.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(cause.code) ? cause.code : null;
  if (code) return `connection failed (${code})`;
  return error.name === 'TypeError' ? 'the request failed (network error)' : 'the request failed';
}

/** One POST; redirects are not followed (a webhook that moved is a configuration to fix, not a hop to trust). */
async function send(channel: AlertChannelConfig, notification: Notification, timeoutMs: number) {
  const url = webhookUrl(resolveSecret(channel.url, `alerts.channels.${channel.id}.url`), `alerts.channels.${channel.id}.url`);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'kafka-console-alerts' },
      body: JSON.stringify(payloadFor(channel.type, notification)),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return deliveryOutcome(channel.type, response.status, await response.text().catch(() => ''));
  } catch (error) {
    return { ok: false as const, error: failureClass(error, timeoutMs) };
  }
}

async function round(notifier: Notifier) {
  const { alerts } = getConfig();
  do {
    notifier.again = false;
    const now = Date.now();
    const due = await claimDueDeliveries(now, now + alerts.timeoutMs + 10_000, BATCH);
    for (const delivery of due) {
      const channel = alerts.channels.find((c) => c.id === delivery.channelId);
      const outcome = channel
        ? await send(channel, notificationOf(delivery), alerts.timeoutMs)
        : { ok: false as const, error: `channel "${delivery.channelId}" is no longer configured` };
      await finishDelivery(delivery, outcome, { now: Date.now(), retryDelaysMs: channel ? alerts.retryDelaysMs : [] });
    }
    if (due.length === BATCH) notifier.again = true;
  } while (notifier.again && !notifier.stopped);
}

function schedule(notifier: Notifier, delayMs: number) {
  if (notifier.stopped) return;
  if (notifier.timer) clearTimeout(notifier.timer);
  notifier.timer = setTimeout(() => {
    notifier.timer = null;
    if (notifier.running) return;
    notifier.running = round(notifier)
      .catch((error: unknown) => logInternalError('alert notifier', error))
      .finally(() => {
        notifier.running = null;
        schedule(notifier, notifier.again ? 0 : POLL_MS);
      });
  }, delayMs);
  notifier.timer.unref();
}

/** Sends queued notifications, retrying with the configured backoff (one notifier per process). */
export function startAlertNotifier() {
  if (holder.alertNotifier && !holder.alertNotifier.stopped) return;
  holder.alertNotifier = { timer: null, running: null, stopped: false, again: false };
  schedule(holder.alertNotifier, 0);
}

/** A pass queued notifications: send them now rather than at the next poll. */
export function wakeAlertNotifier() {
  const notifier = holder.alertNotifier;
  if (!notifier || notifier.stopped) return;
  if (notifier.running) notifier.again = true;
  else schedule(notifier, 0);
}

export async function stopAlertNotifier() {
  const notifier = holder.alertNotifier;
  if (!notifier) return;
  notifier.stopped = true;
  if (notifier.timer) clearTimeout(notifier.timer);
  await notifier.running;
  holder.alertNotifier = undefined;
}
