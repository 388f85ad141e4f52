import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';
import { caseRegistration, suspect, victim, type CaseRegistrationBody } from '../support/fixtures.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

const PURPOSE = 'Verificar denuncias previas de la víctima';

suite('case search (browser)', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let wanchaq: string;
  let dircPtim: string;

  let lastPosition = 0;

  async function register(body: Partial<CaseRegistrationBody>): Promise<string> {
    const answer = await app
      .api('police', ['08'])
      .post('/api/v1/cases')
      .send(caseRegistration({ purposes: ['sexual_exploitation'], victims: [], ...body }));
    expect(answer.status).toBe(201);
    lastPosition = Math.max(lastPosition, answer.body.position);
    return answer.body.caseId;
  }

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
    wanchaq = await register({
      registeredAt: '2026-01-10T09:00:00-05:00',
      policeUnit: 'Comisaría Wanchaq',
      ubigeo: '080108',
      purposes: ['labour_exploitation'],
      victims: [victim({ age: 19, fullName: 'Nombre Reservado', documentType: 'DNI', documentNumber: '40123456' })],
      suspects: [suspect({ age: 44, role: 'captador' })],
    });
    dircPtim = await register({ registeredAt: '2026-01-12T10:00:00-05:00', policeUnit: 'DIRCTPTIM Cusco', ubigeo: '080101' });
    // Registered by "another user": wait until the case list has read them, as that user's own screen would.
    expect((await app.api('police', ['08']).get(`/api/v1/cases?minPosition=${lastPosition}`)).status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const row = (page: Page, caseId: string) => page.locator(`[data-case-id="${caseId}"]`);

  it('finds a case by its police unit, without personal fields in the list, and Enter opens it', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], '/casos');
    await row(page, dircPtim).waitFor(); // the newest first, before any filter
    await row(page, wanchaq).waitFor();
    expect(await page.content()).not.toContain('Nombre Reservado');

    const keyboard = new Keyboard(page);
    await page.getByLabel('Unidad policial').fill('wanchaq'); // case and accents do not matter
    await keyboard.press('Enter');
    await row(page, dircPtim).waitFor({ state: 'detached' });
    await row(page, wanchaq).waitFor();
    expect(await page.locator('[data-case-id]').count()).toBe(1);
    const text = await row(page, wanchaq).textContent();
    expect(text).toContain('Comisaría Wanchaq');
    expect(text).toContain('Explotación laboral');
    expect(text).toContain('1 víct. · 1 resp.');
    expect(text).not.toContain('40123456');
    await expectAccessible(page);
    await screenshot(page, 'casos-busqueda');

    await row(page, wanchaq).focus();
    await keyboard.press('Enter');
    await page.waitForURL(`**/casos/${wanchaq}`);
    await page.context().close();
  });

  it("finds it by the victim's document only with a stated purpose, and the search is audited", async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'police', ['08'], '/casos');
    const requests: Array<{ method: string; url: string; body: string | null }> = [];
    page.on('request', (request) => requests.push({ method: request.method(), url: request.url(), body: request.postData() }));
    await page.getByRole('tab', { name: 'Buscar por documento de la víctima' }).click();
    await page.getByText('Esta búsqueda queda registrada en el registro de auditoría').waitFor();
    await page.getByLabel('Número de documento').fill('40123456');
    await page.getByRole('button', { name: 'Buscar por documento' }).click();
    await page.getByText('Indique el motivo: la búsqueda se registra con él.').waitFor(); // not sent without a purpose

    await page.getByLabel('Motivo de la consulta').fill(PURPOSE);
    await page.getByRole('button', { name: 'Buscar por documento' }).click();
    await page.getByText('1 caso con ese documento').waitFor();
    expect(await page.locator('[data-case-id]').count()).toBe(1);
    await row(page, wanchaq).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'casos-busqueda-documento');
    // POST /cases/search: the number and the purpose travel in the body only, never in a URL.
    const searches = requests.filter((request) => request.url.includes('/api/v1/cases/search'));
    expect(searches.map((request) => request.method)).toEqual(['POST']);
    expect(JSON.parse(searches[0].body ?? '{}')).toMatchObject({ documentType: 'DNI', documentNumber: '40123456', purpose: PURPOSE });
    expect(requests.filter((request) => request.url.includes('40123456'))).toEqual([]);

    const audit = await app.api('auditor').get('/api/v1/audit?action=search_personal_data');
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({
      action: 'search_personal_data',
      actorRole: 'police',
      recordId: wanchaq,
      purpose: PURPOSE,
    });
    await page.context().close();
  });

  it('judiciary list cases but are not offered the document search', async () => {
    const page = await newPage(browser);
    await signIn(page, app, 'judiciary', [], '/casos');
    await row(page, wanchaq).waitFor();
    expect(await page.getByRole('tab', { name: 'Buscar por documento de la víctima' }).count()).toBe(0);
    expect(await page.getByLabel('Número de documento').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Registrar denuncia' }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
