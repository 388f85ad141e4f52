import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { NotFound } from '#domain';
import { AnchorExporter, PG_POOL, verifyRegistry, type RegistryIntegrityReport } from '#platform';

/** A walk still 'running' after this long was interrupted (its replica stopped): it no longer blocks a new one. */
const STALE_AFTER = '1 hour';

export interface IntegrityVerification {
  verificationId: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  /** The walk's result once done (ok=false names the first broken link or anchor); null while running or failed. */
  report: RegistryIntegrityReport | null;
}

export const verificationNotFound = () =>
  new NotFound('verification_not_found', 'La verificación no existe', 'The verification does not exist');

interface Row {
  verification_id: string;
  status: IntegrityVerification['status'];
  started_at: Date;
  finished_at: Date | null;
  report: RegistryIntegrityReport | null;
}

const toVerification = (row: Row): IntegrityVerification => ({
  verificationId: row.verification_id,
  status: row.status,
  startedAt: row.started_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  report: row.report,
});

/**
 * The integrity walk (every hash chain, every anchor, the audit chain, the exported signed anchors) as a job: `start` records it and runs it in the background
 * of this replica, answering at once; `get` and `recent` read its status and report. One at a time across
 * replicas: starting while one runs answers the running one.
 */
@Injectable()
export class IntegrityVerifications implements OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private readonly running = new Set<Promise<void>>();

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly exporter: AnchorExporter,
  ) {}

  async start(requestedBy: string): Promise<{ verification: IntegrityVerification; started: boolean }> {
    await this.pool.query(`UPDATE integrity_verifications SET status = 'failed', finished_at = clock_timestamp()
      WHERE status = 'running' AND started_at < now() - interval '${STALE_AFTER}'`);
    const id = randomUUID();
    const inserted = await this.pool.query<Row>(
      `INSERT INTO integrity_verifications (verification_id, status, requested_by) VALUES ($1, 'running', $2)
       ON CONFLICT DO NOTHING RETURNING *`,
      [id, requestedBy],
    );
    if (inserted.rows.length === 0) {
      const current = await this.pool.query<Row>(`SELECT * FROM integrity_verifications WHERE status = 'running'`);
      // It may have finished in between: then start again.
      if (current.rows.length === 0) return this.start(requestedBy);
      return { verification: toVerification(current.rows[0]), started: false };
    }
    const job = this.walk(id).finally(() => this.running.delete(job));
    this.running.add(job);
    return { verification: toVerification(inserted.rows[0]), started: true };
  }

  async get(id: string): Promise<IntegrityVerification> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM integrity_verifications WHERE verification_id = $1', [id]);
    if (rows.length === 0) throw verificationNotFound();
    return toVerification(rows[0]);
  }

  /** The most recent verifications, newest first. */
  async recent(limit = 10): Promise<IntegrityVerification[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM integrity_verifications ORDER BY started_at DESC LIMIT $1', [limit]);
    return rows.map(toVerification);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async walk(id: string): Promise<void> {
    try {
      const report = await verifyRegistry(this.pool, this.exporter);
      await this.pool.query(
        `UPDATE integrity_verifications SET status = 'done', finished_at = clock_timestamp(), report = $2 WHERE verification_id = $1`,
        [id, JSON.stringify(report)],
      );
    } catch (error) {
      this.logger.error(`integrity verification ${id} failed: ${(error as Error).message}`);
      await this.pool
        .query(`UPDATE integrity_verifications SET status = 'failed', finished_at = clock_timestamp() WHERE verification_id = $1`, [id])
        .catch(() => undefined);
    }
  }
}
