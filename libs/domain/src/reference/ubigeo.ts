/**
 * INEI UBIGEO codes: 2 digits department, 4 province, 6 district. Places may be recorded at any of the three
 * levels because a caller often knows the department but not the district. Rows come from the caller (the
 * domain reads no files), typically `seeds/catalogs/ubigeo_inei.csv`.
 */
export interface UbigeoRow {
  ubigeo: string;
  departamento: string;
  provincia: string;
  distrito: string;
}

const DISTRICT_CODE = /^\d{6}$/;
const UBIGEO_CODE = /^(?:\d{2}|\d{4}|\d{6})$/;

/**
 * The department (first two digits) of a place as recorded on an event, or 'unknown' when no place was given:
 * the key every statistic, read model and scope check breaks places down by.
 */
export function departmentOfUbigeo(ubigeo: unknown): string {
  return typeof ubigeo === 'string' && /^\d{2}/.test(ubigeo) ? ubigeo.slice(0, 2) : 'unknown';
}

export class UbigeoCatalog {
  private readonly departments = new Map<string, string>();
  private readonly provinces = new Map<string, string>();
  private readonly districts = new Map<string, string>();

  constructor(rows: Iterable<UbigeoRow>) {
    for (const row of rows) {
      const code = row.ubigeo.trim();
      // A spreadsheet that dropped the leading zero (10101 for 010101) must fail at start-up, not mis-file places.
      if (!DISTRICT_CODE.test(code)) throw new RangeError(`UBIGEO row is not a 6-digit district code: ${row.ubigeo}`);
      this.departments.set(code.slice(0, 2), row.departamento.trim());
      this.provinces.set(code.slice(0, 4), row.provincia.trim());
      this.districts.set(code, row.distrito.trim());
    }
  }

  /** Number of districts in the catalog. */
  get size(): number {
    return this.districts.size;
  }

  /** Department codes in code order: the rows of every by-department table, zero or not. */
  departmentCodes(): string[] {
    return [...this.departments.keys()].sort();
  }

  /** District codes in code order. */
  districtCodes(): string[] {
    return [...this.districts.keys()].sort();
  }

  isKnown(code: string): boolean {
    if (typeof code !== 'string' || !UBIGEO_CODE.test(code)) return false;
    return this.levelOf(code).has(code);
  }

  /** The department code (first two digits) of any level of code; statistics break down by department. */
  departmentOf(code: string): string {
    return code.slice(0, 2);
  }

  departmentName(department: string): string | undefined {
    return this.departments.get(department.slice(0, 2));
  }

  /** Name at the code's own level: department, province or district; undefined when the code is unknown. */
  name(code: string): string | undefined {
    if (typeof code !== 'string' || !UBIGEO_CODE.test(code)) return undefined;
    return this.levelOf(code).get(code);
  }

  private levelOf(code: string): Map<string, string> {
    if (code.length === 2) return this.departments;
    if (code.length === 4) return this.provinces;
    return this.districts;
  }
}
