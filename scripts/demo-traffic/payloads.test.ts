import { describe, expect, it } from 'vitest';
import { CUSTOMER_COUNT, customerId, makeAuditEvent, makeClick, makeOrder, makePayment, makeProfileUpdate } from './payloads';
import { createRng } from '../lib/random';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

describe('makeOrder', () => {
  it('totals exactly the sum of quantity × unit price, to the cent', () => {
    const rng = createRng(11);
    for (let i = 0; i < 500; i++) {
      const order = makeOrder(rng, NOW);
      const expected = order.items.reduce((sum, item) => sum + item.quantity * Math.round(item.unitPrice * 100), 0) / 100;
      expect(order.total).toBe(expected);
      expect(order.items.length).toBeGreaterThanOrEqual(1);
      expect(order.items.length).toBeLessThanOrEqual(4);
    }
  });

  it('has a plausible shape', () => {
    const order = makeOrder(createRng(12), NOW);
    expect(order.orderId).toMatch(/^ord-[0-9a-f]{10}$/);
    expect(order.customerId).toMatch(/^cust-\d{4}$/);
    expect(['EUR', 'USD', 'GBP']).toContain(order.currency);
    expect(order.createdAt).toBe('2025-03-01T12:00:00.000Z');
  });

  it('is reproducible for the same seed', () => {
    expect(makeOrder(createRng(5), NOW)).toEqual(makeOrder(createRng(5), NOW));
  });
});

describe('makePayment', () => {
  it('pays the given order in full and in its currency', () => {
    const payment = makePayment(createRng(13), { orderId: 'ord-abc', total: 123.45, currency: 'GBP' }, NOW);
    expect(payment).toMatchObject({ orderId: 'ord-abc', amount: 123.45, currency: 'GBP' });
    expect(payment.paymentId).toMatch(/^pay-[0-9a-f]{12}$/);
  });

  it('is mostly authorized with some declines', () => {
    const rng = createRng(14);
    const statuses = Array.from({ length: 2000 }, () => makePayment(rng, { orderId: 'o', total: 1, currency: 'EUR' }, NOW).status);
    const authorized = statuses.filter((s) => s === 'authorized').length / statuses.length;
    expect(authorized).toBeGreaterThan(0.85);
    expect(statuses).toContain('declined');
  });
});

describe('makeProfileUpdate', () => {
  it('only ever uses the bounded key set, so the compacted topic has repeated keys', () => {
    const rng = createRng(15);
    const updates = Array.from({ length: 5000 }, () => makeProfileUpdate(rng, NOW));
    const keys = new Set(updates.map((u) => u.key));
    expect(keys.size).toBe(CUSTOMER_COUNT);
    expect([...keys].every((key) => /^cust-\d{4}$/.test(key))).toBe(true);
  });

  it('keeps a customer recognisable across updates and sometimes sends a tombstone', () => {
    const rng = createRng(16);
    const updates = Array.from({ length: 5000 }, () => makeProfileUpdate(rng, NOW));
    const names = new Map<string, Set<string>>();
    for (const { key, profile } of updates) {
      if (profile) names.set(key, (names.get(key) ?? new Set()).add(profile.name));
      if (profile) expect(profile.customerId).toBe(key);
    }
    expect([...names.values()].every((set) => set.size === 1)).toBe(true);
    const tombstones = updates.filter((u) => u.profile === null).length;
    expect(tombstones).toBeGreaterThan(0);
    expect(tombstones / updates.length).toBeLessThan(0.05);
  });

  it('customerId pads to four digits', () => {
    expect(customerId(7)).toBe('cust-0007');
  });
});

describe('makeClick', () => {
  it('keeps a user in the same session within a half hour and starts a new one after', () => {
    const rng = createRng(17);
    const clicks = Array.from({ length: 5000 }, () => makeClick(rng, NOW));
    const first = clicks[0];
    expect(first).toBeDefined();
    const sameUser = clicks.filter((c) => c.userId === first?.userId);
    expect(new Set(sameUser.map((c) => c.sessionId)).size).toBe(1);
    const later = makeClick(createRng(17), NOW + 1_800_000);
    expect(later.userId).toBe(first?.userId);
    expect(later.sessionId).not.toBe(first?.sessionId);
  });

  it('is mostly page views on known pages', () => {
    const rng = createRng(18);
    const clicks = Array.from({ length: 2000 }, () => makeClick(rng, NOW));
    expect(clicks.filter((c) => c.type === 'page_view').length / clicks.length).toBeGreaterThan(0.5);
    expect(clicks.every((c) => c.page.startsWith('/'))).toBe(true);
  });
});

describe('makeAuditEvent', () => {
  it('produces a private IPv4 address and a timestamp', () => {
    const event = makeAuditEvent(createRng(19), NOW);
    expect(event.ip).toMatch(/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    expect(event.at).toBe('2025-03-01T12:00:00.000Z');
  });
});
