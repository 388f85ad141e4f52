import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, focused, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, prosecutorReferral, suspect, victim } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

suite('prosecution and trial screens (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let prosecutionId: string;

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
    const police = app.api('police', ['15']);
    const registered = await police.post('/api/v1/cases').send(
      caseRegistration({
        registeredAt: '2026-01-05T09:00:00-05:00',
        policeUnit: 'DIRCTPTIM Lima',
        victims: [victim({ sex: 'male', age: 15, nationality: 'VE' })],
        suspects: [suspect({ sex: 'female', age: 38, role: 'captadora' })],
      }),
    );
    expect(registered.status).toBe(201);
    const referred = await police
      .post(`/api/v1/cases/${registered.body.caseId}/prosecutor-referral`)
      .send(prosecutorReferral({ referredAt: '2026-01-06T10:00:00-05:00', office: 'FISTRAP Lima' }));
    expect(referred.status).toBe(200);
    prosecutionId = referred.body.prosecutionId;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Opens a stage or trial form by its Alt shortcut and saves it with Ctrl+Enter (the date defaults to now). */
  async function record(page: Page, keyboard: Keyboard, shortcut: string, title: string) {
    await keyboard.press(shortcut);
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    await keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  }

  it('a prosecutor records the stages in legal order; an accusation waits for formalization', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'prosecutor', [], '/justicia');
    const list = page.getByTestId('justice-cases');
    await list.getByText('DIRCTPTIM Lima').waitFor();
    await list.getByRole('link', { name: 'Fiscalía' }).click();
    await page.waitForURL(`**/fiscalia/${prosecutionId}`);
    await page.getByRole('heading', { name: /FISTRAP Lima/ }).waitFor();

    expect(await page.getByTestId('stage-accusation').isDisabled()).toBe(true);
    expect(await page.getByTestId('stage-accusation-why').textContent()).toBe('Requiere formalización');
    const keyboard = new Keyboard(page);
    await record(page, keyboard, 'Alt+Digit1', 'Investigación preliminar');
    await page.getByTestId('prosecution-status').getByText('En investigación preliminar').waitFor();
    // Still before formalization: the accusation stays disabled and says why.
    expect(await page.getByTestId('stage-accusation').isDisabled()).toBe(true);
    expect(await page.getByTestId('stage-accusation-why').textContent()).toBe('Requiere formalización');
    expect(await page.getByTestId('stage-preliminary-investigation').isDisabled()).toBe(true);
    await screenshot(page, 'fiscalia');
    await expectAccessible(page);

    await record(page, keyboard, 'Alt+Digit2', 'Formalización de la investigación');
    await page.getByTestId('prosecution-status').getByText('Investigación formalizada').waitFor();
    expect(await page.getByTestId('stage-accusation').isEnabled()).toBe(true);
    await record(page, keyboard, 'Alt+Digit3', 'Acusación');
    await page.getByTestId('prosecution-status').getByText('Acusación presentada').waitFor();
    const stages = await page.getByTestId('stages').textContent();
    expect(stages).not.toContain('Pendiente');
    expect(await page.getByTestId('stages-closed').textContent()).toBe('Acusada: el caso sigue en el juicio');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the judiciary opens the trial and records a conviction, an appeal, the second ruling and finality', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'judiciary', [], `/fiscalia/${prosecutionId}`);
    await page.getByTestId('open-trial').waitFor();
    const keyboard = new Keyboard(page);
    await keyboard.press('Alt+KeyJ');
    await page.getByRole('dialog', { name: 'Abrir juicio' }).getByLabel('Juzgado').waitFor();
    await keyboard.type('Juzgado Penal Colegiado de Lima');
    await keyboard.press('Enter');
    await page.waitForURL('**/juicios/*');
    await page.getByRole('heading', { name: /Juzgado Penal Colegiado de Lima/ }).waitFor();
    expect(await page.getByTestId('trial-finality-why').textContent()).toBe('Requiere una sentencia');

    await keyboard.press('Alt+Digit1');
    const ruling = page.getByRole('dialog', { name: 'Registrar sentencia' });
    await ruling.getByText('Sospechoso 1 · Mujer, 38 · captadora').waitFor();
    await focused(ruling.getByLabel('Pena (años)')); // focus starts on the years; conviction and every suspect are preselected
    await keyboard.type('12');
    await keyboard.press('Control+Enter');
    await ruling.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('trial-status').getByText('Con sentencia').waitFor();
    expect(await page.getByTestId('rulings').textContent()).toContain('Condena');

    await record(page, keyboard, 'Alt+Digit2', 'Registrar apelación');
    await page.getByTestId('trial-status').getByText('Sentencia apelada').waitFor();
    expect(await page.getByTestId('trial-finality-why').textContent()).toBe(
      'Apelación pendiente: requiere la sentencia de segunda instancia',
    );

    await keyboard.press('Alt+Digit1');
    await focused(page.getByRole('dialog', { name: 'Registrar sentencia' }).getByLabel('Pena (años)'));
    await keyboard.type('10');
    await keyboard.press('Control+Enter');
    await page.getByTestId('trial-status').getByText('Con sentencia').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await record(page, keyboard, 'Alt+Digit3', 'Declarar firme');
    await page.getByTestId('trial-status').getByText('Sentencia firme').waitFor();
    expect(await page.getByTestId('trial-final-note').textContent()).toBe('La sentencia es firme');
    expect(await page.getByTestId('finality').textContent()).toContain('Condena');
    await screenshot(page, 'juicio');
    await expectAccessible(page);
    await page.context().close();
  });
});
