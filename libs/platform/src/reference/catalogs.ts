import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CountryCatalog, UbigeoCatalog, type CountryRow, type UbigeoRow } from '#domain';

export interface ReferenceCatalogs {
  ubigeo: UbigeoCatalog;
  countries: CountryCatalog;
}

/** Loads the INEI UBIGEO and ISO 3166 catalogs shipped in seeds/catalogs (see SOURCE.md there). */
export function loadCatalogs(seedsDir: string): ReferenceCatalogs {
  const read = <T>(file: string): T[] =>
    parse(readFileSync(join(seedsDir, 'catalogs', file), 'utf8'), { columns: true, skip_empty_lines: true }) as T[];
  return {
    ubigeo: new UbigeoCatalog(read<UbigeoRow>('ubigeo_inei.csv')),
    countries: new CountryCatalog(read<CountryRow>('countries_iso3166.csv')),
  };
}
