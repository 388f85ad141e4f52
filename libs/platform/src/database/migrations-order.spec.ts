import { expect, it } from '@jest/globals';
import { MIGRATIONS } from './data-source.js';

it('lists the migrations in timestamp order, so the last one is the head backups record', () => {
  const timestamps = MIGRATIONS.map((migration) => Number(/(\d+)$/.exec(migration.name)?.[1]));
  expect(timestamps.every((timestamp) => Number.isSafeInteger(timestamp) && timestamp > 0)).toBe(true);
  expect(new Set(MIGRATIONS.map((migration) => migration.name)).size).toBe(MIGRATIONS.length);
  expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
  expect(MIGRATIONS.at(-1)!.name).toBe(`${MIGRATIONS.at(-1)!.name.replace(/\d+$/, '')}${Math.max(...timestamps)}`);
});
