import catalog from '../../../../../../seeds/catalogs/countries_iso3166.csv?raw';
import type { Language } from '../../../i18n/i18n.js';

/** The ISO 3166-1 catalog the API validates nationalities against, bundled from the same file; Peru first. */
// Names may be quoted and hold commas ("Bolivia, Estado plurinacional de").
const cells = (line: string): string[] => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]).slice(0, 5);
const ROWS = catalog.split(/\r?\n/).slice(1).map(cells).filter((row) => row[0]?.length === 2);

export function countryOptions(language: Language, unknown: string): Array<{ value: string; label: string }> {
  const options = ROWS.map(([code, , , es, en]) => ({ value: code, label: `${language === 'es' ? es : en} (${code})` }));
  const peru = options.filter((o) => o.value === 'PE');
  return [...peru, { value: 'unknown', label: unknown }, ...options.filter((o) => o.value !== 'PE')];
}
