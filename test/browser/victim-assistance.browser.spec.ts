import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { browserAvailable, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, victim } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

suite('victim assistance screen (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let caseId: string;
  const victimId = randomUUID();

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
    const registered = await app
      .api('police', ['15'])
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          registeredAt: '2026-01-05T09:00:00-05:00',
          victims: [victim({ victimId, sex: 'female', age: 24, nationality: 'VE' })],
        }),
      );
    expect(registered.status).toBe(201);
    caseId = registered.body.caseId;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('protection records consent first, then shelter and a service by keyboard; the API names a missing field; notes only with a purpose', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'protection', ['15'], `/asistencia?caseId=${caseId}&victimId=${victimId}`);
    await page.getByRole('heading', { name: 'Historial de atención' }).waitFor();
    await page.getByText('Sin actos registrados.').waitFor();
    const kind = page.getByTestId('assistance-kind');
    // Before consent, consent is the only act offered.
    expect(await kind.locator('option').allTextContents()).toEqual(['Consentimiento']);
    const keyboard = new Keyboard(page);
    await kind.focus();
    await keyboard.press('Control+Enter');
    await page.getByRole('status').getByText('Acto registrado').waitFor();
    await page.getByText('Consentimiento: Otorgado').waitFor();

    // A foreigner in Peru: migratory acts are offered, acts abroad are not.
    const options = await kind.locator('option').allTextContents();
    expect(options).toEqual(
      expect.arrayContaining(['Ingreso a albergue', 'Servicio brindado', 'Situación migratoria', 'Retorno voluntario asistido']),
    );
    expect(options).not.toContain('Repatriación');
    await kind.selectOption('shelter_admission');
    await kind.focus();
    await keyboard.press('Control+Enter');
    // The API's own field error, by the field it names; nothing recorded.
    const shelter = page.getByLabel(/Albergue/);
    await page.getByText(/Es obligatorio/).waitFor();
    expect(await shelter.getAttribute('aria-invalid')).toBe('true');
    await shelter.focus();
    await keyboard.type('Hogar Refugio Ficticio');
    await page.getByLabel(/Notas/).focus();
    await keyboard.type('Llegó con su hija');
    await keyboard.press('Control+Enter');
    await page.getByText('Albergada desde', { exact: false }).waitFor();
    await kind.selectOption('service');
    await page.getByLabel('Servicio', { exact: true }).selectOption('psychological');
    await kind.focus();
    await keyboard.press('Control+Enter');
    const history = page.getByTestId('assistance-history');
    await history.getByText('Psicológico').waitFor();
    expect(await history.locator('tbody tr').count()).toBe(3);
    // Without a purpose the shelter and the notes are withheld.
    expect(await history.textContent()).not.toContain('Hogar Refugio Ficticio');
    await screenshot(page, 'asistencia-victima');
    await expectAccessible(page);

    await page.getByLabel('Finalidad').focus();
    await keyboard.type('Seguimiento del caso');
    await page.getByRole('button', { name: 'Ver notas' }).click();
    await history.getByText('Llegó con su hija').waitFor();
    expect(await history.textContent()).toContain('Hogar Refugio Ficticio');
    await page.context().close();
  });
});
