// Which topic gets which rate shape and payloads. Pure: the producer loop only asks build() for messages.
import { makeAuditEvent, makeClick, makeOrder, makePayment, makeProfileUpdate, type Order } from './payloads';
import type { Rng } from '../lib/random';
import type { RateShape } from './rates';

export type DemoMessage = { key: string; value: string | null; headers: Record<string, string> };
export type TopicTraffic = { topic: string; shape: RateShape; build(now: number): DemoMessage };

/** Orders wait here until a payment is produced for them; bounded because payments run slower than orders. */
const PENDING_ORDERS_MAX = 1000;

/** Rate the clickstream-analytics group is throttled to (×--rate); below clickstream's minimum rate, so its lag always grows. */
export const ANALYTICS_MSGS_PER_SEC = 12;

function message(key: string, eventType: string, value: unknown): DemoMessage {
  return {
    key,
    value: value === null ? null : JSON.stringify(value),
    headers: { 'content-type': 'application/json', 'event-type': eventType, producer: 'demo-traffic' },
  };
}

export function createTrafficPlan(rng: Rng): TopicTraffic[] {
  const pending: Order[] = [];
  return [
    {
      topic: 'orders',
      shape: { base: 8, sine: { amplitude: 0.3, periodSec: 300 } },
      build(now) {
        const order = makeOrder(rng, now);
        pending.push(order);
        if (pending.length > PENDING_ORDERS_MAX) pending.shift();
        return message(order.orderId, 'order.created', order);
      },
    },
    {
      topic: 'payments',
      shape: { base: 6, sine: { amplitude: 0.3, periodSec: 300 } },
      build(now) {
        // Pay the oldest open order so payment keys match real order keys; invent one if none is open yet.
        const order = pending.shift() ?? makeOrder(rng, now);
        const payment = makePayment(rng, order, now);
        return message(payment.orderId, `payment.${payment.status}`, payment);
      },
    },
    {
      topic: 'clickstream',
      shape: { base: 30, sine: { amplitude: 0.5, periodSec: 180 }, burst: { everySec: 60, lengthSec: 10, factor: 3 } },
      build(now) {
        const click = makeClick(rng, now);
        return message(click.userId, `click.${click.type}`, click);
      },
    },
    {
      topic: 'customer-profiles',
      shape: { base: 2 },
      build(now) {
        const { key, profile } = makeProfileUpdate(rng, now);
        return message(key, profile ? 'profile.updated' : 'profile.deleted', profile);
      },
    },
    {
      topic: 'audit-trail',
      // Mostly quiet with an occasional flurry, like an admin script running.
      shape: { base: 0.5, burst: { everySec: 120, lengthSec: 5, factor: 8 } },
      build(now) {
        const event = makeAuditEvent(rng, now);
        return message(event.actor, `audit.${event.action}`, event);
      },
    },
  ];
}
