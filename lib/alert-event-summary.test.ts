import { describe, expect, it } from 'vitest';
import { alertSubject, deliverySummary } from '@/lib/alert-event-summary';
import type { AlertEvent } from '@/lib/schemas/alerts';

type Delivery = AlertEvent['deliveries'][number];
const delivery = (changes: Partial<Delivery>): Delivery => ({
  channelId: 'ops',
  transition: 'firing',
  status: 'sent',
  attempts: 1,
  lastError: null,
  lastAttemptAt: 1,
  sentAt: 1,
  ...changes,
});

describe('alertSubject', () => {
  it('links each kind to the page that shows its subject', () => {
    expect(alertSubject({ kind: 'group-lag', clusterId: 'local', subject: 'orders/eu' })).toEqual({
      label: 'orders/eu',
      href: '/clusters/local/consumer-groups/orders%2Feu',
    });
    expect(alertSubject({ kind: 'group-status', clusterId: 'local', subject: 'g' }).href).toBe('/clusters/local/consumer-groups/g');
    expect(alertSubject({ kind: 'broker-missing', clusterId: 'local', subject: '3' })).toEqual({
      label: 'broker 3',
      href: '/clusters/local/brokers/3',
    });
    expect(alertSubject({ kind: 'reassignment-stalled', clusterId: 'local', subject: 'job-1' }).href).toBe(
      '/clusters/local/reassignments/job-1',
    );
    expect(alertSubject({ kind: 'partitions-at-risk', clusterId: 'local', subject: '' })).toEqual({
      label: 'partitions at risk',
      href: '/clusters/local/health',
    });
  });

  it('gives no link for a broker subject that is not a broker id', () => {
    expect(alertSubject({ kind: 'broker-missing', clusterId: 'local', subject: 'x' }).href).toBeNull();
  });
});

describe('deliverySummary', () => {
  it('counts the deliveries of one transition', () => {
    const both = [delivery({}), delivery({ channelId: 'b' }), delivery({ transition: 'resolved', status: 'failed' })];
    expect(deliverySummary(both)).toEqual({ text: 'sent to 2 of 2', tone: 'sent', errors: null });
    expect(deliverySummary(both, 'resolved')).toEqual({ text: 'sent to 0 of 1, 1 failed', tone: 'failed', errors: 'ops: failed' });
  });

  it('reports failures with their last errors, and pending ones', () => {
    const summary = deliverySummary([
      delivery({}),
      delivery({ channelId: 'slack', status: 'failed', lastError: 'HTTP 500' }),
      delivery({ channelId: 'x', status: 'pending' }),
    ]);
    expect(summary).toEqual({ text: 'sent to 1 of 3, 1 failed, 1 pending', tone: 'failed', errors: 'slack: HTTP 500' });
    expect(deliverySummary([delivery({ status: 'pending', sentAt: null })]).tone).toBe('pending');
  });

  it('says muted when nothing was sent on purpose, and no channels when there were none', () => {
    expect(deliverySummary([delivery({ status: 'muted' })])).toEqual({ text: 'muted', tone: 'muted', errors: null });
    expect(deliverySummary([])).toEqual({ text: 'no channels', tone: 'none', errors: null });
  });
});
