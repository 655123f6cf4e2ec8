// Feature upgrades change what cannot be changed back, so they run on a throwaway single-node KRaft cluster (Kafka
// 4.4.0 formatted at release 4.0, test/support/scratch-cluster.ts), never on the shared dev cluster. On a ZooKeeper
// dev cluster only the 409 is checked, with a dry run that never reaches Kafka's controller.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getAudit } from '@/app/api/v1/audit/route';
import { POST as upgrade } from '@/app/api/v1/clusters/[clusterId]/features/upgrade/route';
import { featureUpgradeResponseSchema } from '@/lib/schemas/features';
import { reloadConfig } from '@/server/config/current';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';
import { startScratchCluster, type ScratchCluster } from './support/scratch-cluster';

const target = kafkaTarget();
// metadata.version 25 (4.0-IV3), share.version 0: what `kafka-storage format --release-version 4.0` finalizes.
const RELEASE = '4.0';
const FORMATTED_METADATA_LEVEL = 25;

type Body = { feature: string; level: number; dryRun: boolean; confirm?: string };

const post = (clusterId: string, body: Body, token: string = TEST_TOKENS.admin) =>
  callRoute(
    upgrade,
    `/api/v1/clusters/${clusterId}/features/upgrade`,
    { clusterId },
    { token, init: { method: 'POST', body: JSON.stringify(body) } },
  );

const errorOf = (body: unknown) => (body as { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } }).error;

/** `kafka-features describe` as name → finalized level (epochs left out: KRaft's no-op records keep moving them). */
function describeLevels(bootstrap: string): Record<string, string> {
  const lines = kafkaCli('kafka-features', ['--bootstrap-server', bootstrap, 'describe']).split('\n');
  return Object.fromEntries(
    lines.flatMap((line) => {
      const match = line.match(/^Feature: (\S+)\s.*FinalizedVersionLevel: (\S+)/);
      return match ? [[match[1]!, match[2]!]] : [];
    }),
  );
}

/** `kafka-features upgrade --feature name=level --dry-run`: what it prints, whether it succeeds or fails (exit 1). */
function cliDryRun(bootstrap: string, feature: string, level: number): { ok: boolean; output: string } {
  try {
    return {
      ok: true,
      output: kafkaCli('kafka-features', [
        '--bootstrap-server',
        bootstrap,
        'upgrade',
        '--feature',
        `${feature}=${level}`,
        '--dry-run',
      ]).trim(),
    };
  } catch (error) {
    return { ok: false, output: (error as Error).message };
  }
}

/** Adds the scratch node to this file's console configuration (setup-env writes one per test file). */
function addClusterToConfig(id: string, bootstrap: string) {
  const file = process.env.CONSOLE_CONFIG!;
  const config = JSON.parse(readFileSync(file, 'utf8')) as { clusters: unknown[] };
  config.clusters.push({ id, name: `Scratch Kafka 4.4.0 formatted at ${RELEASE}`, brokers: [bootstrap] });
  writeFileSync(file, JSON.stringify(config));
  reloadConfig('features-upgrade test: scratch cluster added');
}

describe.runIf(target.mode === 'kraft')('feature upgrade on a scratch KRaft node formatted at release 4.0', () => {
  let scratch: ScratchCluster;

  beforeAll(async () => {
    scratch = await startScratchCluster({ releaseVersion: RELEASE, features: { 'share.version': 0 } });
    console.log(`scratch node ready in ${scratch.startupMs} ms at ${scratch.bootstrap}`);
    addClusterToConfig('scratch', scratch.bootstrap);
  });

  afterAll(async () => {
    await closeAllConnections();
    await scratch?.stop();
    await closeDb();
  });

  it('dry-runs an upgrade as kafka-features upgrade --dry-run does, and changes nothing', async () => {
    const before = describeLevels(scratch.bootstrap);
    expect(before['metadata.version']).toBe('4.0-IV3');
    const { status, body } = await post('scratch', { feature: 'metadata.version', level: FORMATTED_METADATA_LEVEL + 2, dryRun: true });
    expect(status).toBe(200);
    expect(featureUpgradeResponseSchema.parse(body)).toEqual({
      feature: 'metadata.version',
      dryRun: true,
      fromLevel: FORMATTED_METADATA_LEVEL,
      toLevel: FORMATTED_METADATA_LEVEL + 2,
      finalizedLevel: FORMATTED_METADATA_LEVEL,
      labels: { from: '4.0-IV3', to: '4.1-IV1', finalized: '4.0-IV3' },
      message: 'metadata.version can be upgraded to 4.1-IV1.',
    });
    expect(describeLevels(scratch.bootstrap)).toEqual(before);
  });

  it('answers the same verdicts as the CLI’s dry run: valid, or the controller’s reason as a 422', async () => {
    const cases: [feature: string, level: number, field: string | null][] = [
      ['share.version', 1, null],
      ['metadata.version', 99, 'level'], // above what the controller supports
      ['metadata.version', FORMATTED_METADATA_LEVEL - 3, 'level'], // a downgrade, refused with UpgradeType 1
      ['no.such.version', 1, 'feature'],
    ];
    for (const [feature, level, field] of cases) {
      const cli = cliDryRun(scratch.bootstrap, feature, level);
      const { status, body } = await post('scratch', { feature, level, dryRun: true });
      if (field === null) {
        expect(cli).toEqual({ ok: true, output: `${feature} can be upgraded to ${level}.` });
        expect(status).toBe(200);
        expect(featureUpgradeResponseSchema.parse(body).message).toBe(cli.output);
        continue;
      }
      expect(cli.ok, cli.output).toBe(false);
      expect(status, JSON.stringify(body)).toBe(422);
      const reason = errorOf(body).fieldErrors?.[field]?.[0] ?? '';
      // The CLI prints "Can not upgrade <feature> to <level>. <the controller's message>".
      expect(reason.length).toBeGreaterThan(0);
      expect(cli.output).toContain(`Can not upgrade ${feature} to ${level}. ${reason}`);
    }
  });

  it('refuses a level above the supported maximum and an unknown feature with the controller’s reason', async () => {
    const tooHigh = await post('scratch', { feature: 'metadata.version', level: 99, dryRun: false, confirm: 'metadata.version' });
    expect(tooHigh.status).toBe(422);
    expect(errorOf(tooHigh.body).fieldErrors?.level?.[0]).toMatch(
      /Invalid update version 99 for feature metadata\.version.*only supports versions/,
    );
    const unknown = await post('scratch', { feature: 'no.such.version', level: 1, dryRun: true });
    expect(unknown.status).toBe(422);
    expect(errorOf(unknown.body).fieldErrors?.feature?.[0]).toMatch(/does not support this feature/);
    const notALevel = await post('scratch', { feature: 'share.version', level: 0, dryRun: true });
    expect(notALevel.status).toBe(422);
    expect(describeLevels(scratch.bootstrap)['metadata.version']).toBe('4.0-IV3');
  });

  it('refuses operators and viewers (403, audited) and an execution without the typed feature name', async () => {
    const body = { feature: 'share.version', level: 1, dryRun: false, confirm: 'share.version' };
    expect((await post('scratch', body, TEST_TOKENS.operator)).status).toBe(403);
    expect((await post('scratch', { ...body, dryRun: true }, TEST_TOKENS.viewer)).status).toBe(403);
    const unconfirmed = await post('scratch', { ...body, confirm: 'share' });
    expect(unconfirmed.status).toBe(422);
    expect(errorOf(unconfirmed.body).fieldErrors).toEqual({ confirm: ['Type the feature name exactly ("share.version") to confirm'] });
    expect(describeLevels(scratch.bootstrap)['share.version']).toBe('0');
    const audit = await callRoute(getAudit, '/api/v1/audit?action=clusters.features.upgrade', {}, { token: TEST_TOKENS.admin });
    const entries = (audit.body as { entries: { actor: string; status: number; clusterId: string }[] }).entries;
    expect(entries.filter((e) => e.clusterId === 'scratch').map((e) => [e.actor, e.status])).toEqual(
      expect.arrayContaining([
        ['operator', 403],
        ['viewer', 403],
        ['admin', 422],
        ['admin', 200],
      ]),
    );
  });

  it('executes an upgrade: kafka-features describe shows the new level; the same level again changes nothing', async () => {
    const level = FORMATTED_METADATA_LEVEL + 1;
    const { status, body } = await post('scratch', { feature: 'metadata.version', level, dryRun: false, confirm: 'metadata.version' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(featureUpgradeResponseSchema.parse(body)).toMatchObject({
      dryRun: false,
      fromLevel: FORMATTED_METADATA_LEVEL,
      finalizedLevel: level,
      labels: { finalized: '4.1-IV0' },
      message: 'metadata.version was upgraded to 4.1-IV0.',
    });
    expect(describeLevels(scratch.bootstrap)['metadata.version']).toBe('4.1-IV0');
    // Kafka accepts the current level as a no-op: a dry run says so, executing it is refused as pointless.
    const preview = await post('scratch', { feature: 'metadata.version', level, dryRun: true });
    expect(preview.status).toBe(200);
    expect(featureUpgradeResponseSchema.parse(preview.body).message).toBe(
      'metadata.version is already finalized at 4.1-IV0: the upgrade would change nothing.',
    );
    const again = await post('scratch', { feature: 'metadata.version', level, dryRun: false, confirm: 'metadata.version' });
    expect(again.status).toBe(422);
    expect(errorOf(again.body).fieldErrors?.level?.[0]).toContain('already finalized at 4.1-IV0');
  });
});

describe.runIf(target.mode === 'zookeeper')(`feature upgrade on ${target.label}`, () => {
  afterAll(async () => {
    await closeAllConnections();
    await closeDb();
  });

  it('answers 409 naming KRaft, where no feature level is finalized (and nothing is sent to the controller)', async () => {
    const { status, body } = await post('local', { feature: 'metadata.version', level: 21, dryRun: true });
    expect(status).toBe(409);
    expect(errorOf(body)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('KRaft mode') });
  });
});
