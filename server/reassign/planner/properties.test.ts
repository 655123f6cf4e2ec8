import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanRequest } from '@/lib/schemas/reassignments';
import { movedReplicas } from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
import { minimumScaleOutMoves } from '@/server/reassign/planner/scale-out';
import {
  applyPlan,
  leadersOptimal,
  minimumRebalanceMoves,
  narrowedPartitions,
  replicaCounts,
  withinFloorCeil,
} from '@/test/support/planner-layouts';
import { PlanError, type ClusterLayout, type PlanChange } from '@/server/reassign/planner/types';

// Invariants over random layouts: up to 7 brokers with or without racks, sometimes one of them down (it then only
// appears in replica lists), up to 3 topics of up to 10 partitions with random replica lists.

type Cluster = { layout: ClusterLayout; racked: boolean; down: number | null; added: number[] };

/** `added` live brokers beyond the ones holding replicas (for scale-out); they hold nothing. */
const cluster = (added = 0) =>
  fc.integer({ min: 2, max: 6 }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    const topicArb = fc
      .record({ internal: fc.boolean(), rf: fc.integer({ min: 1, max: Math.min(3, n) }), partitions: fc.integer({ min: 1, max: 10 }) })
      .chain((t) =>
        fc
          .array(fc.shuffledSubarray(ids, { minLength: t.rf, maxLength: t.rf }), { minLength: t.partitions, maxLength: t.partitions })
          .map((lists) => ({ ...t, lists })),
      );
    return fc
      .record({
        rackCount: fc.constantFrom(0, 0, 2, 3),
        rackOf: fc.array(fc.nat(2), { minLength: n + added, maxLength: n + added }),
        down: added > 0 ? fc.constant(null) : fc.option(fc.constantFrom(...ids), { freq: 4 }),
        topics: fc.array(topicArb, { minLength: 1, maxLength: 3 }),
      })
      .map(({ rackCount, rackOf, down, topics }): Cluster => {
        const all = Array.from({ length: n + added }, (_, i) => i + 1);
        return {
          racked: rackCount > 0,
          down,
          added: all.slice(n),
          layout: {
            brokers: all
              .filter((id) => id !== down)
              .map((id, i) => ({ id, rack: rackCount > 0 ? `r${(rackOf[i] ?? 0) % rackCount}` : null })),
            topics: topics.map((t, i) => ({
              name: `t${i}`,
              internal: t.internal && i === 0,
              partitions: t.lists.map((replicas, partition) => ({ partition, replicas })),
            })),
          },
        };
      });
  });

/** The same cluster listed in another order: the plan must not change. */
const reversed = (layout: ClusterLayout): ClusterLayout => ({
  brokers: [...layout.brokers].reverse(),
  topics: [...layout.topics].reverse().map((t) => ({ ...t, partitions: [...t.partitions].reverse() })),
});

/** Runs a request; returns undefined when the planner refuses it with a PlanError (checked to name `fields`). */
function attempt(layout: ClusterLayout, request: PlanRequest, fields: string[]): PlanChange[] | undefined {
  try {
    const changes = planReassignment(layout, request);
    expect(planReassignment(reversed(layout), request)).toEqual(changes);
    return changes;
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    expect(fields).toContain(error.field);
    return undefined;
  }
}

/** What every plan keeps: no duplicates, same length unless asked, no new replica on a broker that is down, spread, leaders. */
function checkCommon(c: Cluster, changes: PlanChange[], scope: readonly string[], keepsLength = true) {
  const live = new Set(c.layout.brokers.map((b) => b.id));
  for (const ch of changes) {
    expect(new Set(ch.after).size).toBe(ch.after.length);
    if (keepsLength) expect(ch.after).toHaveLength(ch.before.length);
    for (const b of ch.after) if (!ch.before.includes(b)) expect(live.has(b)).toBe(true);
  }
  const after = applyPlan(c.layout, changes);
  if (keepsLength) expect(narrowedPartitions(c.layout, after)).toEqual([]);
  for (const name of scope) expect(leadersOptimal(after, name)).toBe(true);
  expect(changes.every((ch) => scope.includes(ch.topic))).toBe(true);
  return after;
}

const onBrokers = (layout: ClusterLayout, brokers: number[], topics: string[]) =>
  layout.topics
    .filter((t) => topics.includes(t.name))
    .reduce((s, t) => s + t.partitions.reduce((x, p) => x + p.replicas.filter((b) => brokers.includes(b)).length, 0), 0);

describe('planner properties', { timeout: 60_000 }, () => {
  it('drain: the drained brokers end empty and exactly their replicas move; refused only for lack of brokers or racks', () => {
    fc.assert(
      fc.property(cluster(), fc.nat(), (c, pick) => {
        const inLists = c.layout.topics.flatMap((t) => t.partitions.flatMap((p) => p.replicas));
        const ids = [...new Set([...c.layout.brokers.map((b) => b.id), ...inLists])].sort((a, b) => a - b);
        const drained = [ids[pick % ids.length] ?? 1];
        const changes = attempt(c.layout, { mode: 'drain', brokers: drained }, ['brokers']);
        const names = c.layout.topics.map((t) => t.name);
        const remaining = c.layout.brokers.filter((b) => !drained.includes(b.id)).length;
        const tooWide = c.layout.topics.some((t) =>
          t.partitions.some(
            (p) =>
              p.replicas.some((b) => drained.includes(b)) && p.replicas.filter((b) => b === drained[0] || b !== c.down).length > remaining,
          ),
        );
        if (!changes) {
          expect(tooWide || c.racked).toBe(true);
          return;
        }
        expect(tooWide).toBe(false);
        const after = checkCommon(c, changes, names);
        expect(onBrokers(after, drained, names)).toBe(0);
        expect(movedReplicas(changes)).toBe(onBrokers(c.layout, drained, names));
      }),
    );
  });

  it('scale-out: only onto the added brokers, only off the others, and exactly the minimum without racks', () => {
    fc.assert(
      fc.property(
        cluster(1).chain((c) => fc.constant(c)),
        cluster(2),
        (one, two) => {
          for (const c of [one, two]) {
            const changes = attempt(c.layout, { mode: 'scale-out', brokers: c.added }, []) ?? [];
            const scope = c.layout.topics.filter((t) => !t.internal).map((t) => t.name);
            const after = checkCommon(c, changes, scope);
            const before = replicaCounts(c.layout, scope);
            const counts = replicaCounts(after, scope);
            for (const [b, n] of counts) expect(c.added.includes(b) ? n >= (before.get(b) ?? 0) : n <= (before.get(b) ?? 0)).toBe(true);
            const minimum = minimumScaleOutMoves(
              before,
              c.layout.brokers.map((b) => b.id),
              c.added,
            );
            if (minimum !== undefined && !c.racked) {
              expect(movedReplicas(changes)).toBe(minimum);
              expect(withinFloorCeil(counts)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('rebalance: per topic floor/ceil with the fewest moves when nothing constrains it', () => {
    fc.assert(
      fc.property(cluster(), (c) => {
        const names = c.layout.topics.map((t) => t.name);
        const changes = attempt(c.layout, { mode: 'rebalance', topics: names }, []) ?? [];
        const after = checkCommon(c, changes, names);
        if (c.racked || c.down !== null) return;
        let minimum = 0;
        for (const name of names) {
          expect(withinFloorCeil(replicaCounts(after, [name]))).toBe(true);
          minimum += minimumRebalanceMoves(replicaCounts(c.layout, [name]));
        }
        expect(movedReplicas(changes)).toBe(minimum);
      }),
    );
  });

  it('replication-factor: every list gets the factor, keeps its old preferred leader, adds only what is missing', () => {
    fc.assert(
      fc.property(cluster(), fc.integer({ min: 1, max: 4 }), (c, rf) => {
        const names = c.layout.topics.map((t) => t.name);
        const changes = attempt(c.layout, { mode: 'replication-factor', topics: names, replicationFactor: rf }, ['replicationFactor']);
        if (!changes) {
          expect(rf).toBeGreaterThan(c.layout.brokers.length);
          return;
        }
        checkCommon(c, changes, names, false);
        const after = applyPlan(c.layout, changes);
        let added = 0;
        for (const [i, t] of after.topics.entries()) {
          t.partitions.forEach((p, j) => {
            const was = c.layout.topics[i]?.partitions[j]?.replicas ?? [];
            expect(p.replicas).toHaveLength(rf);
            expect(p.replicas).toContain(was[0]);
            added += Math.max(0, rf - was.length);
          });
        }
        expect(movedReplicas(changes)).toBe(added);
      }),
    );
  });

  it('replace: the same replicas with one broker swapped, or a refusal naming `to`', () => {
    fc.assert(
      fc.property(cluster(1), fc.nat(), (c, pick) => {
        const from = (pick % (c.layout.brokers.length - 1)) + 1;
        const to = c.added[0] ?? 0;
        const changes = attempt(c.layout, { mode: 'replace', from, to }, ['to']);
        if (!changes) {
          expect(c.racked).toBe(true);
          return;
        }
        checkCommon(
          c,
          changes,
          c.layout.topics.map((t) => t.name),
        );
        for (const ch of changes) expect([...ch.after].sort()).toEqual(ch.before.map((b) => (b === from ? to : b)).sort());
        expect(movedReplicas(changes)).toBe(
          onBrokers(
            c.layout,
            [from],
            c.layout.topics.map((t) => t.name),
          ),
        );
      }),
    );
  });
});
