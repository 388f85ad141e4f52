import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '#platform';
import { browserAvailable, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { trackNetwork } from './support/network-quiet.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

const menu = async (page: Page) => (await page.getByRole('navigation').getByRole('link').allInnerTexts()).map((s) => s.trim());
const storage = (page: Page, kind: 'localStorage' | 'sessionStorage') => page.evaluate(`Object.keys(${kind})`) as Promise<string[]>;

suite('language, menus by role, sign-in and sign-out', () => {
  let app: ConsoleApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('switches the labels to English and back', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'analyst', [], '/estadisticas');
    await page.getByRole('heading', { name: 'Estadísticas', level: 1 }).waitFor();
    expect(await menu(page)).toContain('Estadísticas');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    expect(await menu(page)).toEqual(expect.arrayContaining(['Statistics', 'Publications']));
    await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
    await page.getByText('ES', { exact: true }).click();
    await page.getByRole('heading', { name: 'Estadísticas', level: 1 }).waitFor();
    await page.context().close();
  });

  it.each<[Role, string[], string[]]>([
    ['operator', ['Registrar llamada', 'Estadísticas'], ['Auditoría', 'Publicaciones']],
    ['auditor', ['Auditoría', 'Publicaciones'], ['Registrar llamada', 'Estadísticas']],
    ['analyst', ['Estadísticas', 'Publicaciones'], ['Registrar llamada', 'Auditoría', 'Casos']],
  ])('shows %s only the screens the role may use', async (role, shown, hidden) => {
    const page = await newPage(browser);
    await signIn(page, app, role);
    await page.getByRole('navigation').getByRole('link').first().waitFor();
    const entries = await menu(page);
    for (const entry of shown) expect(entries).toContain(entry);
    for (const entry of hidden) expect(entries).not.toContain(entry);
    expect(await storage(page, 'localStorage')).toEqual([]);
    await page.context().close();
  });

  it('sign-in page: without a code it says how, and a used link is refused with the reason', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('heading', { name: 'Ingresar al Registro de Trata' }).waitFor();
    await page.getByText('login-url', { exact: false }).first().waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'inicio-sesion');
    const link = await app.signInLink('operator');
    await page.goto(link);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.goto(link);
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/No se pudo ingresar/);
    await expectAccessible(page, 'sign-in error');
    await page.context().close();
  });

  it('an expired session goes back to sign-in and keeps the draft; sign-out clears the tab', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'operator', [], '/llamadas');
    await page.waitForTimeout(1000); // the call form writes its draft to sessionStorage
    const drafts = async () => (await storage(page, 'sessionStorage')).filter((key) => key.startsWith('rt.draft.'));
    const before = await drafts();
    // The token stops working (as at expiry): the next request is a 401, which ends the session.
    await page.evaluate(
      `sessionStorage.setItem('rt.session', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('rt.session')), token: 'expired' }))`,
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Estadísticas' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    await page.getByText(/Su sesión venció/).waitFor();
    expect(await drafts()).toEqual(before);
    await page.goto(await app.signInLink('operator'));
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    expect(await drafts()).toEqual(before);
    expect(await storage(page, 'localStorage')).toEqual([]);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    expect((await storage(page, 'sessionStorage')).filter((key) => key !== 'rt.language')).toEqual([]);
    expect(await storage(page, 'localStorage')).toEqual([]);
    await page.context().close();
  });

  it('every screen of every menu entry (admin) has no serious accessibility violation', async () => {
    const page = await newPage(browser);
    const network = trackNetwork(page);
    await signIn(page, app, 'admin');
    await page.getByRole('navigation').getByRole('link').first().waitFor();
    const entries = await menu(page);
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) {
      await page.getByRole('navigation').getByRole('link', { name: entry }).click();
      await page.getByRole('heading', { level: 1 }).last().waitFor();
      await network.quiet();
      await page.waitForTimeout(400); // the menu's colour transition, before axe reads the contrast
      await expectAccessible(page, entry);
    }
    await page.context().close();
  });
});
