import type { Producer, ProducerRecord } from '@/server/kafka/kafkajs';
import { describe, expect, it } from 'vitest';
import { startProducerLoop } from './producer-loop';
import type { TopicTraffic } from './traffic-plan';

const plan: TopicTraffic[] = [
  { topic: 'fast', shape: { base: 200 }, build: () => ({ key: 'k', value: '{}', headers: {} }) },
  { topic: 'slow', shape: { base: 10 }, build: () => ({ key: 'k', value: '{}', headers: {} }) },
];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function counting() {
  const sent: Record<string, number> = {};
  return { sent, onSent: (topic: string, n: number) => void (sent[topic] = (sent[topic] ?? 0) + n) };
}

describe('startProducerLoop', () => {
  it('sends each topic at roughly its target rate, several messages per request, and stops promptly', async () => {
    const requests: ProducerRecord[] = [];
    const producer: Pick<Producer, 'send'> = {
      send: async (record) => {
        requests.push(record);
        return [];
      },
    };
    const { sent, onSent } = counting();
    const loop = startProducerLoop(producer, plan, {
      multiplier: 1,
      tickMs: 50,
      onSent,
      onError: (_, e) => {
        throw e;
      },
    });
    await wait(1000);
    const stopStarted = Date.now();
    await loop.stop();
    expect(Date.now() - stopStarted).toBeLessThan(100);

    // ~1 s at 200/s and 10/s; generous bounds because timers on a busy CI box drift.
    expect(sent.fast).toBeGreaterThan(120);
    expect(sent.fast).toBeLessThan(260);
    expect(sent.slow).toBeGreaterThan(4);
    expect(sent.slow).toBeLessThan(14);
    // Batched: at most one request per topic per tick (~20 ticks), far fewer than messages.
    const fastRequests = requests.filter((r) => r.topic === 'fast');
    expect(fastRequests.length).toBeLessThanOrEqual(22);
    expect(Math.max(...fastRequests.map((r) => r.messages.length))).toBeGreaterThan(5);
  });

  it('scales with the rate multiplier', async () => {
    const { sent, onSent } = counting();
    const loop = startProducerLoop({ send: async () => [] }, plan.slice(0, 1), { multiplier: 0.25, tickMs: 50, onSent, onError: () => {} });
    await wait(1000);
    await loop.stop();
    expect(sent.fast).toBeGreaterThan(30);
    expect(sent.fast).toBeLessThan(65);
  });

  it('keeps going after a failed send and does not count the lost messages', async () => {
    let calls = 0;
    const errors: string[] = [];
    const { sent, onSent } = counting();
    const producer: Pick<Producer, 'send'> = {
      send: async () => {
        calls += 1;
        if (calls === 1) throw new Error('leader not available');
        return [];
      },
    };
    const loop = startProducerLoop(producer, plan.slice(0, 1), {
      multiplier: 1,
      tickMs: 20,
      onSent,
      onError: (topic) => errors.push(topic),
    });
    await wait(300);
    await loop.stop();
    expect(errors).toEqual(['fast']);
    expect(calls).toBeGreaterThan(3);
    expect(sent.fast).toBeGreaterThan(0);
  });

  it('does not let a stalled topic hold up the others, nor stop() beyond its grace period', async () => {
    const { sent, onSent } = counting();
    const producer: Pick<Producer, 'send'> = {
      send: (record) => (record.topic === 'slow' ? new Promise(() => {}) : Promise.resolve([])),
    };
    const loop = startProducerLoop(producer, plan, { multiplier: 1, tickMs: 50, stopGraceMs: 200, onSent, onError: () => {} });
    await wait(600);
    const stopStarted = Date.now();
    await loop.stop();
    expect(Date.now() - stopStarted).toBeGreaterThanOrEqual(150);
    expect(Date.now() - stopStarted).toBeLessThan(500);
    expect(sent.fast).toBeGreaterThan(60);
    expect(sent.slow).toBeUndefined();
  });
});
