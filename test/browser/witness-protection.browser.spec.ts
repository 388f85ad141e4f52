import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectAccessible, Keyboard, launchBrowser, newPage, screenshot } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, prosecutorReferral, victim } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

/** Issue 14 item 4: the protection panel of a prosecution, recorded by keyboard by the prosecutor, read by the judge. */
suite('witness protection panel (browser)', () => {
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
        victims: [victim({ sex: 'female', age: 16 }), victim({ sex: 'male', age: 30 })],
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

  it('a prosecutor grants measures to a victim and a witness and records a Gesell interview, by keyboard', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'prosecutor', ['15'], `/fiscalia/${prosecutionId}`);
    const panel = page.getByTestId('protection-panel');
    await panel.getByRole('heading', { name: 'Protección de víctimas y testigos' }).waitFor();
    await panel.getByText('Sin medidas registradas').waitFor();
    const keyboard = new Keyboard(page);

    // A victim of the case, chosen by its number, sex and age (never a name); the measure by arrow keys.
    await keyboard.press('Alt+KeyM');
    let dialog = page.getByRole('dialog', { name: 'Otorgar medida' });
    await dialog.waitFor();
    const victims = dialog.getByTestId('protection-victim');
    expect(await victims.locator('option').allTextContents()).toEqual(['Víctima 1 · Mujer, 16', 'Víctima 2 · Hombre, 30']);
    await keyboard.press('ArrowDown'); // Víctima 2
    await keyboard.press('Tab');
    await keyboard.press('ArrowDown', 2); // Protección policial
    expect(await dialog.getByTestId('protection-measure').inputValue()).toBe('police_protection');
    await keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await panel
      .getByTestId('protection-measures')
      .getByText(/Protección policial · Víctima 2 · Hombre, 30/)
      .waitFor();

    // A witness: back to the person toggle, then its reserved reference.
    await keyboard.press('Alt+KeyM');
    dialog = page.getByRole('dialog', { name: 'Otorgar medida' });
    await dialog.waitFor();
    await keyboard.press('Shift+Tab');
    await keyboard.press('ArrowRight');
    await dialog.getByTestId('protection-witness').waitFor();
    await keyboard.press('Tab');
    await keyboard.type('Testigo reservado TR-07');
    await keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await panel
      .getByTestId('protection-measures')
      .getByText(/Reserva de identidad · Testigo: Testigo reservado TR-07/)
      .waitFor();

    await keyboard.press('Alt+KeyG');
    dialog = page.getByRole('dialog', { name: 'Registrar entrevista en cámara Gesell' });
    await dialog.waitFor();
    await keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await panel
      .getByTestId('protection-interviews')
      .getByText(/Víctima 1 · Mujer, 16/)
      .waitFor();
    await panel.getByTestId('protection-interviews').scrollIntoViewIfNeeded();
    await screenshot(page, 'fiscal-proteccion-testigos');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the judge reads the panel without its forms; the police do not see it', async () => {
    const judge = await newPage(browser);
    await signIn(judge, app, 'judiciary', ['15'], `/fiscalia/${prosecutionId}`);
    const panel = judge.getByTestId('protection-panel');
    await panel.getByTestId('protection-read-only').waitFor();
    await panel.getByText(/Testigo: Testigo reservado TR-07/).waitFor();
    expect(await panel.getByTestId('grant-measure').count()).toBe(0);
    expect(await panel.getByTestId('record-gesell').count()).toBe(0);
    await judge.context().close();

    const police = await newPage(browser);
    await signIn(police, app, 'police', ['15'], `/fiscalia/${prosecutionId}`);
    await police.getByRole('heading', { name: /FISTRAP Lima/ }).waitFor();
    expect(await police.getByTestId('protection-panel').count()).toBe(0);
    await police.context().close();
  });
});
