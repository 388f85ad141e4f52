import { l } from './labels.js';
import { countTable, percentile, roundHours } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import { TOTAL_KEY, type Dimension, type DisclosureSettings, type PublishedTable } from './stat-table.js';

const label = (key: string, es: string, en: string): Dimension => ({ key, label: l(es, en) });

/**
 * Referral deadlines by destination (Meta 3, A10: celeridad): referrals of the month answered (first acceptance or
 * rejection) on time and late, the share on time, the median and 90th percentile of the hours to answer, and the
 * referrals whose deadline fell in the month still unanswered at its end. The three counts are protected like any
 * count (with their total row); the share and the percentiles are shown only where both counts they rest on are
 * published and add up to at least k, so none is ever the figure of one or a few referrals.
 */
export function referralDeadlinesTable(
  cells: CellSet,
  scope: Partial<Cell>,
  destinations: Dimension[],
  settings: DisclosureSettings,
): PublishedTable {
  const of = (destination: string): Partial<Cell> => (destination === TOTAL_KEY ? scope : { ...scope, d1: destination });
  const counts = countTable(
    {
      id: 'referral_deadlines',
      title: l('Plazos de las derivaciones: respuestas a tiempo y vencidas', 'Referral deadlines: answers on time and late'),
      rowHeader: l('Destino', 'Destination'),
      rows: destinations,
      columns: [
        label('on_time', 'Respondidas a tiempo', 'Answered on time'),
        label('late', 'Respondidas fuera de plazo', 'Answered late'),
        label('overdue_month_end', 'Vencidas sin respuesta al cierre del mes', 'Overdue unanswered at month end'),
      ],
      totalRow: true,
      note: l(
        'Respuesta: la primera aceptación o rechazo; a tiempo si llega hasta el plazo vigente al enviarla. A tiempo, fuera de plazo, % y horas: derivaciones enviadas en el mes (hora de Lima). Vencidas: plazo vencido en el mes y sin respuesta al terminar el mes.',
        'Answer: the first acceptance or rejection; on time when it comes no later than the deadline in force when sent. On time, late, % and hours: referrals sent in the month (Lima time). Overdue: deadline in the month and no answer when the month ended.',
      ),
      count: (destination, column) =>
        column === 'overdue_month_end'
          ? cells.sum('referral.overdue', { ...scope, d1: destination })
          : cells.sum('referral.answer', { ...scope, d1: destination, d2: column }),
    },
    settings,
  );
  const suppressed = [...counts.suppressed];
  const rows = counts.rows.map((row) => {
    const [onTime, late, overdue] = row.values;
    const hours = cells.numbers('referral.answer', of(row.key));
    const published = onTime !== null && late !== null && (!settings.applied || onTime + late >= settings.k);
    if (!published && hours.length > 0)
      for (const column of ['on_time_share', 'median_hours', 'p90_hours']) suppressed.push({ row: row.key, column, reason: 'primary' });
    const share = published && hours.length > 0 ? Math.round((onTime * 1000) / (onTime + late)) / 10 : null;
    const measures = published ? [share, roundHours(percentile(hours, 0.5)), roundHours(percentile(hours, 0.9))] : [null, null, null];
    return { ...row, values: [onTime, late, ...measures, overdue] };
  });
  const [onTime, late, overdue] = counts.columns;
  return {
    ...counts,
    unit: 'hours',
    rows,
    suppressed,
    columns: [
      onTime,
      late,
      label('on_time_share', '% a tiempo', '% on time'),
      label('median_hours', 'Mediana de horas hasta la respuesta', 'Median hours to answer'),
      label('p90_hours', 'Percentil 90 de horas hasta la respuesta', '90th percentile of hours to answer'),
      overdue,
    ],
  };
}
