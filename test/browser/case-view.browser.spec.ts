import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { browserAvailable, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, suspect, victim } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

// Outside Latin-1 (the dash) as well as in it (ñ): sent as X-Purpose: UTF-8''…, it must reach the audit log intact.
const PURPOSE = 'Coordinar el traslado de la niña al albergue — oficio nº 12';

suite('case view (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
    const registered = await app
      .api('police', ['08'])
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          registeredAt: '2026-01-10T09:00:00-05:00',
          policeUnit: 'Comisaría Wanchaq',
          ubigeo: '080108',
          purposes: ['sexual_exploitation', 'labour_exploitation'],
          victims: [victim({ age: 16, fullName: 'Rosa Quispe', documentType: 'DNI', documentNumber: '45678912' })],
          suspects: [suspect({ age: 40, role: 'captador' })],
        }),
      );
    expect(registered.status).toBe(201);
    caseId = registered.body.caseId;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('hides personal data until a purpose is stated, and the read is audited with it', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], `/casos/${caseId}`);
    await page.getByRole('heading', { name: /Comisaría Wanchaq/ }).waitFor();
    await page.getByTestId('timeline').getByText('Denuncia registrada').waitFor();
    expect(await page.getByText('Explotación sexual').count()).toBe(1);
    expect(await page.content()).not.toContain('Rosa Quispe');
    expect(await page.content()).not.toContain('45678912');
    await screenshot(page, 'caso-vista');
    await expectAccessible(page);

    const keyboard = new Keyboard(page);
    await keyboard.press('Alt+KeyP');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Finalidad de la consulta').waitFor();
    await keyboard.press('Enter'); // empty: refused by the form, nothing read
    await dialog.getByText('Indique la finalidad').waitFor();
    await keyboard.type(PURPOSE);
    await keyboard.press('Enter');
    await page.getByTestId('victims').getByText('Rosa Quispe').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('victims').textContent()).toContain('45678912');
    await screenshot(page, 'caso-datos-personales');
    await expectAccessible(page);

    const audit = await app.api('auditor').get('/api/v1/audit').query({ recordId: caseId });
    expect(audit.status).toBe(200);
    const reads = (audit.body.entries as Array<{ action: string; purpose: string | null; actorRole: string }>).filter(
      (entry) => entry.action === 'read_personal_data',
    );
    expect(reads.some((entry) => entry.purpose === PURPOSE && entry.actorRole === 'police')).toBe(true);
    // Opening the case stated no purpose, disclosed nothing and so was not audited: the one read is the stated one.
    expect(reads.filter((entry) => entry.actorRole === 'police').map((entry) => entry.purpose)).toEqual([PURPOSE]);

    // Hidden again, and never stored in the tab's storage.
    await keyboard.press('Alt+KeyP');
    await page.getByRole('button', { name: /Ver datos personales/ }).waitFor();
    expect(await page.content()).not.toContain('Rosa Quispe');
    const stored = await page.evaluate('JSON.stringify({...sessionStorage, ...localStorage})');
    expect(String(stored)).not.toContain('Rosa Quispe');
    await page.context().close();
  });

  it('records an operation by keyboard alone and shows it in the timeline at once', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], `/casos/${caseId}`);
    await page.getByTestId('timeline').getByText('Denuncia registrada').waitFor();
    const keyboard = new Keyboard(page);
    await keyboard.press('Alt+KeyO');
    const dialog = page.getByRole('dialog', { name: 'Registrar operativo' });
    await dialog.getByLabel('Personas rescatadas').waitFor();
    // Focus starts on the people rescued; the date, last, defaults to now (Lima).
    await keyboard.press('Control+A');
    await keyboard.type('3');
    await keyboard.press('Tab');
    await keyboard.press('Control+A');
    await keyboard.type('2');
    await keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (error) => {
      await screenshot(page, 'debug-case-operation');
      throw error;
    });
    await page.getByTestId('timeline').getByText('Operativo').waitFor();
    await page.getByTestId('operations').getByRole('cell', { name: '3', exact: true }).waitFor();
    expect(keyboard.presses).toBeLessThanOrEqual(7);
    const timeline = await page.getByTestId('timeline').textContent();
    expect(timeline).toMatch(/día \d+ desde el primer contacto/);
    expect(timeline).toMatch(/\d+ días desde el hito anterior/);
    await expectAccessible(page);
    await page.context().close();
  });

  it('the judiciary reads the case without personal data and is offered no way to ask for it', async () => {
    // The API's rule (GET /me personalData.case): the courts read cases, not the victims' contact data.
    const me = await app.api('judiciary').get('/api/v1/me');
    expect(me.body.personalData.case).toBe(false);
    const direct = await app.api('judiciary').get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'Verificación de la regla de la API');
    expect(direct.status).toBe(200);
    expect(direct.body).toMatchObject({ personalDataWithheld: true });
    expect(direct.body.victims[0].personal).toBeNull();
    const page = await newPage(browser);
    await signIn(page, app, 'judiciary', [], `/casos/${caseId}`);
    await page.getByRole('heading', { name: /Comisaría Wanchaq/ }).waitFor();
    expect(await page.content()).not.toContain('Rosa Quispe');
    expect(await page.getByRole('button', { name: /Ver datos personales/ }).count()).toBe(0);
    // Judges take no police action.
    expect(await page.getByRole('button', { name: /Registrar operativo/ }).count()).toBe(0);
    await page.context().close();

    // Protection services may not read cases at all: no case, no name, no button.
    const other = await newPage(browser);
    await signIn(other, app, 'protection', [], `/casos/${caseId}`);
    await other.getByRole('alert').waitFor();
    expect(await other.content()).not.toContain('Rosa Quispe');
    expect(await other.getByRole('button', { name: /Ver datos personales/ }).count()).toBe(0);
    await other.context().close();
  });
});
