import { test as setup } from '@playwright/test';
import { USERS } from './console-config';
import { LoginPage } from './pages/login-page';

setup('sign in as admin', async ({ page }) => {
  await new LoginPage(page).signInAndExpectConsole(USERS.admin.username, USERS.admin.password);
  await page.context().storageState({ path: 'e2e/.auth/admin.json' });
});
