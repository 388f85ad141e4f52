import { describe, expect, it } from '@jest/globals';
import {
  OFFENCE_CATEGORIES,
  OFFENCE_CODES,
  OFFENCES,
  offenceCategoryOf,
  offenceInForce,
  offenceProvision,
  offencesInForce,
} from './offences.js';

const dayBefore = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};
const codesInForce = (date: string) => offencesInForce(date).map((offence) => offence.code);

describe('offence catalog', () => {
  it('gives every code one window of Lima calendar dates, from the day after its publication', () => {
    expect(Object.fromEntries(OFFENCES.map((offence) => [offence.code, [offence.inForceFrom, offence.inForceUntil]]))).toEqual({
      'cp153-l28950': ['2007-01-17', '2014-10-21'],
      'cp153a-l28950': ['2007-01-17', '2021-03-30'],
      'cp153-l30251': ['2014-10-22', '2021-03-30'],
      'cp153b-dl1323': ['2017-01-07', '2019-06-18'],
      'cp153c-dl1323': ['2017-01-07', '2021-03-30'],
      'cp168b-dl1323': ['2017-01-07', '2021-03-30'],
      'cp153b-l30963': ['2019-06-19', '2021-03-30'],
      'cp153h-l30963': ['2019-06-19', '2021-03-30'],
      'cp129a-l31146': ['2021-03-31', null],
      'cp129b-l31146': ['2021-03-31', null],
      'cp129c-l31146': ['2021-03-31', null],
      'cp129h-l31146': ['2021-03-31', null],
      'cp129n-l31146': ['2021-03-31', null],
      'cp129o-l31146': ['2021-03-31', null],
      'cp303a-l28950': ['2007-01-17', null],
      'cp303b-l28950': ['2007-01-17', null],
    });
    for (const offence of OFFENCES) {
      expect(offence.inForceFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (offence.inForceUntil !== null) expect(offence.inForceUntil >= offence.inForceFrom).toBe(true);
    }
  });

  it('has unique codes, each citing a source and a category of the list', () => {
    expect(new Set(OFFENCE_CODES).size).toBe(OFFENCES.length);
    for (const offence of OFFENCES) {
      expect(OFFENCE_CATEGORIES).toContain(offence.category);
      expect(offence.source).toContain(offence.law);
      expect(offence.source).toMatch(/El Peruano, \d{2}-\d{2}-\d{4}/);
    }
  });

  it('starts each reform the day after the text it replaced ended, in the same category, so the series join without overlap', () => {
    const replacements = OFFENCES.filter((offence) => 'replaces' in offence);
    expect(replacements.map((offence) => [offence.replaces, offence.code])).toEqual([
      ['cp153-l28950', 'cp153-l30251'],
      ['cp153b-dl1323', 'cp153b-l30963'],
      ['cp153-l30251', 'cp129a-l31146'],
      ['cp153a-l28950', 'cp129b-l31146'],
      ['cp153b-l30963', 'cp129c-l31146'],
      ['cp153h-l30963', 'cp129h-l31146'],
      ['cp153c-dl1323', 'cp129n-l31146'],
      ['cp168b-dl1323', 'cp129o-l31146'],
    ]);
    for (const successor of replacements) {
      const predecessor = offenceProvision(successor.replaces);
      expect(predecessor?.category).toBe(successor.category);
      expect(predecessor?.inForceUntil).toBe(dayBefore(successor.inForceFrom));
    }
  });

  it('never has two texts of one line of reforms in force on the same day', () => {
    const lineOf = new Map<string, string>();
    for (const offence of OFFENCES) {
      lineOf.set(offence.code, 'replaces' in offence ? (lineOf.get(offence.replaces) ?? offence.replaces) : offence.code);
    }
    const days = [...new Set(OFFENCES.flatMap((offence) => [offence.inForceFrom, offence.inForceUntil ?? '2099-12-31']))];
    for (const day of days) {
      const lines = codesInForce(day).map((code) => lineOf.get(code));
      expect(new Set(lines).size).toBe(lines.length);
    }
  });
});

describe('offenceInForce', () => {
  it.each([
    ['cp153-l28950', '2007-01-16', false],
    ['cp153-l28950', '2007-01-17', true],
    ['cp153-l28950', '2014-10-21', true],
    ['cp153-l28950', '2014-10-22', false],
    ['cp153-l30251', '2014-10-21', false],
    ['cp153-l30251', '2014-10-22', true],
    ['cp153-l30251', '2021-03-30', true],
    ['cp153-l30251', '2021-03-31', false],
    ['cp153b-dl1323', '2017-01-06', false],
    ['cp153b-dl1323', '2017-01-07', true],
    ['cp153b-dl1323', '2019-06-18', true],
    ['cp153b-dl1323', '2019-06-19', false],
    ['cp153b-l30963', '2019-06-19', true],
    ['cp153c-dl1323', '2017-01-06', false],
    ['cp153c-dl1323', '2017-01-07', true],
    ['cp168b-dl1323', '2017-01-06', false],
    ['cp168b-dl1323', '2017-01-07', true],
    ['cp168b-dl1323', '2021-03-30', true],
    ['cp168b-dl1323', '2021-03-31', false],
    ['cp129a-l31146', '2021-03-30', false],
    ['cp129a-l31146', '2021-03-31', true],
    ['cp129a-l31146', '2031-01-01', true],
    ['cp129o-l31146', '2021-03-30', false],
    ['cp129o-l31146', '2021-03-31', true],
    ['cp303a-l28950', '2007-01-16', false],
    ['cp303a-l28950', '2007-01-17', true],
    ['cp303a-l28950', '2025-06-01', true],
    ['cp999-unknown', '2025-06-01', false],
  ])('%s on %s: %s', (code, date, expected) => {
    expect(offenceInForce(code, date)).toBe(expected);
  });
});

describe('offencesInForce', () => {
  it('offers only Ley 28950 the day before Ley 30251 applied', () => {
    expect(codesInForce('2014-10-21')).toEqual(['cp153-l28950', 'cp153a-l28950', 'cp303a-l28950', 'cp303b-l28950']);
  });

  it('offers the Ley 30251 trafficking text and Decreto Legislativo 1323 offences in 2018', () => {
    expect(codesInForce('2018-05-01')).toEqual([
      'cp153a-l28950',
      'cp153-l30251',
      'cp153b-dl1323',
      'cp153c-dl1323',
      'cp168b-dl1323',
      'cp303a-l28950',
      'cp303b-l28950',
    ]);
  });

  it('offers the last texts of chapter 153 on the day before Ley 31146 applied, and its articles from the next day', () => {
    expect(codesInForce('2021-03-30')).toEqual([
      'cp153a-l28950',
      'cp153-l30251',
      'cp153c-dl1323',
      'cp168b-dl1323',
      'cp153b-l30963',
      'cp153h-l30963',
      'cp303a-l28950',
      'cp303b-l28950',
    ]);
    expect(codesInForce('2021-03-31')).toEqual([
      'cp129a-l31146',
      'cp129b-l31146',
      'cp129c-l31146',
      'cp129h-l31146',
      'cp129n-l31146',
      'cp129o-l31146',
      'cp303a-l28950',
      'cp303b-l28950',
    ]);
  });

  it('offers nothing before Ley 28950', () => {
    expect(codesInForce('2007-01-16')).toEqual([]);
  });
});

describe('offenceCategoryOf', () => {
  it('maps every text of trafficking to one category, whichever law and article', () => {
    expect(['cp153-l28950', 'cp153-l30251', 'cp129a-l31146'].map(offenceCategoryOf)).toEqual(['trafficking', 'trafficking', 'trafficking']);
    expect(['cp153a-l28950', 'cp129b-l31146'].map(offenceCategoryOf)).toEqual(['trafficking_aggravated', 'trafficking_aggravated']);
  });

  it('maps the exploitation offences and migrant smuggling to their own categories', () => {
    expect(['cp153b-dl1323', 'cp153b-l30963', 'cp153h-l30963', 'cp129c-l31146', 'cp129h-l31146'].map(offenceCategoryOf)).toEqual(
      Array(5).fill('sexual_exploitation'),
    );
    expect(['cp153c-dl1323', 'cp129n-l31146'].map(offenceCategoryOf)).toEqual(Array(2).fill('slavery_and_other_exploitation'));
    expect(['cp168b-dl1323', 'cp129o-l31146'].map(offenceCategoryOf)).toEqual(Array(2).fill('forced_labour'));
    expect(offenceCategoryOf('cp303a-l28950')).toBe('migrant_smuggling');
    expect(offenceCategoryOf('cp303b-l28950')).toBe('migrant_smuggling_aggravated');
  });

  it("answers 'unknown' for a code this catalog does not know", () => {
    expect(offenceCategoryOf('cp153-l99999')).toBe('unknown');
  });
});
