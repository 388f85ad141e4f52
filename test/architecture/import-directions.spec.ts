import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

/** The lint rule that keeps the layers apart must actually fire (npm test runs ESLint before Jest). */
describe('import directions', () => {
  const eslint = new ESLint();
  const problems = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0].messages.map((m) => m.ruleId);

  it.each([
    ['libs/domain/src/x.ts', "import { Injectable } from '@nestjs/common'; export const x = Injectable;"],
    ['libs/domain/src/x.ts', "import { Pool } from 'pg'; export const x = Pool;"],
    ['libs/domain/src/x.ts', "import { PostgresEventStore } from '#event-store'; export const x = PostgresEventStore;"],
    ['libs/event-store/src/x.ts', "import { fold } from '#domain'; export const x = fold;"],
    ['libs/read-models/src/x.ts', "import { loadConfig } from '#platform'; export const x = loadConfig;"],
    ['libs/platform/src/x.ts', "import { createApp } from '../../../apps/api/src/create-app.js'; export const x = createApp;"],
    // The same directions through the libraries' subpath imports (package.json "imports").
    ['libs/domain/src/x.ts', "import { PostgresEventStore } from '#event-store'; export const x = PostgresEventStore;"],
    ['libs/event-store/src/x.ts', "import { fold } from '#domain'; export const x = fold;"],
    ['libs/read-models/src/x.ts', "import { loadConfig } from '#platform'; export const x = loadConfig;"],
  ])('refuses %s importing %s', async (filePath, code) => {
    expect(await problems(filePath, code)).toContain('no-restricted-imports');
  });

  it('refuses clocks and randomness in the domain', async () => {
    expect(await problems('libs/domain/src/x.ts', 'export const x = [Date.now(), new Date(), Math.random()];')).toEqual([
      'no-restricted-syntax',
      'no-restricted-syntax',
      'no-restricted-syntax',
    ]);
  });

  it('allows the intended directions', async () => {
    expect(
      await problems(
        'libs/read-models/src/x.ts',
        "import { fold } from '#domain'; import { Upcasters } from '#event-store'; export const x = [fold, Upcasters];",
      ),
    ).toEqual([]);
    expect(await problems('apps/api/src/x.ts', "import { loadConfig } from '#platform'; export const x = loadConfig;")).toEqual([]);
  });
});
