import type { Page } from 'playwright-core';
import type { Role } from '#platform';
import type { ConsoleApp } from './console-app.js';

/**
 * Signs the page in as `role` the way a person does: a one-time sign-in link, as `npm run cli -- login-url` prints
 * it, opened in the browser.
 */
export async function signIn(page: Page, app: ConsoleApp, role: Role, departments: readonly string[] = [], path = '/'): Promise<void> {
  const link = await app.signInLink(role, departments);
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  if (path !== '/') await page.goto(app.url + path);
}
