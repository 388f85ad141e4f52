import type { DataSource } from 'typeorm';
import { DomainError } from '#domain';

/** `minPosition` names no event, or the projections did not reach it in time (HTTP 409). */
export class MinPositionNotReached extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    readonly requested: number,
    beyondHead: boolean,
  ) {
    super(
      'position_not_reached',
      beyondHead
        ? `El registro no tiene un evento en la posición ${requested}`
        : `Las tablas de lectura aún no incluyen el evento ${requested}; reintente en unos segundos`,
      beyondHead
        ? `The log has no event at position ${requested}`
        : `The read tables do not include event ${requested} yet; retry in a few seconds`,
      [
        {
          field: 'minPosition',
          reason: beyondHead ? 'no es la posición de un evento del registro' : 'aún no alcanzada',
          reasonEn: beyondHead ? 'is not the position of an event in the log' : 'not reached yet',
        },
      ],
    );
  }
}

const POLL_MS = 10;

/**
 * Read-your-writes: waits until every named projection has processed the event at global position `position`
 * (what a command answered as `position`). Projections read in (transaction id, global position) order, so the
 * checkpoint is compared with that event's own pair, not with the bare position: an event with a lower global
 * position may commit later and be read later. Throws MinPositionNotReached when there is no such event or
 * when `timeoutMs` passes first.
 */
export async function waitForPosition(
  dataSource: DataSource,
  position: number,
  projections: readonly string[],
  timeoutMs: number,
  /** EVENT_STORE=kurrentdb: the position is KurrentDB's, and its event may not be in PostgreSQL's copy yet: wait for it too. */
  copiedLog = false,
): Promise<void> {
  if (position <= 0 || projections.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  const eventAt = (): Promise<Array<{ transaction_id: string }>> =>
    dataSource.query('SELECT transaction_id::text AS transaction_id FROM events WHERE global_position = $1', [position]);
  let found = await eventAt();
  while (found.length === 0 && copiedLog && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    found = await eventAt();
  }
  if (found.length === 0) throw new MinPositionNotReached(position, true);
  for (;;) {
    const [row]: Array<{ reached: number }> = await dataSource.query(
      `SELECT count(*)::int AS reached FROM projection_checkpoints
        WHERE projection_name = ANY($3::text[])
          AND (transaction_id > $1::xid8 OR (transaction_id = $1::xid8 AND global_position >= $2))`,
      [found[0].transaction_id, position, projections],
    );
    if (row.reached === new Set(projections).size) return;
    if (Date.now() >= deadline) throw new MinPositionNotReached(position, false);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
