import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/main.js';
import { CASE_FILE_COLUMNS } from '../../apps/cli/src/import/import-layout.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testAnchorExport } from '../support/anchors.js';
import { captureIO } from '../support/capture-io.js';
import { countEvents } from '../support/database.js';
import { caseRegistration } from '../support/fixtures.js';
import { generateCallsFile, generateCasesFile } from '../../bench/lib/import-file.js';

/** `npm run cli -- import …` against the test app's database, with its master key: the real CLI, the real store. */
describe('import of historic records (CLI)', () => {
  let t: TestApp;
  const masterKey = randomBytes(32).toString('base64');
  const anchors = testAnchorExport();
  const dir = mkdtempSync(join(tmpdir(), 'registro-import-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const cli = async (...args: string[]) => {
    const out = captureIO();
    const code = await runCli(args, out.io, { DATABASE_URL: t.db.url, MASTER_KEY: masterKey, AUTH_JWT_SECRET: t.secret, ...anchors.env });
    return { code, stdout: out.stdout(), stderr: out.stderr() };
  };
  const events = () => countEvents(t.db.pool);

  beforeAll(async () => {
    t = await createTestApp({ MASTER_KEY: masterKey, ...anchors.env });
  });
  afterAll(async () => t.close());

  it('imports a generated 10,000-row file once: the second run appends nothing', async () => {
    const generated = generateCasesFile(10_000);
    const path = file('cases.csv', generated.csv);
    const before = await events();
    const first = await cli('import', 'cases', path, '--source-system', 'reta-2008');
    expect(first.stdout).toContain(`nuevas importadas / imported ${generated.rows} (${generated.cases} casos/cases)`);
    expect(first.stdout).toContain('no válidas / invalid 0');
    expect(first.code).toBe(0);
    const appended = (await events()) - before;
    // Per case: CaseRegistered, one VictimIdentified per victim, RegistryNumberAssigned, and its reservation.
    expect(appended).toBe(generated.cases * 3 + generated.victims);

    const second = await cli('import', 'cases', path, '--source-system', 'reta-2008');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`nuevas importadas / imported 0 (0 casos/cases), ya importadas / already imported ${generated.rows}`);
    expect((await events()) - before).toBe(appended);

    // Every event names its source system, the file and the row it came from; the actor is the importer.
    const sha = /sha256 ([0-9a-f]{64})/.exec(first.stdout)?.[1];
    expect(sha).toHaveLength(64);
    const { rows: provenance } = await t.db.pool.query<{ type: string; n: number; actors: string[]; min: number; max: number }>(
      `SELECT event_type AS type, count(*)::int AS n, array_agg(DISTINCT metadata->>'actor') AS actors,
              min((metadata->'provenance'->>'row')::int) AS min, max((metadata->'provenance'->>'row')::int) AS max
         FROM events WHERE metadata->'provenance'->>'fileSha256' = $1 AND metadata->'provenance'->>'sourceSystem' = 'reta-2008'
        GROUP BY event_type ORDER BY 1`,
      [sha],
    );
    expect(provenance.map((p) => [p.type, p.n])).toEqual([
      ['CaseRegistered', generated.cases],
      ['RegistryNumberAssigned', generated.cases],
      ['RegistryNumberReserved', generated.cases],
      ['VictimIdentified', generated.victims],
    ]);
    expect(new Set(provenance.flatMap((p) => p.actors))).toEqual(new Set(['cli:import']));
    expect(Math.min(...provenance.map((p) => p.min))).toBe(2);
    expect(Math.max(...provenance.map((p) => p.max))).toBe(generated.rows + 1);
    // Line 2's events: its case's reservation, registration and number, and its victim when it names one.
    const lineTwoHasVictim = generated.csv.split('\n')[1].split(',')[CASE_FILE_COLUMNS.indexOf('source_victim_id')] !== '';
    const { rows: lineTwo } = await t.db.pool.query(
      `SELECT event_type FROM events WHERE metadata->'provenance'->>'fileSha256' = $1 AND metadata->'provenance'->>'row' = '2' ORDER BY global_position`,
      [sha],
    );
    expect(lineTwo.map((r) => r.event_type)).toEqual([
      'RegistryNumberReserved',
      'CaseRegistered',
      ...(lineTwoHasVictim ? ['VictimIdentified'] : []),
      'RegistryNumberAssigned',
    ]);

    // Dated by their facts: registration times from the file, recorded now.
    const { rows: dated } = await t.db.pool.query<{ registered: string; recorded: Date }>(
      `SELECT data->>'registeredAt' AS registered, recorded_at AS recorded FROM events
        WHERE event_type = 'CaseRegistered' AND metadata->'provenance'->>'row' = '2' AND metadata->'provenance'->>'fileSha256' = $1`,
      [sha],
    );
    const [firstLine] = generated.csv
      .split('\n')
      .slice(1, 2)
      .map((l) => l.split(','));
    expect(dated[0].registered).toBe(new Date(firstLine[CASE_FILE_COLUMNS.indexOf('registered_at')]).toISOString());
    expect(Date.now() - dated[0].recorded.getTime()).toBeLessThan(600_000);

    // Registry numbers: unique, per department and year, gap-free from 1.
    const { rows: numbers } = await t.db.pool.query<{ stream: string; n: number; max: number; distinct: number }>(
      `SELECT stream_id AS stream, count(*)::int AS n, max(stream_position)::int AS max, count(DISTINCT data->>'registryNumber')::int AS distinct
         FROM events WHERE event_type = 'RegistryNumberReserved' GROUP BY stream_id`,
    );
    for (const stream of numbers) expect([stream.n, stream.distinct]).toEqual([stream.max, stream.max]);
    const { rows: assigned } = await t.db.pool.query<{ n: number }>(
      `SELECT count(DISTINCT data->>'registryNumber')::int AS n FROM events WHERE event_type = 'RegistryNumberAssigned'`,
    );
    expect(assigned[0].n).toBe(generated.cases);

    // Personal fields are sealed: neither a name nor a document number of the file is in clear in the log.
    const { rows: clear } = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%Persona Histórica%' OR data::text LIKE $1 OR metadata::text LIKE $1`,
      [`%${generated.someDocumentNumber}%`],
    );
    expect(clear[0].n).toBe(0);
    // The hash chains of the imported streams check out, as any appended through the API.
    const verified = await cli('verify');
    expect(verified.code).toBe(0);
    // …and the cases open through the API, which reads them as any other.
    await t.project();
    const list = await t.api('admin').get('/api/v1/cases').query({ limit: 1 }).expect(200);
    const caseId = list.body.items[0].caseId as string;
    const view = await t.api('admin').get(`/api/v1/cases/${caseId}`).expect(200);
    expect(view.body.registryNumber).toMatch(/^\d{2}-\d{4}-\d{6}$/);
  }, 240_000);

  it('--dry-run reports every planted bad row by its line, field and reason, and appends nothing', async () => {
    const generated = generateCasesFile(60, 21);
    const lines = generated.csv.trimEnd().split('\n');
    const column = (name: string) => CASE_FILE_COLUMNS.indexOf(name as (typeof CASE_FILE_COLUMNS)[number]);
    const plant = (fileLine: number, name: string, value: string) => {
      const cells = lines[fileLine - 1].split(',');
      cells[column(name)] = value;
      lines[fileLine - 1] = cells.join(',');
    };
    // Single-row cases are easiest to reason about: plant on rows whose case has no other row.
    const caseOf = (fileLine: number) => lines[fileLine - 1].split(',')[0];
    const alone = Array.from({ length: lines.length - 1 }, (_, i) => i + 2).filter(
      (l) => lines.filter((other) => other.split(',')[0] === caseOf(l)).length === 1,
    );
    expect(alone.length).toBeGreaterThanOrEqual(6);
    const [a, b, c, d, e, f] = alone;
    plant(a, 'offences', 'cp999-nope');
    plant(b, 'registered_at', '2019-02-30');
    plant(c, 'exploitation_place', 'PE');
    plant(d, 'ubigeo', '999999');
    plant(e, 'victim_sex', 'feminine');
    // Ley 31146's article is not in force in 2010: refused by the decider (law in force), not at the edge.
    plant(f, 'registered_at', '2010-05-04T10:00:00-05:00');
    plant(f, 'occurred_at', '2010-05-01');
    plant(f, 'offences', 'cp129a-l31146');
    const path = file('planted.csv', `${lines.join('\n')}\n`);
    const before = await events();
    const run = await cli('import', 'cases', path, '--dry-run', '--source-system', 'planted');
    expect(run.code).toBe(2);
    expect(await events()).toBe(before);
    expect(run.stdout).toContain('dry run (nothing appended)');
    expect(run.stdout).toMatch(new RegExp(`línea/line ${a}, offences: código desconocido «cp999-nope»`));
    expect(run.stdout).toMatch(new RegExp(`línea/line ${b}, registered_at: `));
    expect(run.stdout).toMatch(new RegExp(`línea/line ${c}, exploitation_place: .*UBIGEO`));
    expect(run.stdout).toMatch(new RegExp(`línea/line ${d}, ubigeo: UBIGEO desconocido «999999»`));
    expect(run.stdout).toMatch(new RegExp(`línea/line ${e}, victim_sex: `));
    expect(run.stdout).toMatch(new RegExp(`línea/line ${f}, offences \\(offences\\[0\\]\\): `));
    const reported = [...run.stdout.matchAll(/línea\/line (\d+),/g)].map((m) => Number(m[1]));
    expect(new Set(reported)).toEqual(new Set([a, b, c, d, e, f]));
    expect(run.stdout).toContain(`no válidas / invalid 6`);
    expect(run.stdout).toContain(`nuevas se importarían / would be imported ${generated.rows - 6}`);

    // The real run imports the valid cases and refuses the planted ones (the offence not in force among them).
    const real = await cli('import', 'cases', path, '--source-system', 'planted');
    expect(real.code).toBe(2);
    expect(real.stdout).toMatch(new RegExp(`línea/line ${f}, offences \\(offences\\[0\\]\\): `));
    const { rows } = await t.db.pool.query<{ row: number }>(
      `SELECT DISTINCT (metadata->'provenance'->>'row')::int AS row FROM events WHERE metadata->'provenance'->>'sourceSystem' = 'planted'`,
    );
    const imported = new Set(rows.map((r) => r.row));
    for (const bad of [a, b, c, d, e, f]) expect(imported.has(bad)).toBe(false);
    expect(imported.size).toBe(generated.rows - 6);
  }, 60_000);

  it('refuses a case whose rows disagree, and a file whose header lacks columns, naming them', async () => {
    const generated = generateCasesFile(5, 33);
    const [header, ...rows] = generated.csv.trimEnd().split('\n');
    const twin = rows[0].split(',');
    twin[CASE_FILE_COLUMNS.indexOf('source_victim_id')] = 'V9';
    twin[CASE_FILE_COLUMNS.indexOf('police_unit')] = 'Otra unidad';
    const disagreeing = await cli('import', 'cases', file('disagree.csv', [header, rows[0], twin.join(','), ''].join('\n')), '--dry-run');
    expect(disagreeing.code).toBe(2);
    expect(disagreeing.stdout).toContain('línea/line 3, police_unit: no coincide con la línea 2 del mismo caso');
    expect(disagreeing.stdout).toContain('línea/line 2, source_case_id: el caso no se importa: su línea 3 no es válida');

    const without = header.split(',').filter((c) => c !== 'ubigeo' && c !== 'victim_sex');
    const bad = await cli('import', 'cases', file('bad-header.csv', `${without.join(',')}\n`));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('faltan las columnas ubigeo, victim_sex');
    const missing = await cli('import', 'cases', join(dir, 'nowhere.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no se puede leer el archivo');
    // A good file and no registry: the CLI never creates an empty one.
    const empty = mkdtempSync(join(tmpdir(), 'registro-import-nodata-'));
    const out = captureIO();
    const good = file('good.csv', generated.csv);
    expect(await runCli(['import', 'cases', good], out.io, { DATA_DIR: empty, MASTER_KEY: masterKey })).toBe(2);
    expect(out.stderr()).toContain(`no hay datos en ${empty}`);
  });

  it('imports historic hotline calls (with --calls or import calls), idempotently', async () => {
    const path = file('calls.csv', generateCallsFile(300));
    const before = await events();
    const first = await cli('import', 'calls', path);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('nuevas importadas / imported 300 (300 llamadas/calls)');
    expect((await events()) - before).toBe(300);
    const again = await cli('import', 'cases', file('empty-cases.csv', `${CASE_FILE_COLUMNS.join(',')}\n`), '--calls', path);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('ya importadas / already imported 300');
    expect((await events()) - before).toBe(300);
  });

  it('numbers imported cases and cases the API registers meanwhile in one department-year, unique and gap-free', async () => {
    const header = CASE_FILE_COLUMNS.join(',');
    const cells = (n: number): Record<string, string> => ({
      source_case_id: `N-${n}`,
      registered_at: `2025-0${1 + (n % 9)}-1${n % 10}T09:00:00-05:00`,
      police_unit: 'DEPINCRI Cusco',
      ubigeo: '080108',
      source: 'walk_in',
      offences: 'cp129a-l31146',
    });
    const rows = Array.from({ length: 400 }, (_, i) => CASE_FILE_COLUMNS.map((c) => cells(i + 1)[c] ?? '').join(','));
    const path = file('cusco-2025.csv', [header, ...rows, ''].join('\n'));
    const [imported, ...answers] = await Promise.all([
      cli('import', 'cases', path, '--source-system', 'numbers'),
      ...Array.from({ length: 16 }, () =>
        t
          .api('police')
          .post('/api/v1/cases')
          .send(caseRegistration({ caseId: randomUUID(), ubigeo: '080108' })),
      ),
    ]);
    expect((imported as { code: number }).code).toBe(0);
    const api = answers as Array<{ status: number; body: { registryNumber: string } }>;
    expect(api.map((a) => a.status)).toEqual(api.map(() => 201));
    const { rows: reserved } = await t.db.pool.query<{ position: number; number: string; caseId: string }>(
      `SELECT stream_position AS position, data->>'registryNumber' AS number, data->>'caseId' AS "caseId"
         FROM events WHERE stream_id = 'registry-number-08-2025' ORDER BY stream_position`,
    );
    expect(reserved.length).toBe(416);
    expect(reserved.map((r) => Number(r.number.split('-')[2]))).toEqual(reserved.map((r) => r.position));
    expect(new Set(reserved.map((r) => r.caseId)).size).toBe(416);
    for (const a of api) expect(reserved.map((r) => r.number)).toContain(a.body.registryNumber);
    const { rows: assigned } = await t.db.pool.query<{ n: number }>(
      `SELECT count(DISTINCT data->>'registryNumber')::int AS n FROM events WHERE event_type = 'RegistryNumberAssigned' AND data->>'registryNumber' LIKE '08-2025-%'`,
    );
    expect(assigned[0].n).toBe(416);
  }, 120_000);

  it('shows the import as a revision of a publication made before it', async () => {
    // A month with no case yet: the import adds cases registered then, recorded now.
    const month = '2007-03';
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);
    const publicationId = randomUUID();
    await t.api('analyst').post('/api/v1/publications').send({ publicationId, kind: 'monthly', period: month }).expect(201);
    const original = await t.api('analyst').get(`/api/v1/publications/${publicationId}`).expect(200);

    const header = CASE_FILE_COLUMNS.join(',');
    const row = (n: number) =>
      CASE_FILE_COLUMNS.map(
        (c) =>
          ({
            source_case_id: `M-${n}`,
            registered_at: '2007-03-15',
            police_unit: 'DIRCTPTIM Lima',
            ubigeo: '150101',
            source: 'walk_in',
            purposes: 'sexual_exploitation',
            offences: 'cp153-l28950',
            source_victim_id: 'V1',
            victim_sex: 'female',
            victim_age: '16',
            victim_nationality: 'PE',
          })[c as string] ?? '',
      ).join(',');
    const path = file('march-2007.csv', [header, ...Array.from({ length: 8 }, (_, i) => row(i + 1)), ''].join('\n'));
    expect((await cli('import', 'cases', path, '--source-system', 'revision')).code).toBe(0);
    await t.project();
    await t.api('admin').post('/api/v1/statistics/release-points').expect(201);

    // The publication itself never changes; its revisions list the cells the import moved.
    expect((await t.api('analyst').get(`/api/v1/publications/${publicationId}`).expect(200)).text).toBe(original.text);
    const revisions = await t.api('analyst').get(`/api/v1/publications/${publicationId}/revisions`).expect(200);
    const changes = revisions.body.changes as Array<{
      table: string;
      row: string;
      column: string;
      published: number | null;
      current: number | null;
    }>;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((c) => (c.current ?? 0) > (c.published ?? 0))).toBe(true);
  });
});
