import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { callReferral, hotlineCall, hoursAgo } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

suite('referral queue (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  /** Cusco (08): one late (26 h), one overdue (80 h). */
  let late: string;
  let overdue: string;

  async function referredCall(ubigeo: string, receivedHoursAgo: number, referredHoursAgo: number, unitName?: string): Promise<string> {
    const call = await app
      .api('operator')
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ receivedAt: hoursAgo(receivedHoursAgo), callerUbigeo: ubigeo }));
    expect(call.status).toBe(201);
    const referral = await app
      .api('operator')
      .post(`/api/v1/hotline-calls/${call.body.callId}/referrals`)
      .send(callReferral({ ubigeo, referredAt: hoursAgo(referredHoursAgo), ...(unitName ? { unitName } : {}) }));
    expect(referral.status).toBe(201);
    return referral.body.referralId;
  }

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
    late = await referredCall('080101', 30, 26, 'Comisaría Cusco');
    overdue = await referredCall('080101', 100, 80);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const logHead = async (): Promise<number> => (await app.api().get('/health')).body.logHead;
  const row = (page: Page, referralId: string) => page.locator(`[data-referral-id="${referralId}"]`);

  it('police of 08 see their queue oldest first, accept one by registering a pre-filled case, and it leaves the queue', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], '/derivaciones');
    await row(page, late).waitFor();
    const ids = await page.locator('[data-referral-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-referral-id')));
    expect(ids).toEqual([overdue, late]);
    // Both past the police's 24 h deadline (issue 14): each says so in words, with its hours waiting.
    await expect(row(page, overdue).textContent()).resolves.toMatch(/80 h\s*Vencida/);
    await expect(row(page, late).textContent()).resolves.toMatch(/26 h\s*Vencida/);
    await expectAccessible(page);
    await screenshot(page, 'policia-derivaciones');

    // Keyboard: the first row, ↓ to the next, Enter opens its actions.
    const keyboard = new Keyboard(page);
    await row(page, overdue).focus();
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tab', { name: 'Registrar caso' }).waitFor();
    // Pre-filled from the referral: its unit, its place, the source.
    await expect(drawer.getByLabel('Unidad policial').inputValue()).resolves.toBe('Comisaría Cusco');
    await expect(drawer.getByRole('combobox', { name: 'Lugar de los hechos' }).inputValue()).resolves.toContain('Cusco');
    await drawer.getByRole('checkbox', { name: 'Explotación laboral' }).check();
    await expectAccessible(page);
    await screenshot(page, 'policia-registrar-caso');
    await drawer.getByLabel('Edad a la fecha de los hechos').first().fill('17');
    await drawer.getByLabel('Número de documento').first().fill('40999999');

    await keyboard.press('Control+Enter');
    const outcome = page.getByTestId('referral-outcome');
    await outcome.getByText('Derivación aceptada: se registró la denuncia.').waitFor();
    await row(page, late).waitFor({ state: 'detached' }); // gone without a reload
    expect(await row(page, overdue).count()).toBe(1);
    const href = await outcome.getByRole('link', { name: 'Abrir el caso' }).getAttribute('href');
    const caseId = href?.split('/').pop();
    const referral = await app.api('police', ['08']).get(`/api/v1/referrals/${late}`);
    expect(referral.body).toMatchObject({ status: 'accepted', linkedCaseId: caseId });
    const registered = await app.api('police', ['08']).get(`/api/v1/cases/${caseId}`);
    expect(registered.body).toMatchObject({
      source: 'hotline_referral',
      ubigeo: '080101',
      policeUnit: 'Comisaría Cusco',
      purposes: ['labour_exploitation'],
    });
    expect(registered.body.victims).toHaveLength(1);
    expect(registered.body.victims[0]).toMatchObject({ sex: 'female', age: 17, nationality: 'PE' });

    // The other one is rejected with a reason.
    await row(page, overdue).focus();
    await keyboard.press('Enter');
    await drawer.getByRole('tab', { name: 'Rechazar' }).click();
    await drawer.getByLabel('Motivo del rechazo').fill('Corresponde a la DEMUNA: no hay indicios de trata');
    await drawer.getByRole('button', { name: 'Rechazar derivación' }).click();
    await page.getByTestId('referral-outcome').getByText('Derivación rechazada con su motivo.').waitFor();
    await page.getByText('No hay derivaciones pendientes').waitFor();
    const rejected = await app.api('police', ['08']).get(`/api/v1/referrals/${overdue}`);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Corresponde a la DEMUNA: no hay indicios de trata' });
    await expectAccessible(page);
    await page.context().close();
  });

  it("police of 15 never see Cusco's referrals nor its cases; their own queue refreshes by itself", async () => {
    const lima = await referredCall('150101', 3, 2);
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['15'], '/derivaciones');
    await row(page, lima).waitFor();
    expect(await page.locator('[data-referral-id]').count()).toBe(1);
    expect(await row(page, late).count()).toBe(0);
    expect(await row(page, overdue).count()).toBe(0);

    // A referral sent while the queue is open appears without a reload (refetchInterval).
    const fresh = await referredCall('150101', 1, 0);
    await row(page, fresh).waitFor({ timeout: 30_000 });

    // Cusco's case (registered in the first test) is in the list for Cusco's police, but not for Lima's.
    const cusco = await app.api('police', ['08']).get(`/api/v1/cases?minPosition=${await logHead()}`);
    expect(cusco.body.items.length).toBeGreaterThan(0);
    await page.goto(`${app.url}/casos`);
    await page.getByText('Ningún caso coincide con la búsqueda.').waitFor();
    expect(await page.content()).not.toContain('Comisaría Cusco');
    await page.context().close();
  });
});
