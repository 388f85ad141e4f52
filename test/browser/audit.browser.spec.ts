import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  describeViolations,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
} from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, victim } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

suite('audit and integrity (auditor)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let victimId: string;

  beforeAll(async () => {
    app = await startConsoleApp();
    const { body } = await app
      .api('admin')
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          policeUnit: 'DIRCTPTIM',
          purposes: ['sexual_exploitation'],
          victims: [victim({ age: 16, fullName: 'Nombre Reservado', documentType: 'DNI', documentNumber: '40000001' })],
        }),
      )
      .expect(201);
    caseId = body.caseId;
    victimId = body.victimIds[0];
    // A personal-data read, with its stated purpose, as an administrator would make it.
    await app.api('admin').get(`/api/v1/cases/${caseId}`).set('X-Purpose', 'verificación').expect(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, app, 'auditor', [], '/auditoria');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists the personal-data read, also when filtered by action', async () => {
    await page.getByRole('heading', { name: 'Auditoría', level: 1 }).waitFor();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await page.getByRole('combobox', { name: 'Acción' }).click();
    await page.getByRole('option', { name: 'Lectura de datos personales' }).click();
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const row = table.locator('tbody tr', { hasText: caseId });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/Lectura de datos personales/);
    expect(text).toMatch(/verificación/);
    expect(text).toMatch(/Administración/);
    expect(text).not.toMatch(/Nombre Reservado|40000001/);
    await page.getByRole('combobox', { name: 'Acción' }).click();
    await page.getByRole('option', { name: 'Borrado de datos personales', exact: true }).click();
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByText('No hay entradas con estos filtros.').waitFor();
  });

  it('finds who saw anything about a person, by her id, with the people each entry disclosed', async () => {
    await page.getByRole('button', { name: 'Limpiar filtros' }).click();
    await page.getByRole('textbox', { name: /Persona \(id de víctima o llamada\)/ }).fill(victimId);
    await page.keyboard.press('Enter');
    const table = page.getByTestId('audit-table');
    const row = table.locator('tbody tr', { hasText: caseId });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(victimId);
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    await page.getByRole('textbox', { name: /Persona \(id de víctima o llamada\)/ }).fill('00000000-0000-4000-8000-000000000001');
    await page.keyboard.press('Enter');
    await page.getByText('No hay entradas con estos filtros.').waitFor();
    await page.getByRole('button', { name: 'Limpiar filtros' }).click();
  });

  it('shows the integrity status ok, and the last anchor after taking one', async () => {
    const panel = page.getByTestId('integrity');
    await panel.getByTestId('integrity-status').waitFor();
    await expect(panel.getByTestId('integrity-status').innerText()).resolves.toMatch(/Íntegro/i);
    await panel.getByRole('button', { name: 'Anclar ahora' }).click();
    await panel
      .getByTestId('last-anchor')
      .getByText(/N\.º \d+, .*posición \d+/)
      .waitFor();
    await expect(panel.getByTestId('last-anchor').innerText()).resolves.toMatch(/[0-9a-f]{64}/);
    await expect(panel.getByTestId('integrity-status').innerText()).resolves.toMatch(/Íntegro/i);
    // The anchor just taken was signed and exported outside the database, and the database matches it.
    await panel.getByText('Anclajes firmados y exportados fuera de la base: 1; la base coincide con ellos.').waitFor();
    await expect(panel.innerText()).resolves.toMatch(/Cadena de auditoría: \d+ entradas verificadas\./);
    await page.getByRole('combobox', { name: 'Acción' }).click();
    await page.getByRole('option', { name: 'Todas' }).click();
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByTestId('audit-table').locator('tbody tr', { hasText: caseId }).waitFor();
    await page.waitForTimeout(500); // the notification's entrance transition, before axe reads colours
    const violations = await seriousAccessibilityViolations(page);
    expect(describeViolations(violations)).toBe('');
    await screenshot(page, 'auditoria');
  });
});
