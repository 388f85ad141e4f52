import { jest, describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, Keyboard, launchBrowser, newPage, screenshot, expectAccessible } from './support/browser.js';
import { startConsoleApp, type ConsoleApp } from './support/console-app.js';
import { signIn } from './support/sign-in.js';

jest.setTimeout(120_000);
const suite = browserAvailable ? describe : describe.skip;

const DRAFT_KEY = 'rt.draft.hotline-call';

/**
 * Waits until `expression` is true in the page. page.waitForFunction would compile it inside the page, which the
 * console's CSP (script-src 'self', no eval) forbids; page.evaluate goes through the DevTools protocol instead.
 */
async function until(page: Page, expression: string, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeout} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The draft's pre-made callId: the id every attempt of this call's save sends. */
async function draftCallId(page: Page): Promise<string> {
  const draft = (await page.evaluate(`sessionStorage.getItem('${DRAFT_KEY}')`)) as string | null;
  return (JSON.parse(draft ?? '{}') as { callId?: string }).callId ?? '';
}

/** The confirmation of a save, naming the call just saved. */
async function savedConfirmation(page: Page, callId: string, timeout?: number): Promise<void> {
  await page.getByTestId('call-saved').getByText('Llamada registrada').waitFor({ timeout });
  await page.getByTestId('selected-call-id').getByText(callId).waitFor({ timeout });
}

async function lastPosition(page: Page): Promise<number> {
  return Number(await page.evaluate(`sessionStorage.getItem('rt.position')`)) || 0;
}

async function placeFieldIsFocused(page: Page): Promise<boolean> {
  return page
    .getByRole('combobox', { name: 'Lugar desde donde llama' })
    .evaluate((element) => element === element.ownerDocument.activeElement);
}

/** Every call in the registry, as an administrator reads the list (read-your-writes with the tab's last position). */
async function allCalls(
  app: ConsoleApp,
  minPosition: number,
): Promise<Array<{ callId: string; topic: string; status: string; outcome: string | null; referrals: number; version: number }>> {
  const { body } = await app.api('admin').get(`/api/v1/hotline-calls?limit=100&minPosition=${minPosition}`).expect(200);
  return body.items;
}

suite('hotline operator: record a call, act on it, see it listed', () => {
  let app: ConsoleApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, app, 'operator', [], '/llamadas');
    await page.getByRole('heading', { name: 'Nueva llamada', level: 2 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('records a call with the keyboard only, lists it at once and counts it in the statistics', async () => {
    await until(page, `document.activeElement?.getAttribute('role') === 'combobox'`);
    expect(await placeFieldIsFocused(page)).toBe(true);
    await page.getByText('No hay llamadas con estos filtros.').waitFor();
    await expectAccessible(page);

    const keys = new Keyboard(page);
    await keys.type('huanuco');
    await keys.press('Enter'); // the first match: Huánuco (department)
    await keys.press('Tab'); // channel: phone (default)
    await keys.press('Tab'); // language: Spanish (default)
    await keys.press('Tab'); // anonymous: yes (default)
    await keys.press('Tab'); // topic: the first, "Trata de personas"
    await keys.press('Space');
    await keys.press('Tab'); // summary
    await keys.type('Ofrecen trabajo en Madre de Dios a una menor; la llevan mañana.');
    await screenshot(page, 'operador-registrar-llamada');
    const callId = await draftCallId(page);
    const started = performance.now();
    await keys.press('Control+Enter');

    await savedConfirmation(page, callId);
    await page.locator(`[data-testid="recent-calls"] tr[data-call-id="${callId}"]`).waitFor();
    const listedAfterMs = Math.round(performance.now() - started);
    console.log(`operator: ${keys.presses} keystrokes beyond typed text (${keys.log.join(' ')}); save → listed in ${listedAfterMs} ms`);
    expect(keys.presses).toBeLessThanOrEqual(15);

    // The row shows codes as labels, never the summary.
    const row = page.locator(`tr[data-call-id="${callId}"]`);
    expect(await row.textContent()).toContain('Huánuco');
    expect(await row.textContent()).toContain('Trata');
    expect(await page.locator('[data-testid="recent-calls"]').textContent()).not.toContain('Madre de Dios');
    // Ready for the next caller: the form is empty and the place field has the focus again.
    expect(await placeFieldIsFocused(page)).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Lugar desde donde llama' }).inputValue()).toBe('');
    expect(await page.getByLabel('Resumen de la llamada').inputValue()).toBe('');
    await screenshot(page, 'operador-llamada-guardada');
    await expectAccessible(page);

    const position = await lastPosition(page);
    expect(position).toBeGreaterThan(0);
    const month = new Date(Date.now() - 5 * 3600_000).toISOString().slice(0, 7);
    const { body: statistics } = await app
      .api('admin')
      .get(`/api/v1/statistics/hotline?from=${month}&to=${month}&minPosition=${position}`)
      .expect(200);
    expect(statistics.total).toMatchObject({ received: 1, traffickingRelated: 1 });
  });

  it("shows the API's field errors next to their fields", async () => {
    await page.keyboard.press('Control+Enter'); // nothing chosen yet: the topic is missing
    const topicError = page.locator('.mantine-RadioGroup-error, .mantine-InputWrapper-error').first();
    await topicError.waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('Revise los campos marcados');
    await screenshot(page, 'operador-error-campos');
    await expectAccessible(page);
  });

  it('keeps the draft over a reload', async () => {
    // Typed, not filled: the typeahead highlights its first match once its list is open (see the report).
    await page.getByRole('combobox', { name: 'Lugar desde donde llama' }).focus();
    await page.keyboard.type('cusco', { delay: 20 });
    await page.getByRole('option', { name: /^Cusco · Departamento 08/ }).waitFor();
    await page.keyboard.press('Enter');
    await until(page, `(sessionStorage.getItem('${DRAFT_KEY}') ?? '').includes('"callerUbigeo":"08"')`);
    const form = page.getByRole('region', { name: 'Nueva llamada' });
    await form.getByRole('radiogroup', { name: 'Motivo de la llamada' }).getByRole('radio', { name: 'Información' }).check();
    await form.getByText('Quechua', { exact: true }).click();
    await page.getByLabel('Resumen de la llamada').fill('Pregunta por requisitos de una agencia de empleo.');
    const callId = await draftCallId(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Nueva llamada', level: 2 }).waitFor();
    // The place's label is filled in once the typeahead has rendered its options.
    await until(page, `[...document.querySelectorAll('input[role="combobox"]')].some((input) => input.value.includes('Cusco'))`);
    expect(await page.getByRole('combobox', { name: 'Lugar desde donde llama' }).inputValue()).toContain('Cusco');
    expect(
      await form.getByRole('radiogroup', { name: 'Motivo de la llamada' }).getByRole('radio', { name: 'Información' }).isChecked(),
    ).toBe(true);
    expect(await form.getByRole('radio', { name: 'Quechua' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Resumen de la llamada').inputValue()).toBe('Pregunta por requisitos de una agencia de empleo.');
    expect(await draftCallId(page)).toBe(callId);
  });

  it('retries a save whose answer was lost with the same callId: one call, and success on screen', async () => {
    const callId = await draftCallId(page);
    let posts = 0;
    await page.route('**/api/v1/hotline-calls', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts++;
      if (posts === 1) {
        await route.fetch(); // the server records the call…
        return route.abort('connectionreset'); // …and the answer never arrives
      }
      return route.continue();
    });
    await page.getByLabel('Resumen de la llamada').press('Control+Enter');
    // The user sees that it is retrying (and could retry at once), then the success.
    await page.getByText(/Reintentando con el mismo identificador \(2 de 5\)/).waitFor();
    await savedConfirmation(page, callId, 20_000);
    await page.unroute('**/api/v1/hotline-calls');
    expect(posts).toBe(2);

    const calls = await allCalls(app, await lastPosition(page));
    expect(calls.filter((call) => call.callId === callId)).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('refers (refused until trafficking-related), classifies, refers and closes the call from the same screen', async () => {
    const callId = (await page.getByTestId('selected-call-id').textContent())!.trim();
    await page.locator(`tr[data-call-id="${callId}"]`).waitFor();
    const actions = page.getByRole('region', { name: 'Siguientes acciones' });

    // Refer first: an "information" call is not trafficking-related, and the API says so (422).
    await page.keyboard.press('Alt+KeyR');
    await actions.getByRole('button', { name: 'Derivar' }).click();
    await actions.getByRole('alert').waitFor();

    // Open it from the list by keyboard, re-classify it as trafficking.
    await page.keyboard.press('Alt+KeyL');
    await page.keyboard.press('ArrowDown'); // the previous call…
    await page.keyboard.press('ArrowUp'); // …and back to the newest, the one just saved
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+KeyC');
    await actions.getByRole('radio', { name: 'Trata de personas' }).check();
    await actions.getByLabel('Razón del cambio').fill('Indicios de captación laboral');
    await page.keyboard.press('Enter');
    await actions.getByText('Llamada reclasificada').waitFor();

    await page.keyboard.press('Alt+KeyR');
    await actions.getByLabel('Unidad o dependencia').fill('Comisaría de Cusco');
    await page.keyboard.press('Enter');
    await actions.getByText('Derivación enviada').waitFor();

    await page.keyboard.press('Alt+KeyX');
    expect(await actions.getByRole('radio', { name: 'Derivada' }).isChecked()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await actions.getByText('Llamada cerrada').waitFor();

    const row = page.locator(`tr[data-call-id="${callId}"]`);
    await row.getByText('Derivada').waitFor();
    const saved = (await allCalls(app, await lastPosition(page))).find((call) => call.callId === callId);
    expect(saved).toMatchObject({ topic: 'trafficking', status: 'closed', outcome: 'referred', referrals: 1, version: 3 });
    // The call's own stream: received, classified, closed (3 events); and the referral sent to the PNP.
    const { body: call } = await app
      .api('admin')
      .get(`/api/v1/hotline-calls/${callId}`)
      .set('X-Purpose', 'verificación de la prueba')
      .expect(200);
    expect(call).toMatchObject({ status: 'closed', topic: 'trafficking', traffickingRelated: true, outcome: 'referred', version: 3 });
    const { body: pending } = await app
      .api('admin')
      .get(`/api/v1/referrals?minPosition=${await lastPosition(page)}`)
      .expect(200);
    const referrals = pending.referrals as Array<{ sourceId: string; destination: string }>;
    expect(referrals.filter((referral) => referral.sourceId === callId)).toEqual([expect.objectContaining({ destination: 'PNP' })]);
    await page.getByRole('heading', { name: /Llamadas recientes/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'operador-llamadas-recientes');
    await expectAccessible(page);
  });

  it('speaks English on request, with the same screen', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'New call', level: 2 }).waitFor();
    await page.getByRole('heading', { name: /Recent calls/ }).waitFor();
    expect(await page.getByRole('radiogroup', { name: 'Reason for the call' }).textContent()).toContain('Human trafficking');
    expect(await page.locator('[data-testid="recent-calls"]').textContent()).toContain('Referred');
    await screenshot(page, 'operador-en');
    await expectAccessible(page);
    await page.getByText('ES', { exact: true }).click();
  });
});
