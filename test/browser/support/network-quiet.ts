import type { Page, Request } from 'playwright-core';

/** The console's long-lived server-sent event stream: never "finished", so never counted as pending. */
const STREAMS = /\/api\/v1\/referrals\/notifications(\?|$)/;

/**
 * Playwright's `networkidle` as the screens need it: no request in flight for `quietMs`, the event stream (open
 * for as long as the session) left out — with it open, `networkidle` is never reached.
 */
export function trackNetwork(page: Page) {
  const pending = new Set<Request>();
  let lastChange = Date.now();
  page.on('request', (request) => {
    if (STREAMS.test(request.url())) return;
    pending.add(request);
    lastChange = Date.now();
  });
  const done = (request: Request) => {
    if (pending.delete(request)) lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async quiet(quietMs = 500, timeoutMs = 30_000): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (pending.size > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > end) throw new Error(`network not quiet after ${timeoutMs} ms: ${[...pending].map((r) => r.url()).join(', ')}`);
        await page.waitForTimeout(100);
      }
    },
  };
}
