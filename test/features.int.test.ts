import { afterAll, describe, expect, it } from 'vitest';
import { GET as getFeatures } from '@/app/api/v1/clusters/[clusterId]/features/route';
import { clusterFeaturesResponseSchema } from '@/lib/schemas/features';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');

/** `kafka-features describe`: one line per feature, tab-separated `Key: value` pairs. */
function featuresFromCli() {
  return kafkaCli('kafka-features', ['--bootstrap-server', bootstrap, 'describe'])
    .split('\n')
    .filter((line) => line.startsWith('Feature: '))
    .map((line) => {
      const get = (key: string) => line.match(new RegExp(`${key}: (\\S+)`))?.[1];
      return {
        name: get('Feature'),
        supportedMin: get('SupportedMinVersion'),
        supportedMax: get('SupportedMaxVersion'),
        finalized: get('FinalizedVersionLevel'),
        epoch: BigInt(get('Epoch') ?? -1),
      };
    });
}

async function features() {
  const { status, body } = await callRoute(getFeatures, '/api/v1/clusters/local/features', { clusterId: 'local' });
  expect(status).toBe(200);
  return clusterFeaturesResponseSchema.parse(body);
}

describe(`features on ${target.label}`, () => {
  afterAll(async () => {
    await closeAllConnections();
    await closeDb();
  });

  it.runIf(target.mode === 'kraft')('shows every feature as kafka-features describe, with each broker’s range', async () => {
    const cli = featuresFromCli();
    expect(cli.map((f) => f.name)).toContain('metadata.version');
    await features(); // connects to every broker: kafkajs's own handshake sends ApiVersions too
    const before = requestCounts('local');
    const data = await features();
    const delta = requestDelta(before, requestCounts('local'));
    const cliAfter = featuresFromCli();
    if (!data.supported) throw new Error(`features answered unsupported: ${data.requires}`);
    const levels = ({ epoch: _epoch, ...rest }: (typeof cli)[number]) => rest;
    expect(
      data.features.map((f) => ({
        name: f.name,
        supportedMin: f.labels.supportedMin,
        supportedMax: f.labels.supportedMax,
        finalized: f.labels.finalized,
      })),
    ).toEqual(cli.map(levels));
    // On KRaft the epoch is the metadata offset the broker has applied: it grows between any two reads.
    expect(BigInt(data.finalizedEpoch)).toBeGreaterThanOrEqual(cli[0]!.epoch);
    expect(BigInt(data.finalizedEpoch)).toBeLessThanOrEqual(cliAfter[0]!.epoch);
    // One ApiVersions per broker; every broker of the dev cluster runs the same version.
    expect(delta.ApiVersions).toBe(3);
    expect(data.unreadBrokers).toEqual([]);
    for (const f of data.features) {
      expect(f.nodes.map((n) => n.nodeId)).toEqual([1, 2, 3]);
      expect(f.nodes.every((n) => n.minLevel === f.supportedMinLevel && n.maxLevel === f.supportedMaxLevel)).toBe(true);
    }
  });

  it.runIf(target.mode === 'zookeeper')('answers supported: false where kafka-features describes nothing', async () => {
    expect(featuresFromCli()).toEqual([]);
    expect(await features()).toEqual({ supported: false, requires: expect.stringContaining('KRaft') });
  });
});
