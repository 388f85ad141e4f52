/**
 * ISO 3166-1 countries, keyed by alpha-2 (the nationality code on the wire). Rows come from the caller,
 * typically `seeds/catalogs/countries_iso3166.csv`; "unknown" nationality is a separate wire value, not a country.
 */
export interface CountryRow {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name_es: string;
  name_en: string;
}

const ALPHA2 = /^[A-Z]{2}$/;

export class CountryCatalog {
  private readonly byAlpha2 = new Map<string, CountryRow>();

  constructor(rows: Iterable<CountryRow>) {
    for (const row of rows) {
      const alpha2 = row.alpha2.trim().toUpperCase();
      if (!ALPHA2.test(alpha2)) throw new RangeError(`Country row has no valid alpha-2 code: ${row.alpha2}`);
      this.byAlpha2.set(alpha2, { ...row, alpha2 });
    }
  }

  get size(): number {
    return this.byAlpha2.size;
  }

  /** Codes are upper-case on the wire; lower-case input is refused rather than silently accepted. */
  isKnown(alpha2: string): boolean {
    return typeof alpha2 === 'string' && this.byAlpha2.has(alpha2);
  }

  nameEs(alpha2: string): string | undefined {
    return this.byAlpha2.get(alpha2)?.name_es;
  }

  nameEn(alpha2: string): string | undefined {
    return this.byAlpha2.get(alpha2)?.name_en;
  }
}
