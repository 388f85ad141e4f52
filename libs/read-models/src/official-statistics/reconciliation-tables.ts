import { l } from './labels.js';
import type { TableSpec } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import type { Dimension } from './stat-table.js';

/** The acts of each institution, each in the month of its own act (reconciliation.ts). */
export const RECONCILIATION_ROWS: Dimension[] = [
  { key: 'denunciations', label: l('Denuncias registradas (Policía)', 'Denunciations registered (police)') },
  { key: 'prosecutions', label: l('Investigaciones fiscales abiertas', 'Prosecutions opened') },
  { key: 'trials', label: l('Juicios abiertos', 'Trials opened') },
  { key: 'rulings', label: l('Sentencias de primera instancia', 'First-instance rulings') },
];

export const RECONCILIATION_COLUMNS: Dimension[] = [
  { key: 'linked', label: l('Vinculados', 'Linked') },
  { key: 'partial', label: l('Vinculados en parte', 'Partly linked') },
  { key: 'alone', label: l('Sin vínculo', 'Standing alone') },
];

const NOTE = l(
  'Cada acto en el mes en que ocurrió. Vinculados: la denuncia con investigación fiscal; la investigación con su denuncia; ' +
    'el juicio o la sentencia con su investigación y su denuncia. En parte: el juicio o la sentencia con solo una de ellas. ' +
    'Sin vínculo: solo policial, solo fiscal (sin denuncia hallada), juicio sin investigación ni denuncia. Vínculos conocidos a la posición del registro.',
  'Each act in the month it took place. Linked: a denunciation with a prosecution; a prosecution with its denunciation; ' +
    'a trial or ruling with its prosecution and its denunciation. Partly: a trial or ruling with only one of them. ' +
    'Standing alone: police-only, prosecution-only (no denunciation found), a trial with neither. Links known at the log position.',
);

/** Which statistics cells each (stage, link) adds up: the same cells the other tables count (reconciliation.ts). */
function actCount(cells: CellSet, scope: Partial<Cell>, stage: string, link: string): number {
  switch (stage) {
    case 'denunciations':
      return link === 'partial' ? 0 : cells.sum('case.registered', { ...scope, d2: link });
    case 'prosecutions':
      return link === 'partial' ? 0 : cells.sum('prosecution.opened', { ...scope, d1: link });
    case 'trials':
      return cells.sum('trial.opened', { ...scope, d1: link });
    default:
      return cells.sum('trial.ruling', { ...scope, d2: link });
  }
}

/** `reconciliation`: the acts of the month by link; its denunciations' total is the other tables' denunciations. */
export function reconciliationSpec(cells: CellSet, scope: Partial<Cell>): TableSpec {
  return {
    id: 'reconciliation',
    title: l(
      'Conciliación entre instituciones: Policía, Fiscalía y Poder Judicial',
      'Reconciliation of institutions: police, prosecutors and courts',
    ),
    rowHeader: l('Acto', 'Act'),
    rows: RECONCILIATION_ROWS,
    columns: RECONCILIATION_COLUMNS,
    totalColumn: true,
    note: NOTE,
    count: (stage, link) => actCount(cells, scope, stage, link),
  };
}

/** `reconciliation_victims`: the victims recorded in the denunciations of each act, by the act's link. */
export function reconciliationVictimsSpec(cells: CellSet, scope: Partial<Cell>): TableSpec {
  return {
    id: 'reconciliation_victims',
    title: l('Conciliación entre instituciones: víctimas en cada etapa', 'Reconciliation of institutions: victims at each stage'),
    rowHeader: l('Acto', 'Act'),
    rows: RECONCILIATION_ROWS,
    columns: RECONCILIATION_COLUMNS,
    totalColumn: true,
    note: l(
      'Víctimas registradas en la denuncia de cada acto del mes (una persona cuenta en cada acto que la nombra); sin denuncia hallada, ninguna.',
      'Victims recorded in the denunciation of each act of the month (a person counts in every act naming her); with no denunciation found, none.',
    ),
    count: (stage, link) => cells.sum('recon.victims', { ...scope, d1: stage, d2: link }),
  };
}
