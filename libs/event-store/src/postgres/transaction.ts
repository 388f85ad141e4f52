import type pg from 'pg';

/**
 * Runs `work` on one connection of the pool inside BEGIN … COMMIT; any error rolls back (a failed rollback does not
 * hide the error) and is rethrown; the connection always goes back to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
