import { Validator } from '@seriousme/openapi-schema-validator';
import type { AuditEntry } from '@/lib/schemas/audit';
import { USERS } from './console-config';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { postPasswordLogin, setsSession } from './support/password-login';

// What a careless script or an attacker sends, against the production build.
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The audit entries of `actor` (newest first), read as the admin of the project's storage state. */
async function auditOf(request: import('@playwright/test').APIRequestContext, actor: string): Promise<AuditEntry[]> {
  const response = await request.get(`/api/v1/audit?actor=${encodeURIComponent(actor)}&limit=100`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { entries: AuditEntry[] }).entries;
}

test.describe('login limits', () => {
  test('a rotating X-Forwarded-For neither escapes the limit nor becomes the recorded address', async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const user = unique('xff');
    for (let i = 0; i < 5; i += 1) {
      const response = await postPasswordLogin(anonymous, user, `wrong-${i}`, { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
      expect(response.status(), `attempt ${i + 1}`).not.toBe(429);
    }
    const sixth = await postPasswordLogin(anonymous, user, 'wrong-6', { headers: { 'x-forwarded-for': '198.51.100.77' } });
    expect(sixth.status()).toBe(429);
    expect((await sixth.json()).error.code).toBe('RATE_LIMITED');
    await anonymous.dispose();

    const entries = await auditOf(page.request, user);
    expect(entries).toHaveLength(6);
    // No trustProxy in this console's config: the address is the socket's.
    for (const entry of entries) expect(entry.ip).toBe('127.0.0.1');
    expect(entries.filter((e) => e.status === 429)).toHaveLength(1);
  });

  test('a POST without the CSRF token issues no session and counts as a failure', async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const user = unique('csrf');
    for (let i = 0; i < 4; i += 1) expect((await postPasswordLogin(anonymous, user, `wrong-${i}`)).status()).not.toBe(429);
    const withoutToken = await postPasswordLogin(anonymous, user, 'wrong-4', { csrf: false });
    expect(setsSession(withoutToken.headersArray())).toBe(false);
    expect((await postPasswordLogin(anonymous, user, 'wrong-5')).status()).toBe(429);

    // With the right password and no token, a real user gets no session either, and no successful login is recorded.
    const { disposable } = USERS;
    const noSession = await postPasswordLogin(anonymous, disposable.username, disposable.password, { csrf: false });
    expect(setsSession(noSession.headersArray())).toBe(false);
    await anonymous.dispose();

    const entries = await auditOf(page.request, user);
    expect(entries.map((e) => e.action)).not.toContain('auth.login');
    expect(entries.filter((e) => e.action === 'auth.login-failed')).toHaveLength(6);
    const [latest] = await auditOf(page.request, disposable.username);
    expect(latest).toMatchObject({ action: 'auth.login-failed', outcome: 'denied' });
  });

  test('12 parallel wrong passwords run at most 5 password checks', async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const user = unique('parallel');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => postPasswordLogin(anonymous, user, `wrong-${i}`).then((r) => r.status())),
    );
    await anonymous.dispose();
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    const checked = (await auditOf(page.request, user)).filter((e) => e.status !== 429);
    expect(checked.length).toBeLessThanOrEqual(5);
  });
});

test.describe('callbacks stay on the console', () => {
  // These sign in themselves.
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const callbackUrl of ['/\t/evil.example', '//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    test(`signing in with callbackUrl ${JSON.stringify(callbackUrl)} lands on the console`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel('Username').fill(USERS.viewer.username);
      await page.getByLabel('Password').fill(USERS.viewer.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByTestId('current-user')).toContainText(USERS.viewer.username);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test('the credentials POST answers a URL on the console for a foreign callback', async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const response = await postPasswordLogin(anonymous, USERS.viewer.username, USERS.viewer.password, { callbackUrl: '/\t/evil.example' });
    expect(setsSession(response.headersArray())).toBe(true);
    const location = response.status() === 200 ? ((await response.json()) as { url: string }).url : response.headers().location!;
    await anonymous.dispose();
    expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);
  });
});

test('a malformed cookie from another site on the host fails nothing', async ({ page, playwright, baseURL }) => {
  await page.context().addCookies([{ name: 'x', value: '%zz', url: baseURL! }]);
  expect((await page.request.get('/api/v1/clusters')).status()).toBe(200);
  await page.goto('/clusters/local/brokers');
  await expect(page.getByTestId('current-user')).toBeVisible();

  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'x=%zz; y=%E0%A4%A' } });
  const response = await anonymous.get('/api/v1/clusters');
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
  await anonymous.dispose();
});

test.describe('bad input answers 4xx', () => {
  const topicRoutes = (segment: string) => [
    `/api/v1/clusters/local/topics/${segment}`,
    `/api/v1/clusters/local/topics/${segment}/configs`,
    `/api/v1/clusters/local/metrics/topics/${segment}`,
    `/api/v1/clusters/local/consumer-groups/${segment}`,
    `/api/v1/clusters/local/consumer-groups/${segment}/export.csv`,
  ];

  test('path segments that are not percent-encoded UTF-8 are 400 VALIDATION', async ({ request }) => {
    for (const segment of ['%C0%AF', '%FF', '%E0%A4%A', 'a%2']) {
      for (const url of topicRoutes(segment)) {
        const response = await request.get(url);
        expect(response.status(), url).toBe(400);
        expect((await response.json()).error.code, url).toBe('VALIDATION');
      }
    }
  });

  test('names Kafka could not hold are 404 on reads and deletes, 422 on create, and every refusal is audited', async ({
    page,
    baseURL,
  }) => {
    const long = 'x'.repeat(1_100);
    const headers = { origin: baseURL! };
    expect((await page.request.get(`/api/v1/clusters/local/topics/${long}`)).status()).toBe(404);
    expect((await page.request.delete(`/api/v1/clusters/local/topics/${long}`, { headers, data: { confirm: long } })).status()).toBe(404);
    const group = unique('g').padEnd(1_100, 'g');
    expect(
      (await page.request.delete(`/api/v1/clusters/local/consumer-groups/${group}`, { headers, data: { confirm: group } })).status(),
    ).toBe(404);
    const create = await page.request.post('/api/v1/clusters/local/topics', {
      headers,
      data: { name: 't'.repeat(250), partitions: 1, replicationFactor: 1 },
    });
    expect(create.status()).toBe(422);

    // The group delete above was recorded, its 1,100-character target cut with a hash of the whole.
    const entries = (
      (await (await page.request.get('/api/v1/audit?action=consumer-groups.delete&limit=20')).json()) as { entries: AuditEntry[] }
    ).entries;
    const recorded = entries.find((e) => e.target?.startsWith(group.slice(0, 40)));
    expect(recorded?.status).toBe(404);
    expect(recorded!.target!.length).toBeLessThanOrEqual(1_000);
    expect(recorded!.target).toMatch(/sha256 [0-9a-f]{16}\]$/);
  });

  test('times beyond what a date holds are 4xx VALIDATION', async ({ page }) => {
    for (const url of [
      '/api/v1/audit?from=9e15',
      '/api/v1/audit?to=99999999999999999999',
      '/api/v1/audit/export.csv?from=-9e15',
      '/api/v1/clusters/local/metrics/cluster?from=1&to=18014398509481984',
      '/api/v1/clusters/local/metrics/brokers/1?from=9007199254740993',
    ]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBeGreaterThanOrEqual(400);
      expect(response.status(), url).toBeLessThan(500);
      expect((await response.json()).error.code, url).toBe('VALIDATION');
    }
  });
});

test('the icon and the web manifest are served to anyone, and the login page asks for nothing missing', async ({
  playwright,
  baseURL,
  browser,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const [file, type] of [
    ['/favicon.ico', 'image/x-icon'],
    ['/icon.svg', 'image/svg+xml'],
    ['/icon-192.png', 'image/png'],
    ['/icon-512.png', 'image/png'],
    ['/manifest.webmanifest', 'application/manifest+json'],
  ]) {
    const response = await anonymous.get(file!, { maxRedirects: 0 });
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toContain(type);
  }
  const manifest = await (await anonymous.get('/manifest.webmanifest')).json();
  for (const icon of manifest.icons as { src: string }[]) expect((await anonymous.get(icon.src)).status(), icon.src).toBe(200);
  await anonymous.dispose();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failed.push(message.text());
  });
  await page.goto('/login');
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(failed).toEqual([]);
  await context.close();
});

test('the OpenAPI document of the production build is valid OpenAPI 3.1 after pages have loaded their schemas', async ({ page }) => {
  // Pages bundle their own copies of the schemas; the document once broke on them ("Duplicate schema id").
  for (const path of ['/clusters/local/topics', '/clusters/local/brokers', '/clusters/local/consumer-groups', '/audit']) {
    await page.goto(path);
    await expect(page.getByTestId('current-user')).toBeVisible();
  }
  const response = await page.request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe('3.1.0');
  const result = await new Validator().validate(document);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});

test('signing in still works after all this', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await new LoginPage(page).signInAndExpectConsole(USERS.operator.username, USERS.operator.password);
  await context.close();
});
