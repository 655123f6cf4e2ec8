// Drives all topics from one producer. Every tick each topic sends what it is due as one send() with
// several messages (one produce request per partition leader), never one request per message.
import type { Producer } from '@/server/kafka/kafkajs';
import { createAccumulator, rateAt } from './rates';
import { sleep } from './time';
import type { TopicTraffic } from './traffic-plan';

const DEFAULT_TICK_MS = 500;
/** Cap on what a topic may owe; after a stall (leader election, broker down) it catches up without a flood. */
const MAX_BACKLOG = 500;

export type ProducerLoopOptions = {
  multiplier: number;
  onSent: (topic: string, count: number) => void;
  onError: (topic: string, error: unknown) => void;
  tickMs?: number;
  /** How long stop() waits for sends still in flight before giving up on them. */
  stopGraceMs?: number;
};

export function startProducerLoop(producer: Pick<Producer, 'send'>, plan: readonly TopicTraffic[], options: ProducerLoopOptions) {
  const stop = new AbortController();
  const startedAt = Date.now();
  const state = plan.map((traffic) => ({ traffic, accumulator: createAccumulator(), backlog: 0, inFlight: null as Promise<void> | null }));

  const send = (entry: (typeof state)[number], now: number) => {
    const { topic } = entry.traffic;
    const messages = Array.from({ length: entry.backlog }, () => entry.traffic.build(now));
    entry.backlog = 0;
    entry.inFlight = producer
      .send({ topic, messages })
      .then(
        () => options.onSent(topic, messages.length),
        // Keep going: a broker hiccup should show up as a dip in the charts, not end the demo.
        (error: unknown) => options.onError(topic, error),
      )
      .finally(() => {
        entry.inFlight = null;
      });
  };

  const loop = async () => {
    let last = Date.now();
    while (!stop.signal.aborted) {
      const now = Date.now();
      const dtSec = (now - last) / 1000;
      last = now;
      for (const entry of state) {
        const due = entry.accumulator.take(rateAt(entry.traffic.shape, (now - startedAt) / 1000, options.multiplier), dtSec);
        entry.backlog = Math.min(entry.backlog + due, MAX_BACKLOG);
        // Sends are not awaited here, so a topic whose leader is unavailable (e.g. the RF 1 topic while
        // its broker is down) stalls alone instead of holding up every other topic.
        if (entry.backlog > 0 && !entry.inFlight) send(entry, now);
      }
      await sleep((options.tickMs ?? DEFAULT_TICK_MS) - (Date.now() - now), stop.signal);
    }
  };

  const running = loop();
  return {
    async stop() {
      stop.abort();
      await running;
      const pending = state.flatMap((entry) => (entry.inFlight ? [entry.inFlight] : []));
      await Promise.race([Promise.allSettled(pending), sleep(options.stopGraceMs ?? 3000)]);
    },
  };
}
