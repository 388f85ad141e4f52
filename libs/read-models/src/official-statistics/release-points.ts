import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, InvalidCommand } from '#domain';
import { readStatisticsPosition } from './statistics-cells.query.js';

/**
 * Release points: the only log positions at which analysts (and every publication) see the statistics, so that
 * nobody can pick two positions a few events apart and subtract the answers to isolate those events.
 *
 * - `period_close`: for every calendar month (America/Lima) that the log has left behind — some event was recorded
 *   after it ended — the position of the last event recorded in it. Derived from the log alone, never chosen.
 * - `declared`: a position an administrator recorded as released ("close period" now), e.g. before the first
 *   month has closed or for an extraordinary publication.
 *
 * Positions only: the day of a release point is what an analyst learns about time (never the time of an event).
 */
export interface ReleasePoint {
  position: number;
  kind: 'period_close' | 'declared';
  /** The day (America/Lima, YYYY-MM-DD): the last day of the month closed, or the day the point was declared. */
  day: string;
  /** The month closed (YYYY-MM), null for a declared point. */
  period: string | null;
}

/** Every release point, oldest first; one per position (a period close wins over a declaration at the same position). */
export async function listReleasePoints(manager: EntityManager | DataSource): Promise<ReleasePoint[]> {
  const closes: Array<{ period: string; position: string }> = await manager.query(`
    WITH logged AS (
      SELECT unnest(positions) AS position, unnest(recorded_at) AS recorded_at FROM stat_log_times
    ), months AS (
      SELECT to_char(recorded_at AT TIME ZONE 'America/Lima', 'YYYY-MM') AS period, max(position) AS position
        FROM logged GROUP BY 1
    )
    SELECT period, position::text AS position FROM months WHERE period < (SELECT max(period) FROM months) ORDER BY period`);
  const declared: Array<{ position: string; day: string }> = await manager.query(
    `SELECT log_position::text AS position, to_char(declared_at AT TIME ZONE 'America/Lima', 'YYYY-MM-DD') AS day
       FROM stat_release_points ORDER BY log_position`,
  );
  const points = new Map<number, ReleasePoint>();
  for (const row of declared)
    points.set(Number(row.position), { position: Number(row.position), kind: 'declared', day: row.day, period: null });
  for (const row of closes) {
    points.set(Number(row.position), {
      position: Number(row.position),
      kind: 'period_close',
      day: lastDayOf(row.period),
      period: row.period,
    });
  }
  return [...points.values()].sort((a, b) => a.position - b.position);
}

/** Records the statistics' current position as a release point (idempotent: the same position is one point). */
export async function declareReleasePoint(dataSource: DataSource, now: string): Promise<ReleasePoint> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const position = await readStatisticsPosition(manager);
    await manager.query(
      'INSERT INTO stat_release_points (log_position, declared_at) VALUES ($1, $2) ON CONFLICT (log_position) DO NOTHING',
      [position, now],
    );
    const point = (await listReleasePoints(manager)).find((p) => p.position === position);
    if (!point) throw new Error(`release point ${position} not recorded`);
    return point;
  });
}

export class NoReleasePoint extends DomainError {
  readonly kind = 'conflict' as const;
  constructor() {
    super(
      'no_release_point',
      'Aún no hay un punto de publicación de las estadísticas (cierre de mes o cierre declarado por un administrador)',
      'There is no release point of the statistics yet (a month close or a close declared by an administrator)',
    );
  }
}

export const RELEASE_POINTS_PATH = '/api/v1/statistics/release-points';

/**
 * The position an analyst reads at: the latest release point when none is asked for, else the one asked for,
 * which must be a release point (400 naming `asOf`, pointing at the list).
 */
export async function resolveReleasePoint(manager: EntityManager | DataSource, asOf: number | null | undefined): Promise<ReleasePoint> {
  const points = await listReleasePoints(manager);
  if (asOf === null || asOf === undefined) {
    const latest = points[points.length - 1];
    if (!latest) throw new NoReleasePoint();
    return latest;
  }
  const point = points.find((p) => p.position === asOf);
  if (!point) {
    throw new InvalidCommand([
      {
        field: 'asOf',
        reason: `debe ser un punto de publicación de las estadísticas (ver GET ${RELEASE_POINTS_PATH})`,
        reasonEn: `must be a release point of the statistics (see GET ${RELEASE_POINTS_PATH})`,
      },
    ]);
  }
  return point;
}

function lastDayOf(period: string): string {
  const [year, month] = period.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/**
 * The instant rounded down to the start of its day in Lima (UTC−5 all year since 1994), as an ISO instant: the
 * finest time an analyst output carries.
 */
export function limaDayStart(instantIso: string): string {
  const LIMA_OFFSET_MS = 5 * 3_600_000;
  const local = Date.parse(instantIso) - LIMA_OFFSET_MS;
  const day = Math.floor(local / 86_400_000) * 86_400_000;
  return new Date(day + LIMA_OFFSET_MS).toISOString();
}
