import { timingSafeEqual } from 'node:crypto';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** What a metrics request shows of itself: its Authorization header, the socket's address, X-Forwarded-For. */
export interface ScrapeRequest {
  authorization: string | undefined;
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
}

/**
 * Who may read the metrics (the API's and the projector's GET /metrics): with METRICS_TOKEN set, whoever sends
 * `Authorization: Bearer <METRICS_TOKEN>`; without it, only a client on this machine that came through no proxy.
 */
export function scraperAllowed(metricsToken: string | null, request: ScrapeRequest): boolean {
  if (metricsToken !== null) {
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(metricsToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  return LOOPBACK.has(request.remoteAddress ?? '') && request.forwardedFor === undefined;
}

export const SCRAPER_ONLY =
  'métricas solo para el recolector: METRICS_TOKEN o desde esta máquina / metrics are for the scraper only: METRICS_TOKEN, or from this machine\n';
