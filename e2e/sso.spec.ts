import { expect, test, type Page } from '@playwright/test';

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
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('Your single sign-on account has no role in this console');
  expect((await page.request.get('/api/v1/clusters')).status()).toBe(401);
});
