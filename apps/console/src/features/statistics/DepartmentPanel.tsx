import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { ChartCard } from './ChartCard.js';
import { FigureTable } from './FigureTable.js';
import { sumTables } from './model.js';
import { useReservedLabel } from './Provenance.js';
import { chartRows, ReservedTooltip } from './ReservedTooltip.js';
import { texts } from './texts.js';
import type { Figure, HotlineStatistics, Provenance, Report } from './types.js';

interface Props {
  hotline: HotlineStatistics | undefined;
  reports: Array<Report | undefined>;
  withReports: boolean;
  source: Provenance;
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
}

/**
 * Denunciations (summed monthly reports) and calls (/statistics/hotline?by=department) per department. The chart
 * draws the departments with something to show; the table lists every one, zeros included.
 */
export function DepartmentPanel({ hotline, reports, withReports, source, state }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const reserved = useReservedLabel();
  const denunciations = withReports ? sumTables(reports, 'denunciations_by_department') : undefined;
  const keys = new Map<string, string>();
  denunciations?.rows.filter((r) => r.key !== 'total').forEach((r) => keys.set(r.key, r.label[language]));
  hotline?.groups.forEach((g) => {
    if (!keys.has(g.key)) keys.set(g.key, g.key === 'unknown' ? (language === 'es' ? 'Sin información' : 'Unknown') : g.label);
  });
  const series = [
    ...(withReports ? [{ name: 'denunciations', label: t.denunciations, color: 'teal.8' }] : []),
    ...(hotline ? [{ name: 'calls', label: t.calls, color: 'indigo.8' }] : []),
  ];
  const categories = [...keys].map(([key, label]) => ({
    key,
    label,
    figures: {
      ...(withReports ? { denunciations: denunciations?.rows.find((r) => r.key === key)?.values[0] } : {}),
      ...(hotline ? { calls: hotline.groups.find((g) => g.key === key)?.received } : {}),
    } as Record<string, Figure>,
  }));
  const shown = categories.filter((c) => Object.values(c.figures).some((f) => f === null || (f ?? 0) > 0));
  const data = chartRows(shown, 'department');
  const byLabel = new Map(data.map((row) => [row.department as string, row]));
  const hidden = shown.flatMap((c) => series.filter((s) => c.figures[s.name] === null).map((s) => `${c.label} · ${s.label}: ${reserved}`));
  return (
    <ChartCard
      testId="by-department"
      title={t.byDepartment}
      note={`${t.byDepartmentNote} ${withReports ? t.sumNote : ''}`}
      source={source}
      state={state}
      empty={categories.length === 0}
      reserved={hidden}
      chart={
        shown.length === 0 ? (
          <Text size="sm">{t.nothingInPeriod}</Text>
        ) : (
          <BarChart
            h={Math.max(160, 44 + shown.length * 30 * Math.max(1, series.length))}
            data={data}
            dataKey="department"
            series={series}
            orientation="vertical"
            yAxisProps={{ width: 130 }}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            tooltipProps={{
              content: ({ active, label }) => <ReservedTooltip active={active} label={label as string} rows={byLabel} series={series} />,
            }}
          />
        )
      }
      table={
        <FigureTable
          caption={t.byDepartment}
          rowHeader={t.department}
          columns={series.map((s) => s.label)}
          rows={categories.map((c) => ({ key: c.key, label: c.label, values: series.map((s) => c.figures[s.name]) }))}
        />
      }
    />
  );
}
