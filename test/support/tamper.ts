import type pg from 'pg';
import { chainHash, GENESIS_HASH, headsAt } from '#event-store';

/** Runs `change` with the append-only triggers of `tables` off: what only the owner of the tables can do. */
export async function asOwnerWithoutTriggers(
  pool: pg.Pool,
  tables: readonly string[],
  change: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const table of tables) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_update_delete`);
    await change(client);
    for (const table of tables) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_update_delete`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The complete rewrite someone with the owner's rights could do: one event's data changed, its stream's chain
 * recomputed from there, every anchor's heads hash and recorded heads brought in line, so that the chains and the
 * anchors in the database all check out again. Only what was exported outside the database can tell.
 */
export async function rewriteStreamAsOwner(
  pool: pg.Pool,
  streamId: string,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  await asOwnerWithoutTriggers(pool, ['events', 'integrity_anchors', 'integrity_anchor_heads'], async (client) => {
    const { rows } = await client.query<{
      global_position: string;
      stream_position: number;
      event_id: string;
      event_type: string;
      schema_version: number;
      data: Record<string, unknown>;
      metadata: unknown;
      recorded_at: Date;
    }>(
      'SELECT global_position, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at FROM events WHERE stream_id = $1 ORDER BY stream_position',
      [streamId],
    );
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const data = i === 0 ? change(row.data) : row.data;
      const hash = chainHash(prev, {
        streamId,
        streamPosition: row.stream_position,
        eventId: row.event_id,
        type: row.event_type,
        schemaVersion: row.schema_version,
        data,
        metadata: row.metadata,
        recordedAt: row.recorded_at.toISOString(),
      });
      await client.query('UPDATE events SET data = $2::jsonb, prev_hash = $3, hash = $4 WHERE global_position = $1', [
        row.global_position,
        JSON.stringify(data),
        prev,
        hash,
      ]);
      prev = hash;
    }
    await client.query(
      `UPDATE integrity_anchor_heads h SET hash = e.hash FROM events e
        WHERE h.stream_id = $1 AND e.stream_id = h.stream_id AND e.stream_position = h.stream_position`,
      [streamId],
    );
    const anchors = await client.query<{ anchor_id: string; transaction_id: string; global_position: string }>(
      'SELECT anchor_id, transaction_id::text AS transaction_id, global_position FROM integrity_anchors',
    );
    for (const anchor of anchors.rows) {
      const heads = await headsAt(client, { transactionId: anchor.transaction_id, globalPosition: Number(anchor.global_position) });
      await client.query('UPDATE integrity_anchors SET heads_hash = $2 WHERE anchor_id = $1', [anchor.anchor_id, heads.headsHash]);
    }
  });
}
