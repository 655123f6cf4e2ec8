import type { Locator, Page } from '@playwright/test';

export class FeaturesPage {
  readonly region: Locator;
  readonly table: Locator;
  readonly unsupported: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Features' });
    this.table = this.region.getByRole('table', { name: 'Feature levels' });
    this.unsupported = page.getByText('Feature levels are not available on this cluster');
  }

  async openFromNav() {
    await this.page.getByRole('navigation', { name: 'Cluster views' }).getByRole('link', { name: 'Features' }).click();
  }

  row(feature: string) {
    return this.table.locator(`tr[data-feature="${feature}"]`);
  }

  finalized(feature: string) {
    return this.row(feature).locator('[data-column="finalized"]');
  }

  supported(feature: string) {
    return this.row(feature).locator('[data-column="supported"]');
  }
}
