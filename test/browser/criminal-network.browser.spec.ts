import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { browserAvailable, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, suspect } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

const ALIAS = 'Los Malditos de Wanchaq';

suite('criminal network panel on the case view (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let caseId: string;
  let suspectIds: string[];

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
          suspects: [suspect({ age: 40 }), suspect({ sex: 'female', age: 35 })],
        }),
      );
    expect(registered.status).toBe(201);
    caseId = registered.body.caseId;
    suspectIds = registered.body.suspectIds;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('identifies a network for the case, links a suspect with a role and dismantles it, by keyboard', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], `/casos/${caseId}`);
    const panel = page.getByTestId('network-panel');
    await panel.getByText('El caso no está vinculado a ninguna red criminal.').waitFor();
    const keyboard = new Keyboard(page);

    await keyboard.press('Alt+KeyI');
    const identify = page.getByRole('dialog', { name: 'Identificar red' });
    await identify.getByLabel('UBIGEO de la red').waitFor();
    await keyboard.press('Tab');
    await keyboard.type(ALIAS);
    await keyboard.press('Control+Enter');
    await identify.waitFor({ state: 'detached', timeout: 10_000 });
    await panel.getByText(ALIAS).waitFor();
    await panel.getByText('Activa').waitFor();

    await keyboard.press('Alt+KeyL');
    const link = page.getByRole('dialog', { name: 'Vincular sospechoso' });
    await link.waitFor({ timeout: 10_000 }).catch(async (error) => {
      await screenshot(page, 'debug-network-suspect');
      throw error;
    });
    // Focus starts on the suspect (the first one); Tab to the role, open its list and choose "Captador".
    await keyboard.press('Tab');
    await keyboard.press('ArrowDown');
    const recruiter = page.getByRole('option', { name: 'Captador' });
    await recruiter.waitFor();
    for (let i = 0; i < 11 && (await recruiter.getAttribute('data-combobox-selected')) === null; i++) await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    await keyboard.press('Control+Enter');
    await link.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (error) => {
      await screenshot(page, 'debug-network-suspect');
      throw error;
    });
    await panel.getByRole('cell', { name: 'Captador' }).waitFor();
    await panel.getByRole('cell', { name: 'Sospechoso 1' }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'caso-red-criminal');
    await expectAccessible(page);

    await keyboard.press('Alt+KeyX');
    const dismantle = page.getByRole('dialog', { name: 'Desarticular' });
    await dismantle.getByLabel(/Desarticulada/).waitFor();
    await keyboard.press('Control+Enter');
    await dismantle.waitFor({ state: 'detached', timeout: 10_000 });
    await panel.getByText('Desarticulada', { exact: true }).waitFor();

    // The API holds what the panel showed; the case view lists the network once the projection has read the link.
    const networkId = (await panel.getByRole('region').first().getAttribute('aria-label'))!.split(' ').at(-1)!;
    const network = await app.api('police', ['08']).get(`/api/v1/networks/${networkId}`);
    expect(network.body).toMatchObject({
      status: 'dismantled',
      alias: ALIAS,
      cases: [{ caseId }],
      suspects: [{ suspectId: suspectIds[0], role: 'recruiter' }],
    });
    await page.reload();
    await panel.getByText(ALIAS).waitFor();
    await page.context().close();
  });

  it('shows the API’s refusal at the field it names: a network id that does not exist', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], `/casos/${caseId}`);
    await page.getByTestId('network-panel').waitFor();
    const keyboard = new Keyboard(page);
    await keyboard.press('Alt+KeyJ');
    const dialog = page.getByRole('dialog', { name: 'Vincular a red existente' });
    await dialog.getByLabel('Id de la red').waitFor();
    await keyboard.type('00000000-0000-4000-8000-000000000000');
    await keyboard.press('Control+Enter');
    await dialog.getByRole('alert').first().waitFor();
    expect(await dialog.textContent()).toMatch(/Red criminal no encontrada|no está registrada/);
    await keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // An unknown province of Cusco: the identification is refused at its field.
    await keyboard.press('Alt+KeyI');
    const identify = page.getByRole('dialog', { name: 'Identificar red' });
    await identify.getByLabel('UBIGEO de la red').waitFor();
    await keyboard.press('Control+A');
    await keyboard.type('0899');
    await keyboard.press('Control+Enter');
    await identify.getByText('El código UBIGEO no existe').waitFor();
    await page.context().close();
  });

  it('the judiciary sees the networks but may not record on them', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'judiciary', [], `/casos/${caseId}`);
    const panel = page.getByTestId('network-panel');
    await panel.getByText(ALIAS).waitFor();
    expect(await panel.getByRole('button').count()).toBe(0);
    await page.context().close();
  });

  it('lists the network tables with the statistics page’s other tables, counted in this month (Lima)', async () => {
    const month = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 7);
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], `/estadisticas?desde=${month}&hasta=${month}`);
    const panel = page.getByTestId('report-tables');
    await panel.locator('[data-table-id="network_suspects_by_role"]').waitFor();
    await panel.getByRole('button', { name: 'Redes criminales identificadas y desarticuladas' }).click();
    const table = panel.locator('[data-table-id="criminal_networks"] table');
    await table.waitFor();
    // Identified, dismantled, one case and one suspect linked, in Cusco (the first test's network).
    expect(await table.innerText()).toMatch(/Cusco\s+1\s+1\s+1\s+1/);
    await page.context().close();
  });
});
