import { expect, test, type Page } from '@playwright/test';
import { OIDC_PORT, writeE2eConsoleConfig } from './console-config';

test.use({ storageState: { cookies: [], origins: [] } });

/** The provider's development login takes any username and password, then asks for consent. */
async function signInAtProvider(page: Page, username: string) {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with SSO' }).click();
  await page.locator('input[name="login"]').fill(username);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('single sign-on maps the group claim to a role', async ({ page }) => {
  await signInAtProvider(page, 'olga');
  await expect(page.getByTestId('current-user')).toHaveText('olga (operator)');
  expect((await page.request.get('/api/v1/clusters')).status()).toBe(200);
  expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
});

test('single sign-on refuses an account whose claims map to no role', async ({ page }) => {
  await signInAtProvider(page, 'nobody-mapped');
  await expect(page).toHaveURL(/\/login\?error=AccessDenied/);
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText(
    'Your single sign-on account has no role in this console',
  );
  expect((await page.request.get('/api/v1/clusters')).status()).toBe(401);
});

/** What the identity team changes at the provider: the user's groups, as the userinfo endpoint will answer them. */
async function setGroups(username: string, groups: string[]) {
  const response = await fetch(`http://127.0.0.1:${OIDC_PORT}/e2e/groups/${encodeURIComponent(username)}`, {
    method: 'PUT',
    body: JSON.stringify(groups),
  });
  expect(response.status).toBe(204);
}

test("an SSO user's role follows the provider within the re-check period, and ends with it", async ({ page }) => {
  const user = `sso-moves-${Date.now()}`;
  await setGroups(user, ['kafka-ops']);
  await signInAtProvider(page, user);
  await expect(page.getByTestId('current-user')).toHaveText(`${user} (operator)`);
  expect((await page.request.get('/api/v1/audit')).status()).toBe(403);

  // Promoted at the provider: an admin within the re-check period (5 s here; at most 5 minutes in any config).
  await setGroups(user, ['kafka-admins']);
  await expect.poll(async () => (await page.request.get('/api/v1/audit')).status(), { timeout: 15_000 }).toBe(200);

  // Out of every mapped group: the session ends.
  await setGroups(user, []);
  await expect.poll(async () => (await page.request.get('/api/v1/clusters')).status(), { timeout: 15_000 }).toBe(401);
});

test('an SSO user disabled in the config is refused at the next request and at the next login', async ({ page }) => {
  const user = `sso-disabled-${Date.now()}`;
  await setGroups(user, ['kafka-ops']);
  await signInAtProvider(page, user);
  await expect(page.getByTestId('current-user')).toHaveText(`${user} (operator)`);
  writeE2eConsoleConfig({ disabledSso: [user] });
  try {
    // The server polls the file every second.
    await expect.poll(async () => (await page.request.get('/api/v1/clusters')).status(), { timeout: 10_000 }).toBe(401);
    await page.context().clearCookies();
    await signInAtProvider(page, user);
    await expect(page).toHaveURL(/\/login\?error=AccessDenied/);
  } finally {
    writeE2eConsoleConfig();
  }
});
