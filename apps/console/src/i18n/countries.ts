import catalog from '../../../../seeds/catalogs/countries_iso3166.csv?raw';
import type { Language } from './i18n.js';

/**
 * ISO 3166-1 alpha-2 countries from the same catalog the API validates nationalities against
 * (seeds/catalogs/countries_iso3166.csv), bundled so the console offers exactly the codes the API accepts.
 */
export interface Country {
  code: string;
  es: string;
  en: string;
}

export const COUNTRIES: readonly Country[] = catalog
  .split(/\r?\n/)
  .slice(1)
  .map(cells)
  .filter((cells) => /^[A-Z]{2}$/.test(cells[0] ?? ''))
  .map(([code, , , es, en]) => ({ code, es, en }));

/** One CSV line's cells; names like "Bolivia, Estado plurinacional de" are quoted. */
function cells(line: string): string[] {
  return [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((match) => match[2] ?? match[1]).slice(0, 5);
}

/** Peru first (most victims are Peruvian), then "unknown", then every country by name. */
export function countryOptions(language: Language, unknownLabel: string): Array<{ value: string; label: string }> {
  const sorted = [...COUNTRIES].sort((a, b) => a[language].localeCompare(b[language], language));
  const peru = sorted.filter((c) => c.code === 'PE');
  const rest = sorted.filter((c) => c.code !== 'PE');
  return [
    ...peru.map((c) => ({ value: c.code, label: `${c[language]} (${c.code})` })),
    { value: 'unknown', label: unknownLabel },
    ...rest.map((c) => ({ value: c.code, label: `${c[language]} (${c.code})` })),
  ];
}

const regionNames = new Map<Language, Intl.DisplayNames>();

/** A country's name from its ISO 3166-1 alpha-2 code, in the user's language (the browser knows them all). */
export function countryName(code: string, language: Language, unknown: string): string {
  if (code === 'unknown') return unknown;
  try {
    let names = regionNames.get(language);
    if (!names) regionNames.set(language, (names = new Intl.DisplayNames([language], { type: 'region' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
