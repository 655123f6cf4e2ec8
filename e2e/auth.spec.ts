import { writeE2eConsoleConfig, USERS } from './console-config';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';

// These tests sign in themselves.
test.use({ storageState: { cookies: [], origins: [] } });

test('pages send anonymous visitors to the login page and back after signing in', async ({ page }) => {
  await page.goto('/clusters/local/brokers');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclusters%2Flocal%2Fbrokers/);
  await page.getByLabel('Username').fill(USERS.viewer.username);
  await page.getByLabel('Password').fill(USERS.viewer.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\/local\/brokers$/);
  await expect(page.getByTestId('current-user')).toHaveText(`${USERS.viewer.username} (viewer)`);
});

test('unknown user and wrong password get the same answer', async ({ page }) => {
  const login = new LoginPage(page);
  const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  await login.signIn('nobody-here', 'whatever-123');
  await expect(alert).toHaveText('Invalid username or password');
  await login.signIn(USERS.viewer.username, 'wrong-password-1');
  await expect(alert).toHaveText('Invalid username or password');
});

test('the sixth failed login within 15 minutes is answered 429', async ({ page }) => {
  const login = new LoginPage(page);
  const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  for (let i = 0; i < 5; i += 1) {
    await login.signIn('rate-limited-user', `wrong-${i}-password`);
    await expect(alert).toHaveText('Invalid username or password');
  }
  await login.signIn('rate-limited-user', 'wrong-6-password');
  await expect(alert).toContainText('Too many failed logins');
});

for (const [role, user] of Object.entries({ admin: USERS.admin, operator: USERS.operator, viewer: USERS.viewer })) {
  test(`${role} sees what the role allows, and the server agrees`, async ({ page }) => {
    await new LoginPage(page).signInAndExpectConsole(user.username, user.password);
    const auditLink = page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' });
    const audit = await page.request.get('/api/v1/audit');
    if (role === 'admin') {
      await expect(auditLink).toBeVisible();
      expect(audit.status()).toBe(200);
    } else {
      await expect(auditLink).toHaveCount(0);
      expect(audit.status()).toBe(403);
      expect((await audit.json()).error.code).toBe('FORBIDDEN');
      await page.goto('/audit');
      await expect(page.getByText('The audit log is for admins.')).toBeVisible();
    }
    expect((await page.request.get('/api/v1/clusters/local/brokers')).status()).toBe(200);
  });
}

test('API routes answer 401 JSON without a session, even with x-middleware-subrequest', async ({ request }) => {
  const variants: Record<string, string>[] = [{}, { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }];
  for (const headers of variants) {
    const response = await request.get('/api/v1/clusters', { headers });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
  }
});

test('a disabled user is refused at the next request', async ({ page }) => {
  const { disposable } = USERS;
  await new LoginPage(page).signInAndExpectConsole(disposable.username, disposable.password);
  expect((await page.request.get('/api/v1/clusters')).status()).toBe(200);
  writeE2eConsoleConfig({ disabled: [disposable.username] });
  try {
    // The server polls the file every second.
    await expect.poll(async () => (await page.request.get('/api/v1/clusters')).status(), { timeout: 10_000 }).toBe(401);
    await page.reload();
    await expect(page).toHaveURL(/\/login/);
  } finally {
    writeE2eConsoleConfig();
  }
});

test("the viewer's refusal and the logins appear in the admin's audit page", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAndExpectConsole(USERS.viewer.username, USERS.viewer.password);
  expect((await page.request.get('/api/v1/audit?limit=1')).status()).toBe(403);
  await login.signOut();
  await login.signInAndExpectConsole(USERS.admin.username, USERS.admin.password);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Actor').fill(USERS.viewer.username);
  await page.getByRole('button', { name: 'Apply' }).click();
  const rows = page.getByRole('region', { name: 'Audit log' }).locator('tbody tr');
  await expect(rows.filter({ hasText: 'audit.list' }).first()).toContainText('denied');
  await expect(rows.filter({ hasText: 'auth.login' }).first()).toContainText('success');
  const csv = await page.request.get(`/api/v1/audit/export.csv?actor=${USERS.viewer.username}`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('audit.list');
});
