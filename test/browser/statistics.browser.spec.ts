import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, hotlineCall, prosecutorReferral, ruling, suspect, trialOpening, victim } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

/**
 * March 2025 in Lima: 7 calls and 6 denunciations (cells of 5 or more are published), one with a male victim, a
 * prosecution, a trial and a conviction (cells of 1, suppressed under k = 5), made by admin as the institutions would.
 */
async function seedMarch(app: ConsoleApp): Promise<void> {
  const admin = () => app.api('admin');
  for (let i = 0; i < 7; i++) {
    await admin()
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ receivedAt: `2025-03-0${i + 1}T09:00:00-05:00` }))
      .expect(201);
  }
  const suspectId = randomUUID();
  let firstCase = '';
  for (let i = 0; i < 6; i++) {
    const victims = [victim({ age: 16 }), ...(i === 0 ? [victim({ sex: 'male', age: 35 })] : [])];
    const { body } = await admin()
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          registeredAt: `2025-03-0${i + 2}T10:00:00-05:00`,
          policeUnit: 'DIRCTPTIM',
          purposes: ['sexual_exploitation'],
          // Qualified under the law in force (Ley 31146), exploited in Chile (issue 13's tables).
          offences: ['cp129a-l31146'],
          places: { exploitation: { country: 'CL' } },
          recruitment: ['job_offer'],
          victims,
          suspects: i === 0 ? [suspect({ suspectId })] : [],
        }),
      )
      .expect(201);
    if (i === 0) firstCase = body.caseId;
  }
  const { body: referral } = await admin()
    .post(`/api/v1/cases/${firstCase}/prosecutor-referral`)
    .send(prosecutorReferral({ referredAt: '2025-03-10T09:00:00-05:00', office: 'FISTRAP Lima' }))
    .expect(200);
  const prosecution = referral.prosecutionId as string;
  for (const [stage, day] of [
    ['preliminary-investigation', '11'],
    ['formalization', '12'],
    ['accusation', '13'],
  ]) {
    await admin()
      .post(`/api/v1/prosecutions/${prosecution}/${stage}`)
      .send({ occurredAt: `2025-03-${day}T09:00:00-05:00` })
      .expect(200);
  }
  const { body: trial } = await admin()
    .post('/api/v1/trials')
    .send(trialOpening(prosecution, { openedAt: '2025-03-14T09:00:00-05:00', court: 'Juzgado Penal de Lima' }))
    .expect(201);
  await admin()
    .post(`/api/v1/trials/${trial.trialId}/rulings`)
    .send(ruling([suspectId], { ruledAt: '2025-03-25T12:00:00-05:00', sentenceYears: 15 }))
    .expect(200);
}

/** The projections run in the background: wait until every one has read the whole log. */
export async function projectionsCaughtUp(app: ConsoleApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { body } = await app.api('admin').get('/health');
    if (body.projections.length > 0 && body.projections.every((p: { position: number }) => p.position >= body.logHead)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('projections did not catch up');
}

suite('statistics and publications (analyst)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startConsoleApp();
    await seedMarch(app);
    await projectionsCaughtUp(app);
    // Analysts read at release points only: an administrator declares one ("close period") once the data is in.
    await app.api('admin').post('/api/v1/statistics/release-points').expect(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, app, 'analyst', [], '/estadisticas?desde=2025-01&hasta=2025-03');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('draws the charts with data, each saying its period, log position and k', async () => {
    await page.getByRole('heading', { name: 'Estadísticas', level: 1 }).waitFor();
    await page.locator('[data-testid="trend"] .recharts-line-curve').first().waitFor();
    const curves = await page
      .locator('[data-testid="trend"] .recharts-line-curve')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
    expect(curves.some((d) => d.length > 10)).toBe(true);
    await page.locator('[data-testid="by-department"] .recharts-bar-rectangle').first().waitFor();
    const bars = await page
      .locator('[data-testid="by-department"] .recharts-bar-rectangle path')
      .evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('height') ?? p.getBoundingClientRect().height)));
    expect(bars.some((h) => h > 0)).toBe(true);
    expect(await page.locator('[data-testid="funnel"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="victims"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const provenance = await page.locator('[data-testid="trend"] [data-testid="provenance"]').innerText();
    expect(provenance).toMatch(/enero de 2025 – marzo de 2025/);
    expect(provenance).toMatch(/Posici[oó]n(es)? del registro: [\d.,–]+/);
    expect(provenance).toMatch(/k = 5/);
    // Analysts choose among the release points, never a free position.
    await page.getByLabel('Corte publicado').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'estadisticas');
  });

  it('shows a suppressed cell as "reservado", never as 0, in the chart notes and the table view', async () => {
    const trend = page.getByTestId('trend');
    await expect(trend.getByTestId('reserved-points').innerText()).resolves.toMatch(/marzo de 2025 · Condenas: reservado/);
    await trend.getByText('Tabla', { exact: true }).click();
    const march = trend.locator('tbody tr', { hasText: 'marzo de 2025' });
    await expect(march.locator('td').nth(0).innerText()).resolves.toBe('7');
    await expect(march.locator('td').nth(2).innerText()).resolves.toBe('reservado');
    const funnel = page.getByTestId('funnel');
    await funnel.getByText('Tabla', { exact: true }).click();
    await funnel.locator('table').waitFor();
    expect(await funnel.innerText()).toMatch(/Denuncias registradas en el mes\s+6\s+… con investigación fiscal\s+reservado/);
    const victims = page.getByTestId('victims');
    await victims.getByText('Tabla', { exact: true }).click();
    await expect(victims.locator('[data-reserved="true"]').first().innerText()).resolves.toBe('reservado');
    expect(await victims.locator('tbody').innerText()).not.toMatch(/\t\t|\t$/m);
    await funnel.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await screenshot(page, 'estadisticas-reservado');
  });

  it("lists the report's other tables, the new breakdowns among them, summed over the period", async () => {
    const panel = page.getByTestId('report-tables');
    await panel.scrollIntoViewIfNeeded();
    for (const id of [
      'denunciations_by_offence_category',
      'victims_by_place_of_exploitation',
      'denunciations_by_aggravating_circumstance',
      'victims_by_recruitment_method',
      'victims_by_economic_sector',
      ...['victim_assistance_by_department', 'victim_assistance_by_sex', 'victim_assistance_by_age', 'victim_assistance_services'],
    ])
      await panel.locator(`[data-table-id="${id}"]`).waitFor();
    await panel.getByRole('button', { name: 'Denuncias por categoría de delito' }).click();
    const offences = panel.locator('[data-table-id="denunciations_by_offence_category"] table');
    await offences.waitFor();
    expect(await offences.innerText()).toMatch(/Trata de personas\s+6/);
    await page.evaluate("document.querySelector('[data-testid=report-tables]').scrollIntoView()");
    await screenshot(page, 'estadisticas-tablas');
    await panel.getByRole('button', { name: 'Víctimas por lugar de explotación y nacionalidad' }).click();
    const places = panel.locator('[data-table-id="victims_by_place_of_exploitation"] table');
    await places.waitFor();
    expect(await places.innerText()).toMatch(/Chile/);
    await expectAccessible(page);
  });

  it('downloads the monthly report as CSV (UTF-8 with BOM, parses, has its header rows)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Reporte mensual CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('reporte-mensual-2025-03.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.subarray(3).toString('utf8'), { relaxColumnCount: true }) as string[][];
    expect(records[0][0]).toBe('Reporte');
    expect(records.some((r) => r[0] === 'Periodo' && r[1] === '2025-03')).toBe(true);
    expect(records.some((r) => r.includes('Denuncias'))).toBe(true);
  });

  it('downloads the INEI tables as Excel with sheets and rows', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cuadros INEI Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('inei-trata-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    expect(workbook.worksheets.map((s) => s.name)).toContain('Metadatos');
    expect(workbook.worksheets.every((s) => s.rowCount > 0)).toBe(true);
  });

  it('publishes the monthly report, lists it and opens its revisions', async () => {
    await page.getByRole('link', { name: 'Publicaciones' }).click();
    await page.getByRole('heading', { name: 'Publicaciones', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^Periodo/ }).fill('2025-03');
    await page.getByRole('button', { name: 'Publicar' }).click();
    const row = page.locator('tbody tr', { hasText: '2025-03' }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Reporte mensual/);
    await row.getByRole('button', { name: /Revisiones/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The revisions are computed on opening (more tables since issue 13): wait for them, not for the first paint.
    await dialog.getByText('Cargando…').waitFor({ state: 'detached', timeout: 20_000 });
    await expect(dialog.innerText()).resolves.toMatch(/Sin cambios|cambi/i);
    await expectAccessible(page);
    await screenshot(page, 'publicaciones');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
