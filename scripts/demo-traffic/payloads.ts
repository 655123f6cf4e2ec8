// Fake but plausible business events. Generators take rng and a clock so tests can pin both.
import { hexId, intBetween, pick, weighted, type Rng } from '../lib/random';

/** Kept small so the compacted customer-profiles topic really has repeated keys to compact. */
export const CUSTOMER_COUNT = 50;
const USER_COUNT = 2000;

const PRODUCTS = [
  { sku: 'SKU-KB-001', name: 'Mechanical keyboard', price: 89.9 },
  { sku: 'SKU-MS-002', name: 'Wireless mouse', price: 24.5 },
  { sku: 'SKU-MN-003', name: '27" monitor', price: 229 },
  { sku: 'SKU-HD-004', name: 'Headset', price: 59.99 },
  { sku: 'SKU-CB-005', name: 'USB-C cable', price: 9.95 },
  { sku: 'SKU-DK-006', name: 'Docking station', price: 149 },
  { sku: 'SKU-WC-007', name: 'Webcam', price: 45 },
  { sku: 'SKU-LP-008', name: 'Laptop stand', price: 32.4 },
] as const;
const CURRENCIES = [
  ['EUR', 6],
  ['USD', 3],
  ['GBP', 1],
] as const;
const PAGES = ['/', '/search', '/cart', '/checkout', '/account', ...PRODUCTS.map((p) => `/products/${p.sku.toLowerCase()}`)];
const FIRST = ['Ada', 'Linus', 'Grace', 'Ken', 'Barbara', 'Alan', 'Margaret', 'Dennis', 'Frances', 'Edsger'];
const LAST = ['Lovelace', 'Torvalds', 'Hopper', 'Thompson', 'Liskov', 'Turing', 'Hamilton', 'Ritchie', 'Allen', 'Dijkstra'];
const ADMINS = ['alice@ops', 'bob@ops', 'ci-pipeline', 'svc-billing'];

export type Order = {
  orderId: string;
  customerId: string;
  items: { sku: string; quantity: number; unitPrice: number }[];
  total: number;
  currency: string;
  status: 'created';
  createdAt: string;
};

/** Amounts stay in cents while summing so totals are exact to the cent. */
const cents = (amount: number) => Math.round(amount * 100);

export function customerId(index: number): string {
  return `cust-${String(index).padStart(4, '0')}`;
}

export function makeOrder(rng: Rng, now: number): Order {
  const items = Array.from({ length: intBetween(rng, 1, 4) }, () => {
    const product = pick(rng, PRODUCTS);
    return { sku: product.sku, quantity: intBetween(rng, 1, 3), unitPrice: product.price };
  });
  const totalCents = items.reduce((sum, item) => sum + item.quantity * cents(item.unitPrice), 0);
  return {
    orderId: `ord-${hexId(rng, 10)}`,
    customerId: customerId(intBetween(rng, 1, CUSTOMER_COUNT)),
    items,
    total: totalCents / 100,
    currency: weighted(rng, CURRENCIES),
    status: 'created',
    createdAt: new Date(now).toISOString(),
  };
}

export type Payment = {
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  method: string;
  status: 'authorized' | 'declined' | 'refunded';
  processedAt: string;
};

export function makePayment(rng: Rng, order: Pick<Order, 'orderId' | 'total' | 'currency'>, now: number): Payment {
  return {
    paymentId: `pay-${hexId(rng, 12)}`,
    orderId: order.orderId,
    amount: order.total,
    currency: order.currency,
    method: weighted(rng, [
      ['card', 7],
      ['paypal', 2],
      ['bank-transfer', 1],
    ]),
    status: weighted(rng, [
      ['authorized', 92],
      ['declined', 6],
      ['refunded', 2],
    ]),
    processedAt: new Date(now).toISOString(),
  };
}

export type Click = {
  eventId: string;
  userId: string;
  sessionId: string;
  type: string;
  page: string;
  referrer: string | null;
  durationMs: number;
  ts: string;
};

export function makeClick(rng: Rng, now: number): Click {
  const user = intBetween(rng, 1, USER_COUNT);
  return {
    eventId: hexId(rng, 16),
    userId: `user-${user}`,
    // Session derived from user and the current half hour, so one user's clicks share a session for a while.
    sessionId: `sess-${user.toString(36)}-${Math.floor(now / 1_800_000).toString(36)}`,
    type: weighted(rng, [
      ['page_view', 60],
      ['click', 25],
      ['search', 8],
      ['add_to_cart', 5],
      ['purchase', 2],
    ]),
    page: pick(rng, PAGES),
    referrer: rng() < 0.3 ? pick(rng, ['https://www.google.com/', 'https://news.ycombinator.com/', 'newsletter']) : null,
    durationMs: intBetween(rng, 200, 45_000),
    ts: new Date(now).toISOString(),
  };
}

export type Profile = {
  customerId: string;
  name: string;
  email: string;
  tier: string;
  country: string;
  updatedAt: string;
};

/** A profile update, or (rarely) a deletion: value null is a tombstone on the compacted topic. */
export function makeProfileUpdate(rng: Rng, now: number): { key: string; profile: Profile | null } {
  const index = intBetween(rng, 1, CUSTOMER_COUNT);
  const key = customerId(index);
  if (rng() < 0.02) return { key, profile: null };
  // Name is a function of the key so updates to one customer look like the same person.
  const first = FIRST[index % FIRST.length] ?? 'Ada';
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] ?? 'Lovelace';
  return {
    key,
    profile: {
      customerId: key,
      name: `${first} ${last}`,
      email: `${first}.${last}${index}@example.com`.toLowerCase(),
      tier: weighted(rng, [
        ['free', 6],
        ['plus', 3],
        ['enterprise', 1],
      ]),
      country: pick(rng, ['DE', 'FR', 'NL', 'US', 'GB', 'ES', 'PL']),
      updatedAt: new Date(now).toISOString(),
    },
  };
}

export type AuditEvent = { id: string; actor: string; action: string; resource: string; ip: string; at: string };

export function makeAuditEvent(rng: Rng, now: number): AuditEvent {
  return {
    id: hexId(rng, 16),
    actor: pick(rng, ADMINS),
    action: weighted(rng, [
      ['login', 5],
      ['topic.config.update', 2],
      ['acl.create', 1],
      ['group.offsets.reset', 1],
      ['topic.create', 1],
    ]),
    resource: pick(rng, ['topic:orders', 'topic:payments', 'topic:clickstream', 'group:orders-fulfilment', 'cluster']),
    ip: `10.${intBetween(rng, 0, 3)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 1, 254)}`,
    at: new Date(now).toISOString(),
  };
}
