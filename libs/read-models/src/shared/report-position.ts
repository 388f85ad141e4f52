import type { EntityManager } from 'typeorm';

/** The log position a report reflects: everything up to it, in the gap-safe order, is counted. */
export interface ReportPosition {
  transactionId: string;
  globalPosition: number;
  eventsProcessed: number;
}

export async function readProjectionPosition(manager: EntityManager, projection: string): Promise<ReportPosition> {
  const rows: Array<{ transaction_id: string; global_position: string; events_processed: string }> = await manager.query(
    `SELECT transaction_id::text AS transaction_id, global_position, events_processed
       FROM projection_checkpoints WHERE projection_name = $1`,
    [projection],
  );
  const row = rows[0];
  return {
    transactionId: row?.transaction_id ?? '0',
    globalPosition: Number(row?.global_position ?? 0),
    eventsProcessed: Number(row?.events_processed ?? 0),
  };
}
