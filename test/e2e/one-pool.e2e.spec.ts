import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { PG_POOL } from '#platform';
import { createTestApp, type TestApp } from '../support/app.js';

/** One database pool per process: TypeORM's read-model queries run on the event store's pool (DATABASE_POOL_SIZE). */
describe('one database pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '7' });
  });
  afterAll(async () => t.close());

  it('gives TypeORM the same pool as the event store, sized by DATABASE_POOL_SIZE', async () => {
    const pool = t.app.get<pg.Pool>(PG_POOL);
    const dataSource = t.app.get(DataSource);
    expect((dataSource.driver as unknown as { master: unknown }).master).toBe(pool);
    expect(pool.options.max).toBe(7);
    // Read-model queries and appends both go through it: many at once never open more than its size.
    await Promise.all(Array.from({ length: 30 }, () => dataSource.query('SELECT pg_sleep(0.01)')));
    expect(pool.totalCount).toBeLessThanOrEqual(7);
  });
});
