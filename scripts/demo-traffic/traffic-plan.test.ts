import { describe, expect, it } from 'vitest';
import { createRng } from '../lib/random';
import { averageRate, peakRate, rateAt } from './rates';
import { TOPICS } from './topics';
import { ANALYTICS_MSGS_PER_SEC, createTrafficPlan, type TopicTraffic } from './traffic-plan';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

function traffic(plan: TopicTraffic[], topic: string): TopicTraffic {
  const found = plan.find((t) => t.topic === topic);
  if (!found) throw new Error(`no traffic for ${topic}`);
  return found;
}

describe('createTrafficPlan', () => {
  it('produces to exactly the topics that are created', () => {
    expect(
      createTrafficPlan(createRng(1))
        .map((t) => t.topic)
        .sort(),
    ).toEqual(TOPICS.map((t) => t.topic).sort());
  });

  it('keeps the total load modest: tens of msgs/s on average, at most a couple of hundred at peak', () => {
    const plan = createTrafficPlan(createRng(1));
    const avg = plan.reduce((sum, t) => sum + averageRate(t.shape), 0);
    const peak = plan.reduce((sum, t) => sum + peakRate(t.shape), 0);
    expect(avg).toBeGreaterThan(20);
    expect(avg).toBeLessThan(100);
    expect(peak).toBeLessThanOrEqual(200);
  });

  it('makes clickstream bursty and keeps the throttled analytics group below its slowest rate', () => {
    const click = traffic(createTrafficPlan(createRng(1)), 'clickstream');
    const rates = Array.from({ length: 3600 }, (_, t) => rateAt(click.shape, t));
    expect(Math.max(...rates) / Math.min(...rates)).toBeGreaterThan(4);
    // Lag must grow all the time, not only on average.
    expect(Math.min(...rates)).toBeGreaterThan(ANALYTICS_MSGS_PER_SEC);
  });

  it('sends JSON values with headers; only customer-profiles may carry tombstones', () => {
    const plan = createTrafficPlan(createRng(2));
    for (const t of plan) {
      for (let i = 0; i < 300; i++) {
        const msg = t.build(NOW);
        expect(msg.key.length).toBeGreaterThan(0);
        expect(msg.headers['content-type']).toBe('application/json');
        if (msg.value === null) expect(t.topic).toBe('customer-profiles');
        else expect(() => JSON.parse(msg.value ?? '')).not.toThrow();
      }
    }
  });

  it('keys payments by order ids that were produced on orders, oldest first', () => {
    const plan = createTrafficPlan(createRng(3));
    const orders = traffic(plan, 'orders');
    const payments = traffic(plan, 'payments');
    const orderKeys = Array.from({ length: 5 }, () => orders.build(NOW).key);
    const paymentKeys = Array.from({ length: 5 }, () => payments.build(NOW).key);
    expect(paymentKeys).toEqual(orderKeys);
    const first = JSON.parse(payments.build(NOW).value ?? '{}') as { orderId?: unknown };
    // Nothing left to pay: a made-up order id rather than a failure.
    expect(first.orderId).toMatch(/^ord-/);
  });

  it('keys clicks by user and profiles by customer, so per-key ordering is meaningful', () => {
    const plan = createTrafficPlan(createRng(4));
    const click = traffic(plan, 'clickstream').build(NOW);
    expect(JSON.parse(click.value ?? '{}')).toMatchObject({ userId: click.key });
    expect(traffic(plan, 'customer-profiles').build(NOW).key).toMatch(/^cust-\d{4}$/);
  });
});
