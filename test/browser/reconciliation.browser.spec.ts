import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { PostgresEventStore } from '#event-store';
import { browserAvailable, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, hotlineCall, prosecutorReferral, victim } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

/**
 * March 2025: 12 denunciations with one victim each, 6 of them referred to a prosecutor in the month; and 5
 * prosecutions taken over from another system whose denunciation was never registered here (appended as such a
 * migration would) — so the reconciliation has linked and standing-alone acts of 5 or more (published under k = 5).
 */
async function seed(app: ConsoleApp): Promise<void> {
  const admin = () => app.api('admin');
  for (let i = 0; i < 12; i++) {
    const { body } = await admin()
      .post('/api/v1/cases')
      .send(caseRegistration({ registeredAt: `2025-03-${String(i + 2).padStart(2, '0')}T10:00:00-05:00`, victims: [victim({ age: 20 })] }))
      .expect(201);
    if (i < 6)
      await admin()
        .post(`/api/v1/cases/${body.caseId}/prosecutor-referral`)
        .send(prosecutorReferral({ referredAt: '2025-03-20T09:00:00-05:00', office: 'FISTRAP Lima' }))
        .expect(200);
  }
  const store = new PostgresEventStore(app.db.pool);
  for (let i = 0; i < 5; i++) {
    const prosecutionId = randomUUID();
    await store.append(
      `prosecution-${prosecutionId}`,
      [
        {
          eventId: randomUUID(),
          type: 'ProsecutionOpened',
          data: { prosecutionId, caseId: randomUUID(), office: 'FISTRAP Cusco', openedAt: '2025-03-15T09:00:00-05:00' },
          metadata: { actor: 'migration' },
        },
      ],
      0,
    );
  }
  for (let i = 0; i < 6; i++)
    await admin()
      .post('/api/v1/hotline-calls')
      .send(hotlineCall({ receivedAt: '2025-03-03T09:00:00-05:00' }))
      .expect(201);
}

/** The projections run in the background: wait until every one has read the whole log. */
async function projectionsCaughtUp(app: ConsoleApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { body } = await app.api('admin').get('/health');
    if (body.projections.length > 0 && body.projections.every((p: { position: number }) => p.position >= body.logHead)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('projections did not catch up');
}

suite('reconciliation of institutions and the revision triangle (analyst)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startConsoleApp();
    await seed(app);
    await projectionsCaughtUp(app);
    await app.api('admin').post('/api/v1/statistics/release-points').expect(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, app, 'analyst', [], '/estadisticas?desde=2025-03&hasta=2025-03');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the reconciliation tables with their explanation: linked and standing-alone acts, and victims', async () => {
    const panel = page.getByTestId('reconciliation');
    await panel.locator('[data-table-id="reconciliation"] table').waitFor();
    await expect(panel.getByTestId('reconciliation-explanation').innerText()).resolves.toMatch(/cuántas están vinculadas.*solo fiscal/);
    const acts = panel.locator('[data-table-id="reconciliation"] table');
    const row = (name: string) => acts.locator('tbody tr', { hasText: name }).innerText();
    // Linked, partly linked, standing alone, total.
    await expect(row('Denuncias registradas (Policía)')).resolves.toMatch(/\t6\t0\t6\t12$/);
    await expect(row('Investigaciones fiscales abiertas')).resolves.toMatch(/\t6\t0\t5\t11$/);
    const victims = panel.locator('[data-table-id="reconciliation_victims"] table');
    await expect(victims.locator('tbody tr', { hasText: 'Denuncias registradas (Policía)' }).innerText()).resolves.toMatch(
      /\t6\t0\t6\t12$/,
    );
    await expect(victims.locator('tbody tr', { hasText: 'Investigaciones fiscales abiertas' }).innerText()).resolves.toMatch(
      /\t6\t0\t0\t6$/,
    );
    // The funnel's "with a prosecution" is the reconciliation's linked denunciations.
    const funnel = page.getByTestId('funnel');
    await funnel.getByText('Tabla', { exact: true }).click();
    expect(await funnel.innerText()).toMatch(/… con investigación fiscal\s+6/);
    // Drawn once: not repeated among the other tables.
    expect(await page.getByTestId('report-tables').locator('[data-table-id="reconciliation"]').count()).toBe(0);
    await page.evaluate("document.querySelector('[data-testid=reconciliation]').scrollIntoView()");
    await expectAccessible(page);
    await screenshot(page, 'estadisticas-conciliacion');
  });

  it("draws the revision triangle of a month published twice, with the late calls' change", async () => {
    const publish = () => app.api('analyst').post('/api/v1/publications').send({ kind: 'monthly', period: '2025-03' }).expect(201);
    await publish();
    for (let i = 0; i < 5; i++)
      await app
        .api('admin')
        .post('/api/v1/hotline-calls')
        .send(hotlineCall({ receivedAt: '2025-03-28T09:00:00-05:00' }))
        .expect(201);
    await projectionsCaughtUp(app);
    await app.api('admin').post('/api/v1/statistics/release-points').expect(201);
    await publish();
    await page.getByRole('link', { name: 'Publicaciones' }).click();
    const panel = page.getByTestId('revision-triangle');
    await panel.waitFor();
    // Keyboard only: the range, then Enter.
    await panel.getByLabel('Desde (mes)').fill('2025-01');
    await panel.getByLabel('Hasta (mes)').fill('2025-06');
    await panel.getByLabel('Hasta (mes)').press('Enter');
    const march = panel.locator('tbody tr[data-period="2025-03"]');
    await march.waitFor();
    const cells = march.locator('td');
    await expect(cells.nth(0).innerText()).resolves.toMatch(/^6\n/);
    await expect(cells.nth(1).innerText()).resolves.toMatch(/^11 \(\+5\)\n/);
    await expect(cells.nth(1).getAttribute('data-change')).resolves.toBe('5');
    expect(await panel.getByRole('columnheader').allInnerTexts()).toEqual(['Mes del reporte', 'Publicación 1', 'Publicación 2']);
    await panel.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await screenshot(page, 'publicaciones-triangulo');
  });

  it('offers a regional token only its own departments', async () => {
    const regional = await newPage(browser);
    await signIn(regional, app, 'analyst', ['15', '07'], '/publicaciones');
    const panel = regional.getByTestId('revision-triangle');
    await panel.waitFor();
    await panel.getByLabel('Departamento').click();
    const options = await regional.getByRole('option').allInnerTexts();
    expect(options.sort()).toEqual(['Callao', 'Lima']);
    await regional.keyboard.press('Escape');
    await panel.getByText('Ningún reporte mensual publicado en el periodo.').waitFor();
    await regional.close();
  });
});
