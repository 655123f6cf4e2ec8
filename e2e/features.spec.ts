import { expect, test } from './fixtures';
import { FeaturesPage } from './pages/features-page';

// The e2e cluster is Kafka 4.x on KRaft: every feature of the release is finalized at `kafka-storage format` time.
test('the features page shows the finalized levels and the range every broker supports', async ({ page }) => {
  await page.goto('/clusters/local');
  const features = new FeaturesPage(page);
  await features.openFromNav();
  await expect(page).toHaveURL(/\/clusters\/local\/features$/);
  await expect(features.table).toBeVisible();
  // metadata.version by its release name, as kafka-features prints it; the others by level.
  await expect(features.finalized('metadata.version')).toHaveText(/^\d+\.\d+-IV\d+/);
  await expect(features.supported('metadata.version')).toHaveText(/^3\.3-IV3 – \d+\.\d+-IV\d+$/);
  // Enabled (level 1 or more: 4.4 finalizes share.version 2); the exact levels are checked against the tool in
  // test/features.int.test.ts.
  for (const name of ['group.version', 'share.version', 'streams.version', 'eligible.leader.replicas.version']) {
    await expect(features.finalized(name)).toHaveText(/^[1-9]/);
  }
  await expect(features.row('kraft.version')).toContainText('1: 0–1 · 2: 0–1 · 3: 0–1');
  await expect(features.unsupported).toHaveCount(0);
});
