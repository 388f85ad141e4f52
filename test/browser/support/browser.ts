import { expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '#platform';

/** Debian's Chromium (`apt-get install -y chromium`); `.ci/run` installs it when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(projectRoot(), 'docs', 'screenshots');

/**
 * Browser tests run when Chromium is installed. Without it they are skipped with a message saying so, unless
 * REQUIRE_BROWSER=1 (set by CI), where a missing browser is a failure rather than a silent skip.
 */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) {
  const message = `browser tests: ${CHROMIUM} not found — install it with: apt-get install -y chromium`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

export function launchBrowser(): Promise<Browser> {
  // The flags the machine needs: no sandbox as root, and no background connections to a closed network.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A 1366×768 screen, the hotline's: every screen must work at this size. */
export async function newPage(browser: Browser, language = 'es-PE'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: language, timezoneId: 'America/Lima' });
  return context.newPage();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now. It is evaluated through the DevTools protocol, so the
 * page keeps its real CSP (which refuses inline scripts). Returns the serious and critical violations.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // A string, not a function: the test code is compiled without the DOM's types.
  const violations =
    await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations)`);
  return (violations as AxeViolation[]).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A readable summary for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    )
    .join('\n');
}

/** No serious or critical axe violation on the page as it is now; `where` names the screen in the failure. */
export async function expectAccessible(page: Page, where?: string): Promise<void> {
  const found = describeViolations(await seriousAccessibilityViolations(page));
  expect(where ? `${where}: ${found}` : found).toBe(where ? `${where}: ` : '');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * Waits until `target` holds the keyboard focus: a dialog moves focus to its first field after it opens, and text
 * typed before that (on a loaded machine) would land elsewhere.
 */
export async function focused(target: Locator, timeoutMs = 10_000): Promise<void> {
  const handle = await target.elementHandle({ timeout: timeoutMs });
  await target.page().waitForFunction((element) => element === element?.ownerDocument.activeElement, handle, { timeout: timeoutMs });
}

/**
 * Keys pressed beyond the text typed: the measure of a keyboard-first form. `type` sends text (not counted), `press`
 * sends one keystroke or chord (counted once).
 */
export class Keyboard {
  presses = 0;
  readonly log: string[] = [];

  constructor(private readonly page: Page) {}

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 5 });
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.presses++;
      this.log.push(key);
    }
  }
}
