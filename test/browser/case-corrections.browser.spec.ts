import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, suspect, victim } from '../support/fixtures.js';

jest.setTimeout(180_000);
const suite = browserAvailable ? describe : describe.skip;

const REGISTRY_NUMBER = /^\d{2}-\d{4}-\d{6}$/;

suite('case corrections and cases abroad (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const debug = (page: Page, name: string) => async (error: unknown) => {
    await screenshot(page, `debug-${name}`);
    throw error;
  };

  it('corrects the facts with a reason, corrects a victim and voids a suspect; the view and the history show it', async () => {
    const registered = await app
      .api('police', ['08'])
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          registeredAt: '2026-01-10T09:00:00-05:00',
          occurredAt: '2026-01-05T00:00:00-05:00',
          policeUnit: 'Comisaría Wanchaq',
          ubigeo: '080108',
          purposes: ['sexual_exploitation'],
          offences: ['cp129a-l31146'],
          places: { exploitation: { ubigeo: '080101' } },
          victims: [victim({ age: 16 })],
          suspects: [suspect({ age: 40, role: 'captador' }), suspect({ age: 30, role: 'registrado por error' })],
        }),
      );
    expect(registered.status === 201 ? 201 : JSON.stringify(registered.body)).toBe(201);
    const caseId: string = registered.body.caseId;
    expect(registered.body.registryNumber).toMatch(/^08-2026-\d{6}$/);

    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], `/casos/${caseId}`);
    await page.getByTestId('registry-number').getByText(registered.body.registryNumber).waitFor();
    await page.getByTestId('qualification').getByText('Ley 31146, art. 129-A', { exact: false }).waitFor();
    const places = page.getByTestId('places');
    expect(await places.textContent()).toContain('Cusco');

    // The facts: the dialog comes prefilled; move the exploitation to Juliaca (Puno) and add labour exploitation.
    const keyboard = new Keyboard(page);
    await keyboard.press('Alt+KeyK');
    const dialog = page.getByRole('dialog', { name: 'Corregir los hechos' });
    await dialog.getByLabel('Unidad policial').waitFor();
    await expect(dialog.getByLabel('Unidad policial').inputValue()).resolves.toBe('Comisaría Wanchaq');
    const exploitation = dialog.getByRole('combobox', { name: 'Lugar de explotación', exact: true });
    await expect(exploitation.inputValue()).resolves.toContain('Cusco');
    await exploitation.focus();
    await keyboard.press('Control+A');
    await keyboard.type('Juliaca');
    await keyboard.press('Enter');
    await dialog.getByRole('checkbox', { name: 'Explotación laboral' }).focus();
    await keyboard.press('Space');
    await dialog.getByLabel('Sector económico de la explotación laboral').waitFor();
    await dialog.getByLabel('Motivo de la corrección').focus();
    await keyboard.type('La víctima fue explotada en Juliaca, según el acta ampliatoria');
    await expectAccessible(page, 'correction dialog');
    await screenshot(page, 'policia-correccion');
    await keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(debug(page, 'correction'));
    await places.getByText('Juliaca', { exact: false }).waitFor();
    await page.getByText('Explotación laboral').first().waitFor();

    // A victim: age 16 → 17.
    await page.getByRole('button', { name: 'Corregir: Víctima 1' }).click();
    const victimDialog = page.getByRole('dialog', { name: 'Corregir la víctima 1' });
    await victimDialog.getByLabel('Edad').fill('17');
    await victimDialog.getByLabel('Motivo de la corrección').fill('Error de digitación de la edad');
    await victimDialog.getByRole('button', { name: 'Corregir' }).click();
    await victimDialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(debug(page, 'victim-correction'));
    await page.getByTestId('victims').getByRole('cell', { name: /^17/ }).waitFor();

    // A suspect recorded by mistake: voided, kept, struck through and marked.
    await page.getByRole('button', { name: 'Anular: Sospechoso 2' }).click();
    const voidDialog = page.getByRole('dialog', { name: 'Anular al sospechoso 2' });
    await voidDialog.getByLabel('Motivo de la corrección').fill('Registrado dos veces por error');
    await voidDialog.getByRole('button', { name: 'Anular' }).click();
    await voidDialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(debug(page, 'void'));
    await page.getByTestId('suspects').locator('[data-voided]').getByText('anulado').waitFor();
    expect(await page.getByTestId('suspects').locator('[data-voided]').count()).toBe(1);
    await expectAccessible(page, 'corrected case');
    // The history (the case's timeline) shows the corrections.
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Hechos corregidos').waitFor();
    await timeline.getByText('Víctima corregida').waitFor();
    await timeline.getByText(/anulad/).waitFor();
    await page.getByTestId('suspects').scrollIntoViewIfNeeded();
    await screenshot(page, 'policia-caso-corregido');

    const view = await app.api('police', ['08']).get(`/api/v1/cases/${caseId}`);
    expect(view.body.registryNumber).toBe(registered.body.registryNumber);
    expect(view.body.places.exploitation).toEqual({ ubigeo: '211101' });
    expect(view.body.purposes).toEqual(expect.arrayContaining(['sexual_exploitation', 'labour_exploitation']));
    expect(view.body.victims[0]).toMatchObject({ age: 17 });
    expect(view.body.suspects.map((s: { voided: boolean }) => s.voided)).toEqual([false, true]);

    // The same facts denounced again at another station: marked by the first case's registry number, both linked.
    const duplicate = await app
      .api('police', ['08'])
      .post('/api/v1/cases')
      .send(caseRegistration({ registeredAt: '2026-01-11T10:00:00-05:00', policeUnit: 'Comisaría Santiago', ubigeo: '080104' }));
    expect(duplicate.status).toBe(201);
    await page.goto(`${app.url}/casos/${duplicate.body.caseId}`);
    await page.getByTestId('registry-number').getByText(duplicate.body.registryNumber).waitFor();
    await keyboard.press('Alt+KeyM');
    const same = page.getByRole('dialog', { name: 'Marcar como los mismos hechos que otro caso' });
    await same.getByLabel('El otro caso: n.º de registro o identificador').waitFor();
    await keyboard.type(registered.body.registryNumber.replace(/-0+(\d)/, '-$1'));
    await same.getByLabel('Motivo de la corrección').fill('Misma víctima y mismos hechos, denunciados en dos comisarías');
    await keyboard.press('Control+Enter');
    await same.waitFor({ state: 'detached', timeout: 15_000 }).catch(debug(page, 'same-facts'));
    await page.getByTestId('same-facts').getByRole('link', { name: registered.body.registryNumber }).waitFor();
    expect(await page.getByRole('button', { name: /Mismos hechos que/ }).isDisabled()).toBe(true);
    await page.goto(`${app.url}/casos/${caseId}`);
    await page.getByTestId('same-facts').getByRole('link', { name: duplicate.body.registryNumber }).waitFor();
    await page.context().close();
  });

  it('registers a case exploited abroad (Chile) with the keyboard only; the number and the place show', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['15'], '/casos');
    await page.getByRole('button', { name: 'Registrar denuncia' }).waitFor();
    const keyboard = new Keyboard(page);
    await keyboard.press('Alt+KeyN');
    const drawer = page.getByRole('dialog');
    const unit = drawer.getByLabel('Unidad policial');
    await unit.waitFor();
    await keyboard.type('DIRCTPTIM Lima');
    await keyboard.press('Tab');
    await keyboard.type('150101');
    await keyboard.press('Enter');
    await drawer.getByRole('checkbox', { name: 'Explotación sexual' }).focus();
    await keyboard.press('Space');
    await drawer.getByLabel('Delitos').focus();
    await keyboard.type('Trata de personas');
    await keyboard.press('Enter');
    await drawer.getByText('Ley 31146, art. 129-A', { exact: false }).first().waitFor();
    // The place of exploitation: "en el extranjero" (arrow keys in the radio group), then the country by name.
    await drawer.getByRole('radio', { name: 'En el Perú' }).nth(1).focus();
    await keyboard.press('ArrowRight');
    await keyboard.press('Tab');
    await keyboard.type('Chile');
    await keyboard.press('Enter');
    await expect(drawer.getByRole('combobox', { name: 'Lugar de explotación · País' }).inputValue()).resolves.toContain('Chile');
    await drawer.getByLabel('Modalidad de captación').focus();
    await keyboard.type('oferta');
    await keyboard.press('Enter');
    await drawer.getByLabel('Tipo de explotación sexual').waitFor();
    // The police report's number, searchable afterwards (focus leaves the list of methods, which closes).
    await drawer.getByLabel('N.° de denuncia policial').focus();
    await keyboard.type('Atestado 112-2026-DIRCTPTIM');
    await drawer.getByText('Oferta de estudios o de viaje').waitFor({ state: 'hidden' });
    await expectAccessible(page, 'registration form abroad');
    await keyboard.press('Control+Enter');

    const number = page.getByTestId('registry-number');
    await number.waitFor({ timeout: 15_000 }).catch(debug(page, 'abroad'));
    const registryNumber = (await number.textContent())?.trim() ?? '';
    expect(registryNumber).toMatch(REGISTRY_NUMBER);
    expect(registryNumber.startsWith('15-')).toBe(true);
    await drawer.waitFor({ state: 'detached' });
    await screenshot(page, 'policia-caso-registrado');

    await page.getByRole('link', { name: 'Abrir el caso' }).focus();
    await keyboard.press('Enter');
    await page.getByTestId('places').getByText('Chile').waitFor();
    await page.getByTestId('registry-number').getByText(registryNumber).waitFor();
    await expectAccessible(page, 'case abroad');
    await screenshot(page, 'policia-caso-extranjero');

    // Found by its number in the case search, written without the leading zeros too.
    const short = registryNumber.replace(/-0+(\d)/, '-$1');
    const found = await app.api('police', ['15']).get('/api/v1/cases').query({ q: short });
    expect(found.body.items.map((row: { registryNumber: string }) => row.registryNumber)).toEqual([registryNumber]);
    const caseId = found.body.items[0].caseId as string;
    const view = await app.api('police', ['15']).get(`/api/v1/cases/${caseId}`);
    expect(view.body.places.exploitation).toEqual({ country: 'CL' });
    expect(view.body.offences).toEqual(['cp129a-l31146']);
    expect(view.body.purposes).toEqual(['sexual_exploitation']);
    expect(view.body.recruitment).toEqual(['job_offer']);
    expect(keyboard.presses).toBeLessThanOrEqual(16);

    const byReference = await app.api('police', ['15']).get('/api/v1/cases').query({ q: 'atestado 112-2026-dirctptim' });
    expect(byReference.body.items.map((row: { caseId: string }) => row.caseId)).toEqual([caseId]);
    expect(view.body.references).toMatchObject({ policeReport: 'Atestado 112-2026-DIRCTPTIM' });

    // The console's search by number finds it too.
    await page.goto(`${app.url}/casos`);
    await page.getByLabel('N.º de registro o referencia').fill(short);
    await page.getByLabel('N.º de registro o referencia').press('Enter');
    await page.getByTestId('case-results').getByText(registryNumber).waitFor();
    await page.context().close();
  });

  it("shows the API's refusal next to the field it names, reopens a closed case and records references", async () => {
    const police = () => app.api('police', ['08']);
    const registered = await police()
      .post('/api/v1/cases')
      .send(
        caseRegistration({
          registeredAt: '2026-02-02T09:00:00-05:00',
          policeUnit: 'Comisaría Sicuani',
          ubigeo: '080601',
          purposes: ['labour_exploitation'],
          offences: ['cp129a-l31146'],
        }),
      );
    expect(registered.status).toBe(201);
    const caseId: string = registered.body.caseId;
    await police()
      .post(`/api/v1/cases/${caseId}/closure`)
      .send({ closedAt: '2026-02-20T09:00:00-05:00', reason: 'Sin indicios suficientes' })
      .expect(200);
    const before = (await police().get(`/api/v1/cases/${caseId}`)).body.version as number;

    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], `/casos/${caseId}`);
    await page.getByTestId('case-status').getByText('Cerrado').waitFor();
    const keyboard = new Keyboard(page);

    // A date of the facts in 2012: Ley 31146 was not in force then; the API's reason shows at the date it names.
    await keyboard.press('Alt+KeyK');
    const dialog = page.getByRole('dialog', { name: 'Corregir los hechos' });
    await dialog.getByLabel('Fecha de los hechos').fill('2012-05-01');
    await dialog.getByLabel('Motivo de la corrección').fill('Fecha de los hechos según la declaración');
    await dialog.getByRole('button', { name: 'Corregir los hechos' }).click();
    const date = dialog.getByLabel('Fecha de los hechos');
    await date.and(page.locator('[aria-invalid="true"]')).waitFor({ timeout: 10_000 }).catch(debug(page, 'refusal'));
    const described = (await date.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${described.split(' ').pop()}"]`).innerText()).toMatch(/no estaba vigente el 2012-05-01/);
    await expectAccessible(page, 'refused correction');
    await keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await police().get(`/api/v1/cases/${caseId}`)).body.version).toBe(before);

    // Reopening, only offered on a closed case.
    await keyboard.press('Alt+KeyA');
    const reopen = page.getByRole('dialog', { name: 'Reabrir el caso' });
    await reopen.getByLabel('Motivo de la corrección').waitFor();
    await keyboard.type('Nueva declaración de la víctima');
    await keyboard.press('Control+Enter');
    await reopen.waitFor({ state: 'detached', timeout: 15_000 }).catch(debug(page, 'reopen'));
    await page.getByTestId('case-status').getByText('Abierto').waitFor();
    await page.getByTestId('timeline').getByText('Caso reabierto').waitFor();

    // The prosecutor's file number, recorded afterwards and shown with the case.
    await keyboard.press('Alt+KeyN');
    const references = page.getByRole('dialog', { name: 'Referencias externas' });
    await references.getByLabel('N.° de carpeta fiscal').fill('CF 2506014500-2026-118-0');
    await references.getByRole('button', { name: 'Referencias externas' }).click();
    await references.waitFor({ state: 'detached', timeout: 15_000 }).catch(debug(page, 'references'));
    await page.getByTestId('references').getByText('CF 2506014500-2026-118-0').waitFor();
    const view = await police().get(`/api/v1/cases/${caseId}`);
    expect(view.body).toMatchObject({ status: 'open', references: { prosecutorFile: 'CF 2506014500-2026-118-0' } });
    await page.context().close();
  });
});
