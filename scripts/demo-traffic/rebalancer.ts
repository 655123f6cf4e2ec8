// payments-reconciler: one permanent member plus a second one that joins and leaves every 45–90 s,
// so the console has real rebalances (generation bumps, partition moves) to show.
import type { Consumer, Kafka } from '@/server/kafka/kafkajs';
import { startMember, type OnConsumed } from './consumers';
import { intBetween, type Rng } from '../lib/random';

const GROUP_ID = 'payments-reconciler';
/** First toggle comes sooner than the rest so that short runs (tests, --duration 60) see a rebalance too. */
const FIRST_TOGGLE_MS = 30_000;

export async function startRebalancingGroup(kafka: Kafka, onConsumed: OnConsumed, rng: Rng, onError: (error: unknown) => void) {
  let joins = 0;
  let extra: Consumer | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let toggling: Promise<void> = Promise.resolve();

  const member = (onGroupJoin?: () => void) =>
    startMember(kafka, {
      groupId: GROUP_ID,
      topic: 'payments',
      eachBatch: async ({ batch }) => onConsumed(GROUP_ID, batch.messages.length),
      onGroupJoin,
    });

  const primary = await member(() => {
    joins += 1;
  });

  const toggle = async () => {
    try {
      if (extra) {
        const leaving = extra;
        extra = null;
        await leaving.disconnect(); // sends LeaveGroup, so the rebalance starts at once
      } else {
        extra = await member();
      }
    } catch (error) {
      onError(error);
    }
    if (!stopped) schedule(intBetween(rng, 45_000, 90_000));
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      toggling = toggle();
    }, delayMs);
  };
  schedule(FIRST_TOGGLE_MS);

  return {
    members: () => (extra ? 2 : 1),
    /** Joins of the permanent member after its first one, i.e. rebalances it took part in. */
    rebalances: () => Math.max(0, joins - 1),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await toggling;
      await Promise.all([primary.disconnect(), extra?.disconnect()]);
    },
  };
}
