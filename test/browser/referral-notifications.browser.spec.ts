import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectAccessible, Keyboard, launchBrowser, newPage, screenshot } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { callReferral, hotlineCall } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Issue 14, item 2: the console's alert when a new or overdue referral reaches the receiving unit. */
suite('referral notifications (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;

  async function refer(referredMinutesAgo: number, deadlineMinutes: number, unitName = 'Comisaría Reservada'): Promise<string> {
    const call = await app
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ receivedAt: ago(180), callerUbigeo: '150101' }));
    expect(call.status).toBe(201);
    const referral = await app
      .api('operator')
      .post(`/api/v1/hotline-calls/${call.body.callId}/referrals`)
      .send(callReferral({ ubigeo: '150101', referredAt: ago(referredMinutesAgo), deadlineMinutes, unitName }));
    expect(referral.status).toBe(201);
    return referral.body.referralId;
  }

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('alerts the police of an overdue referral on any screen, counts it in the menu, and opens it in the queue', async () => {
    const overdue = await refer(90, 60);
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['15'], '/casos');
    const alert = page.getByTestId('referral-alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.getAttribute('data-notice-id')).toBe(overdue);
    await expect(alert.textContent()).resolves.toContain('Derivación vencida sin respuesta');
    expect(await alert.textContent()).not.toContain('Comisaría Reservada');
    const badge = page.getByTestId('overdue-count');
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toBe('1 vencida');
    // Out of the way of the header's controls (language, sign-out).
    const header = await page.locator('header').boundingBox();
    const box = await alert.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
    await expectAccessible(page);
    await screenshot(page, 'policia-aviso-derivacion-vencida');

    // Keyboard: the alert's button opens the referral's actions in the queue.
    const open = alert.getByRole('button', { name: 'Abrir en la cola' });
    await open.focus();
    await new Keyboard(page).press('Enter');
    await page.waitForURL((url) => url.pathname === '/derivaciones');
    await page.getByRole('dialog').getByRole('tab', { name: 'Registrar caso' }).waitFor();
    await page.keyboard.press('Escape');
    const row = page.locator(`[data-referral-id="${overdue}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Vencida');

    // A referral arriving while the page is open is announced as new.
    const fresh = await refer(1, 24 * 60);
    await page.locator(`[data-testid="referral-alert"][data-notice-id="${fresh}"]`).waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('referral-alert').textContent()).resolves.toContain('Nueva derivación recibida');
    await page.locator(`[data-referral-id="${fresh}"]`).waitFor();
    await expect(page.locator(`tr[data-referral-id="${fresh}"]`).textContent()).resolves.toContain('En plazo');
    // Overdue first.
    const ids = await page.locator('tr[data-referral-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-referral-id')));
    expect(ids.indexOf(overdue)).toBeLessThan(ids.indexOf(fresh));

    // The queue of referrals accepted and never completed.
    const accepted = await app.api('police').post(`/api/v1/referrals/${fresh}/accept`).send({ acceptedAt: new Date().toISOString() });
    expect(accepted.status).toBe(200);
    await page.getByText('Aceptadas sin concluir').click();
    await page.locator(`tr[data-referral-id="${fresh}"]`).waitFor({ timeout: 20_000 });
    await expect(page.locator(`tr[data-referral-id="${fresh}"]`).textContent()).resolves.toContain('A tiempo');
    await expectAccessible(page);
  });
});
