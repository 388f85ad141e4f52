import type pg from 'pg';

/**
 * Resolves when every connection the pool holds now has really closed. `pool.end()` resolves as soon as the pool
 * has let go of its clients, before their sockets close: a server stopped right after it (the embedded one, at the
 * end of a CLI command) terminates those connections, and the pool reports that as an error nobody listens to any
 * more. Bounded: a connection that never closes does not hang the command. Call it before ending the pool.
 */
export function poolClosed(pool: pg.Pool, timeoutMs = 5_000): Promise<void> {
  let open = pool.totalCount;
  if (open === 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    pool.on('remove', () => {
      if (--open > 0) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Ends a pool and waits until its connections have closed (see poolClosed). */
export async function endPool(pool: pg.Pool): Promise<void> {
  const closed = poolClosed(pool);
  if (!pool.ended) await pool.end();
  await closed;
}
