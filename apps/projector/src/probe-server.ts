import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type pg from 'pg';
import type { ProjectionDaemon } from '#event-store';
import { failingLongerThan, projectionOverview, SCRAPER_ONLY, scraperAllowed, type AppConfig, type RegistryMetrics } from '#platform';

const PROBLEM_JSON = 'application/problem+json';

export interface ProbeDependencies {
  config: AppConfig;
  pool: pg.Pool;
  daemon: ProjectionDaemon;
  metrics: RegistryMetrics;
  projections: readonly string[];
}

/**
 * The projector's only HTTP surface, for the orchestrator and the scraper (PROJECTOR_PORT): `GET /health/live` (the
 * process answers), `GET /health/ready` (the database answers and no projection has failed longer than
 * READINESS_PROJECTION_FAILURE_SECONDS; it also says which projections this process runs — none on a hot standby) and
 * `GET /metrics` (METRICS_TOKEN, or from this machine when unset: the API's rule). Answers hold no personal data.
 */
export function createProbeServer(deps: ProbeDependencies): Server {
  return createServer((request, response) => {
    void answer(deps, request, response).catch((error: unknown) => {
      if (!response.headersSent) problem(response, 500, 'internal_error', 'Error interno / Internal error', String(error), []);
      else response.destroy();
    });
  });
}

async function answer(deps: ProbeDependencies, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'GET') return problem(response, 404, 'not_found', 'No encontrado / Not found', `${request.method} ${path}`, []);
  if (path === '/health/live') return json(response, 200, { status: 'ok' });
  if (path === '/health/ready') return ready(deps, response);
  if (path === '/metrics') {
    const scrape = {
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress,
      forwardedFor: request.headers['x-forwarded-for'],
    };
    if (!scraperAllowed(deps.config.metricsToken, scrape)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(SCRAPER_ONLY);
      return;
    }
    const { contentType, body } = await deps.metrics.exposition();
    response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    response.end(body);
    return;
  }
  problem(response, 404, 'not_found', 'No encontrado / Not found', path, []);
}

async function ready(deps: ProbeDependencies, response: ServerResponse): Promise<void> {
  let overview;
  try {
    overview = await projectionOverview(deps.pool, deps.projections);
  } catch {
    return problem(response, 503, 'not_ready', 'No preparado / Not ready', 'la base de datos no responde / the database does not answer', [
      { field: 'database', reason: 'la base de datos no responde / the database does not answer' },
    ]);
  }
  const limit = deps.config.readinessProjectionFailureSeconds;
  const failingTooLong = overview.filter((p) => failingLongerThan(p, limit)).map((p) => p.name);
  if (failingTooLong.length > 0) {
    const reason = `proyección(es) fallando más de ${limit} s / projection(s) failing longer than ${limit} s: ${failingTooLong.join(', ')}`;
    return problem(response, 503, 'not_ready', 'No preparado / Not ready', reason, [{ field: 'projections', reason }]);
  }
  const active = deps.daemon.activeProjections();
  json(response, 200, {
    status: 'ok',
    database: 'up',
    role: active.length === 0 ? 'standby' : deps.projections.every((name) => active.includes(name)) ? 'active' : 'partly-active',
    activeProjections: active,
    failing: overview.filter((p) => p.state !== 'running').map((p) => p.name),
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** RFC 9457 problem details, as the API answers them (type, title, status, detail, instance, code, fields). */
function problem(
  response: ServerResponse,
  status: number,
  code: string,
  title: string,
  detail: string,
  fields: Array<{ field: string; reason: string }>,
): void {
  response.writeHead(status, { 'content-type': PROBLEM_JSON, 'cache-control': 'no-store' });
  response.end(
    JSON.stringify({ type: `/problems/${code}`, title, status, detail, instance: response.req?.url?.split('?')[0] ?? '/', code, fields }),
  );
}
