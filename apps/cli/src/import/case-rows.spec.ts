import { describe, expect, it } from '@jest/globals';
import { loadCatalogs, projectRoot } from '#platform';
import { join } from 'node:path';
import { UsageError } from '../cli-errors.js';
import { parseCommandLine } from '../command-line.js';
import { readCalls } from './call-rows.js';
import { locateField, parseFileInstant, readCases, type SourceRow } from './case-rows.js';
import { CALL_FILE_COLUMNS, CASE_FILE_COLUMNS, type CallFileColumn, type CaseFileColumn } from './import-layout.js';

const catalogs = loadCatalogs(join(projectRoot(), 'seeds'));
const blank = Object.fromEntries(CASE_FILE_COLUMNS.map((c) => [c, ''])) as Record<CaseFileColumn, string>;
const FACTS = {
  source_case_id: 'R-1',
  registered_at: '2012-05-14',
  police_unit: 'DIRCTPTIM Lima',
  ubigeo: '150101',
  source: 'walk_in',
  offences: 'cp153-l28950',
};
const row = (line: number, cells: Partial<Record<CaseFileColumn, string>>): SourceRow => ({
  line,
  cells: { ...blank, ...FACTS, ...cells },
});
const victim = (id: string, more: Partial<Record<CaseFileColumn, string>> = {}) => ({
  source_victim_id: id,
  victim_sex: 'female',
  ...more,
});

describe('rows of a cases file', () => {
  it('groups the rows of a case, one victim each, and reads dates as Lima days', () => {
    const { cases, problems } = readCases(
      [row(2, victim('V1', { victim_age: '16' })), row(3, victim('V2')), row(4, { source_case_id: 'R-2' })],
      catalogs,
    );
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.sourceCaseId, c.lines, c.victims.map((v) => v.line)])).toEqual([
      ['R-1', [2, 3], [2, 3]],
      ['R-2', [4], []],
    ]);
    expect(cases[0].data.registeredAt).toBe('2012-05-14T05:00:00.000Z');
    expect(cases[0].data.victims.map((v) => [v.sex, v.age, v.nationality])).toEqual([
      ['female', 16, 'unknown'],
      ['female', null, 'unknown'],
    ]);
    expect(parseFileInstant('2012-02-30')).toBeNull();
    expect(parseFileInstant('2012-05-14T10:00:00')).toBeNull();
  });

  it('reads places as a UBIGEO or a country, never PE, and lists separated by ;', () => {
    const { cases } = readCases(
      [
        row(2, {
          recruitment_place: '1601',
          transit_places: '1501; BO',
          exploitation_place: 'cl',
          purposes: 'sexual_exploitation;labour_exploitation',
        }),
      ],
      catalogs,
    );
    expect(cases[0].data.places).toEqual({
      recruitment: { ubigeo: '1601' },
      transit: [{ ubigeo: '1501' }, { country: 'BO' }],
      exploitation: { country: 'CL' },
    });
    expect(cases[0].data.purposes).toEqual(['sexual_exploitation', 'labour_exploitation']);
    const { problems } = readCases([row(2, { exploitation_place: 'PE', transit_places: 'ZZ', offences: 'cp153-l28950;nope' })], catalogs);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'offences'],
      [2, 'exploitation_place'],
      [2, 'transit_places'],
    ]);
    expect(problems[1].reasonEn).toBe('for a place in Peru use its UBIGEO, not "PE"');
  });

  it('refuses a whole case when one of its rows is invalid or disagrees, pointing the other rows at it', () => {
    const { cases, problems } = readCases(
      [
        row(2, victim('V1')),
        row(3, { ...victim('V2'), police_unit: 'Otra' }),
        row(4, victim('V1', { source_case_id: 'R-3', victim_sex: 'f' })),
      ],
      catalogs,
    );
    expect(cases).toEqual([]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'source_case_id'],
      [3, 'police_unit'],
      [4, 'victim_sex'],
    ]);
    const twice = readCases([row(2, victim('V1')), row(3, victim('V1'))], catalogs);
    expect(twice.problems.find((p) => p.line === 3)?.reasonEn).toBe('the victim is already on another row of the case');
    const mixed = readCases([row(2, victim('V1')), row(3, {})], catalogs);
    expect(mixed.problems.find((p) => p.line === 3)?.field).toBe('source_victim_id');
  });

  it("places a decider's field at its line and column", () => {
    const { cases } = readCases([row(2, victim('V1')), row(5, victim('V2'))], catalogs);
    expect(locateField(cases[0], 'victims[1].age')).toEqual({ line: 5, column: 'victim_age' });
    expect(locateField(cases[0], 'offences[0]')).toEqual({ line: 2, column: 'offences (offences[0])' });
    expect(locateField(cases[0], 'places.transit[1]')).toEqual({ line: 2, column: 'transit_places (places.transit[1])' });
    expect(locateField(cases[0], 'registeredAt')).toEqual({ line: 2, column: 'registered_at' });
  });
});

describe('rows of a calls file', () => {
  const call = (line: number, cells: Partial<Record<CallFileColumn, string>>): SourceRow<CallFileColumn> => ({
    line,
    cells: {
      ...(Object.fromEntries(CALL_FILE_COLUMNS.map((c) => [c, ''])) as Record<CallFileColumn, string>),
      source_call_id: `C-${line}`,
      received_at: '2015-01-02',
      channel: 'phone',
      language: 'qu',
      anonymous: 'sí',
      topic: 'trafficking',
      ...cells,
    },
  });

  it('reads RecordHotlineCall fields and names each bad cell', () => {
    const { calls, problems } = readCalls(
      [call(2, { caller_ubigeo: '08' }), call(3, { channel: 'fax', anonymous: 'maybe' }), call(4, { source_call_id: 'C-2' })],
      catalogs,
    );
    expect(calls.map((c) => [c.line, c.data.anonymous, c.data.callerUbigeo, c.data.summary])).toEqual([[2, true, '08', null]]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'channel'],
      [3, 'anonymous'],
      [4, 'source_call_id'],
    ]);
  });
});

describe('the import command line', () => {
  const parse = (line: string) => parseCommandLine(line.split(' '), { projections: [] });
  it('reads the kind, the file and the options', () => {
    expect(parse('import cases a.csv --calls b.csv --dry-run --source-system reta')).toEqual({
      command: 'import',
      kind: 'cases',
      file: 'a.csv',
      calls: 'b.csv',
      sourceSystem: 'reta',
      dryRun: true,
    });
    expect(parse('import calls b.csv')).toMatchObject({ kind: 'calls', calls: null, sourceSystem: 'historic', dryRun: false });
  });
  it.each([
    ['import', /falta el tipo/],
    ['import cases', /falta el archivo CSV/],
    ['import cases --dry-run', /falta el archivo CSV/],
    ['import calls b.csv --calls c.csv', /--calls: opción desconocida/],
    ['import cases a.csv --source-system a/b', /--source-system: debe ser un nombre/],
  ])('refuses "%s"', (line, message) => {
    expect(() => parse(line)).toThrow(UsageError);
    expect(() => parse(line)).toThrow(message);
  });
});
