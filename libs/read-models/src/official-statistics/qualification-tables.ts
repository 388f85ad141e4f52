import {
  AGGRAVATING_CIRCUMSTANCE_LABELS,
  AGGRAVATING_CIRCUMSTANCES,
  ISIC_SECTION_LABELS,
  ISIC_SECTIONS,
  OFFENCE_CATEGORIES,
  OFFENCE_CATEGORY_LABELS,
  RECRUITMENT_METHOD_LABELS,
  RECRUITMENT_METHODS,
} from '#domain';
import { l, one } from './labels.js';
import { countTable } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import { UNKNOWN_KEY, UNKNOWN_LABEL, type Dimension, type DisclosureSettings, type Label, type PublishedTable } from './stat-table.js';

/**
 * The tables by the legal qualification and circumstances of the denunciations (issue 13): by offence category and
 * aggravating circumstance (denunciations), by place of exploitation, recruitment method and economic sector
 * (victims: the plan's objectives OE8 and OE9 count people). docs/statistics.md defines each.
 */

const rowsOf = (codes: readonly string[], labels: Record<string, Label>): Dimension[] => [
  ...codes.map((key) => ({ key, label: labels[key] ?? l(key, key) })),
  { key: UNKNOWN_KEY, label: UNKNOWN_LABEL },
];

export const OFFENCE_CATEGORY_ROWS = rowsOf(OFFENCE_CATEGORIES, OFFENCE_CATEGORY_LABELS);
export const AGGRAVATING_ROWS = rowsOf(AGGRAVATING_CIRCUMSTANCES, AGGRAVATING_CIRCUMSTANCE_LABELS);
export const RECRUITMENT_ROWS = rowsOf(RECRUITMENT_METHODS, RECRUITMENT_METHOD_LABELS);
export const SECTOR_ROWS = rowsOf(ISIC_SECTIONS, ISIC_SECTION_LABELS);

/** The denunciations' tables by offence category and by aggravating circumstance (multi-valued: no total row). */
export function denunciationQualificationTables(cells: CellSet, scope: Partial<Cell>, settings: DisclosureSettings): PublishedTable[] {
  return [
    countTable(
      {
        id: 'denunciations_by_offence_category',
        title: l('Denuncias por categoría de delito', 'Denunciations by offence category'),
        rowHeader: l('Categoría de delito', 'Offence category'),
        rows: OFFENCE_CATEGORY_ROWS,
        columns: one('denunciations', 'Denuncias', 'Denunciations'),
        note: l(
          'Categoría estadística del delito según la ley vigente a la fecha de los hechos (docs/legal-catalog.md); una denuncia cuenta en cada una de sus categorías.',
          'Statistical category of the offence under the law in force on the date of the facts (docs/legal-catalog.md); a denunciation counts under each of its categories.',
        ),
        count: (category) => cells.sum('case.offence', { ...scope, d1: category }),
      },
      settings,
    ),
    countTable(
      {
        id: 'denunciations_by_aggravating_circumstance',
        title: l('Denuncias por circunstancia agravante', 'Denunciations by aggravating circumstance'),
        rowHeader: l('Circunstancia agravante', 'Aggravating circumstance'),
        rows: AGGRAVATING_ROWS,
        columns: one('denunciations', 'Denuncias', 'Denunciations'),
        note: l(
          'Una denuncia cuenta en cada circunstancia registrada; "Sin información": ninguna registrada.',
          'A denunciation counts under each circumstance recorded; "Unknown": none recorded.',
        ),
        count: (circumstance) => cells.sum('case.aggravating', { ...scope, d1: circumstance }),
      },
      settings,
    ),
  ];
}

/** Victims by recruitment method and, for labour exploitation, by economic sector (multi-valued: no total row). */
export function victimCircumstanceTables(
  cells: CellSet,
  scope: Partial<Cell>,
  settings: DisclosureSettings,
  measure: string,
): PublishedTable[] {
  return [
    countTable(
      {
        id: 'victims_by_recruitment_method',
        title: l('Víctimas por modalidad de captación', 'Victims by recruitment method'),
        rowHeader: l('Modalidad de captación', 'Recruitment method'),
        rows: RECRUITMENT_ROWS,
        columns: one('victims', 'Víctimas', 'Victims'),
        note: l(
          'Modalidades registradas en la denuncia de la víctima; una víctima cuenta en cada una.',
          "Methods recorded in the victim's denunciation; a victim counts under each.",
        ),
        count: (method) => cells.sum(`${measure}.recruitment`, { ...scope, d1: method }),
      },
      settings,
    ),
    countTable(
      {
        id: 'victims_by_economic_sector',
        title: l(
          'Víctimas de explotación laboral por actividad económica (CIIU Rev. 4)',
          'Victims of labour exploitation by economic sector (ISIC Rev. 4)',
        ),
        rowHeader: l('Sección CIIU', 'ISIC section'),
        rows: SECTOR_ROWS,
        columns: one('victims', 'Víctimas', 'Victims'),
        note: l(
          'Víctimas de denuncias con finalidad de explotación laboral o trabajo forzoso, o con sector registrado; una víctima cuenta en cada sector.',
          'Victims of denunciations whose purpose is labour exploitation or forced labour, or with a sector recorded; a victim counts under each sector.',
        ),
        count: (section) => cells.sum(`${measure}.sector`, { ...scope, d1: section }),
      },
      settings,
    ),
  ];
}
