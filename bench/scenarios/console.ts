import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import pg from 'pg';
import { projectRoot } from '#platform';
import { startApp, type AppProcess } from '../lib/app-process.js';
import type { BenchServer } from '../lib/database.js';
import { percentile, type Measurement } from '../lib/measure.js';
import type { BenchOptions } from '../run.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONSOLE_DIR = join(projectRoot(), 'dist', 'console');
/** The call form takes input: a field of it has the focus (a CSS selector; the page's CSP forbids eval'd predicates). */
const FORM_FOCUSED = 'form input:focus:not([disabled])';
/**
 * Times taken inside the page, at the moment things happen: Playwright's own waits poll with a backoff (up to
 * 500 ms between checks), which would measure the poll. Injected through the DevTools protocol, so the page's CSP
 * (no inline script) stays as it is.
 */
const PAGE_CLOCK = `
  window.__marks = { rows: {} };
  document.addEventListener('focusin', (e) => {
    if (window.__marks.formFocus === undefined && e.target.closest && e.target.closest('form')) window.__marks.formFocus = performance.now();
  }, true);
  document.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key === 'Enter') window.__marks.save = performance.now(); }, true);
  new MutationObserver(() => {
    for (const row of document.querySelectorAll('[data-testid="recent-calls"] tr[data-call-id]')) {
      const id = row.getAttribute('data-call-id');
      if (window.__marks.rows[id] === undefined) window.__marks.rows[id] = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
`;
interface Marks {
  formFocus?: number;
  save?: number;
  rows: Record<string, number>;
}
const marks = (page: import('playwright-core').Page) => page.evaluate('window.__marks') as Promise<Marks>;

/**
 * The console as a person meets it (targets in docs/performance.md): the JavaScript the first screen loads (gzip),
 * the time from opening a sign-in link until the operator's form takes input, and from pressing save until the call
 * is in the recent-calls list. The full run loads the demo year first, so the screens are measured against it.
 */
export async function consoleScenarios(server: BenchServer, options: BenchOptions, log: (m: string) => void): Promise<Measurement[]> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error('console not built: npm run build:console');
  const results: Measurement[] = [entryBundle()];
  if (!existsSync(CHROMIUM)) {
    log(`  console timings SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`);
    return results;
  }
  const url = await server.createRegistryDatabase('bench_console');
  const app = await startApp(server.serving(url), { RUN_PROJECTIONS: 'true', SEED_DEMO: options.quick ? 'false' : 'true' });
  const browser = await chromium.launch({
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
    ],
  });
  try {
    if (!options.quick) await demoLoaded(url, log);
    await projectionsCaughtUp(app, log);
    const runs = options.quick ? 3 : 15;
    results.push(await firstScreen(browser, app, runs));
    results.push(await savedCallVisible(browser, app, runs));
  } finally {
    await browser.close();
    await app.stop();
  }
  return results;
}

/** The entry script and everything it preloads, as index.html names them: what the first screen must download. */
function entryBundle(): Measurement {
  const html = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(CONSOLE_DIR, file)), { level: 9 }).length, 0);
  const css = [...html.matchAll(/href="\/(assets\/[^"]+\.css)"/g)].reduce(
    (sum, m) => sum + gzipSync(readFileSync(join(CONSOLE_DIR, m[1]))).length,
    0,
  );
  return {
    scenario: 'console: first screen JavaScript (gzip kB)',
    concurrency: 1,
    operations: files.length,
    seconds: 0,
    throughput: gzip / 1024,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    peakRssMb: 0,
    notes: `${(gzip / 1024).toFixed(1)} kB gzip in ${files.length} files (+ ${(css / 1024).toFixed(1)} kB CSS)`,
  };
}

async function demoLoaded(url: string, log: (m: string) => void): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  log('  waiting for the demo year to load…');
  try {
    for (let i = 0; i < 1200; i++) {
      const { rows } = await pool
        .query<{ done: boolean }>(`SELECT EXISTS (SELECT 1 FROM demo_loads WHERE completed_at IS NOT NULL) AS done`)
        .catch(() => ({ rows: [{ done: false }] }));
      if (rows[0].done) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the demo year did not load in 10 minutes');
  } finally {
    await pool.end();
  }
}

/** The screens are measured on a settled registry, not while the projections still replay the demo year. */
async function projectionsCaughtUp(app: AppProcess, log: (m: string) => void): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    // The log head and the projections are shown to a token only.
    const health = (await (await fetch(`${app.baseUrl}/health`, { headers: { authorization: app.authorization } })).json()) as {
      logHead: number;
      projections: Array<{ position: number }>;
    };
    if (health.projections.every((p) => p.position >= health.logHead)) return;
    if (i % 20 === 0) log(`  projections at ${Math.min(...health.projections.map((p) => p.position))} of ${health.logHead} events…`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the projections did not catch up in 10 minutes');
}

/** A fresh browser profile each run (nothing cached): sign-in link → the call form's first field has focus. */
async function firstScreen(browser: Browser, app: AppProcess, runs: number): Promise<Measurement> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(PAGE_CLOCK);
    const page = await context.newPage();
    await page.goto(await app.signInLink('operator'));
    await page.locator(FORM_FOCUSED).waitFor({ timeout: 15_000 });
    // From the navigation's start (the link opened) to the first focus in the form, in the page's own clock.
    times.push((await marks(page)).formFocus!);
    await context.close();
  }
  return timing('console: sign-in link → call form usable', times);
}

/** Ctrl+Enter on a filled form → the new call's row is in the recent-calls list. */
async function savedCallVisible(browser: Browser, app: AppProcess, runs: number): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(PAGE_CLOCK);
  const page = await context.newPage();
  await page.goto(await app.signInLink('operator'));
  await page.locator(FORM_FOCUSED).waitFor({ timeout: 15_000 });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // As the operator's browser test does: place, then the defaults, the first topic, save.
    await page.keyboard.type('huanuco');
    await page.keyboard.press('Enter');
    for (let tab = 0; tab < 4; tab++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/api/v1/hotline-calls'),
    );
    await page.keyboard.press('Control+Enter');
    const answer = (await (await saved).json()) as { callId: string };
    await page.locator(`[data-testid="recent-calls"] tr[data-call-id="${answer.callId}"]`).waitFor({ timeout: 10_000 });
    await page.locator(FORM_FOCUSED).waitFor();
    const { save, rows } = await marks(page);
    times.push(rows[answer.callId] - save!);
  }
  await context.close();
  return timing('console: save → call in the recent list', times);
}

function timing(scenario: string, times: number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const seconds = times.reduce((a, b) => a + b, 0) / 1000;
  return {
    scenario,
    concurrency: 1,
    operations: times.length,
    seconds,
    throughput: times.length / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    peakRssMb: 0,
    notes: `runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
  };
}
