import type { Language } from '../../i18n/i18n.js';
import type { FigureRow } from './FigureTable.js';
import type { ReportTable } from './types.js';

/** A report table in FigureTable's terms, labels in the screen's language. */
export function reportRows(t: ReportTable, language: Language): { rowHeader: string; columns: string[]; rows: FigureRow[] } {
  return {
    rowHeader: t.rowHeader[language],
    columns: t.columns.map((c) => c.label[language]),
    rows: t.rows.map((r) => ({ key: r.key, label: r.label[language], values: r.values })),
  };
}
