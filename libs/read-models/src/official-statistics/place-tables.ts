import { departmentRows, l, type ReportCatalogs } from './labels.js';
import type { LinkedTable } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import { TOTAL_KEY, UNKNOWN_KEY, UNKNOWN_LABEL, type Dimension } from './stat-table.js';

/**
 * Victims by place of exploitation (issue 13; plan objectives OE8 and OE9): departments of Peru, then countries
 * abroad, by whether the victim is Peruvian or foreign. Linked with the victims' other tables, which publish the
 * same total (report-tables.ts).
 */

export const NATIONALITY_CLASS_COLUMNS: Dimension[] = [
  { key: 'peruvian', label: l('Peruana', 'Peruvian') },
  { key: 'foreign', label: l('Extranjera', 'Foreign') },
  { key: UNKNOWN_KEY, label: l('Nacionalidad sin información', 'Nationality unknown') },
];

const ABROAD = 'abroad:';

/** Every department of Peru, then each country abroad present in the cells (`abroad:<ISO code>`), then unknown. */
export function placeRows(catalogs: ReportCatalogs, places: readonly string[]): Dimension[] {
  const peru = departmentRows(catalogs).filter((row) => row.key !== UNKNOWN_KEY);
  const abroad = places
    .filter((key) => key.startsWith(ABROAD))
    .sort()
    .map((key) => {
      const country = key.slice(ABROAD.length);
      const es = catalogs.countries.nameEs(country) ?? country;
      const en = catalogs.countries.nameEn(country) ?? country;
      return { key, label: l(`Extranjero: ${es}`, `Abroad: ${en}`) };
    });
  return [...peru, ...abroad, { key: UNKNOWN_KEY, label: UNKNOWN_LABEL }];
}

/** Victims by place of exploitation × nationality: one place per victim, so it publishes the victims' total. */
export function victimsByPlaceSpec(cells: CellSet, scope: Partial<Cell>, catalogs: ReportCatalogs, measure: string): LinkedTable {
  return {
    shared: { row: TOTAL_KEY, column: TOTAL_KEY },
    spec: {
      id: 'victims_by_place_of_exploitation',
      title: l('Víctimas por lugar de explotación y nacionalidad', 'Victims by place of exploitation and nationality'),
      rowHeader: l('Lugar de explotación', 'Place of exploitation'),
      rows: placeRows(catalogs, cells.values(`${measure}.place`, 'd1', scope)),
      columns: NATIONALITY_CLASS_COLUMNS,
      totalRow: true,
      totalColumn: true,
      note: l(
        'Departamento del lugar de explotación en el Perú, o país en el extranjero (objetivos OE8 y OE9 del plan): peruanas explotadas en el extranjero, extranjeras explotadas en el Perú.',
        'Department of the place of exploitation in Peru, or country abroad (plan objectives OE8 and OE9): Peruvians exploited abroad, foreigners exploited in Peru.',
      ),
      count: (place, nationality) => cells.sum(`${measure}.place`, { ...scope, d1: place, d2: nationality }),
    },
  };
}
