import { LineChart } from '@mantine/charts';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { ChartCard } from './ChartCard.js';
import { FigureTable } from './FigureTable.js';
import { monthName } from './figures.js';
import { cell, table } from './model.js';
import { useReservedLabel } from './Provenance.js';
import { chartRows, ReservedTooltip } from './ReservedTooltip.js';
import { texts } from './texts.js';
import type { Figure, HotlineStatistics, Provenance, Report } from './types.js';

interface Props {
  months: string[];
  /** Calls by month from /statistics/hotline (of the chosen department, if any), when the role may read it. */
  hotline: HotlineStatistics | undefined;
  /** Monthly reports, one per month (undefined where the role may not read them). */
  reports: Array<Report | undefined>;
  withReports: boolean;
  source: Provenance;
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
}

/** Calls, denunciations and convictions month by month, as a line chart and a table. */
export function TrendPanel({ months, hotline, reports, withReports, source, state }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const reserved = useReservedLabel();
  const callsOf = (month: string, i: number): Figure => {
    if (hotline) return hotline.groups.find((g) => g.key === month)?.received;
    return cell(table(reports[i], 'hotline_calls'), 'received', 'calls');
  };
  const series = [
    { name: 'calls', label: t.calls, color: 'indigo.8' },
    ...(withReports
      ? [
          { name: 'denunciations', label: t.denunciations, color: 'teal.8' },
          { name: 'convictions', label: t.convictions, color: 'red.8' },
        ]
      : []),
  ];
  const categories = months.map((month, i) => ({
    label: monthName(month, language),
    figures: {
      calls: callsOf(month, i),
      ...(withReports
        ? {
            denunciations: cell(table(reports[i], 'denunciations_by_source'), 'total', 'denunciations'),
            convictions: cell(table(reports[i], 'justice_activity'), 'sanctioned', 'cases'),
          }
        : {}),
    } as Record<string, Figure>,
  }));
  const data = chartRows(categories, 'month');
  const byLabel = new Map(data.map((row) => [row.month as string, row]));
  const hidden = categories.flatMap((c) =>
    series.filter((s) => c.figures[s.name] === null).map((s) => `${c.label} · ${s.label}: ${reserved}`),
  );
  return (
    <ChartCard
      testId="trend"
      title={t.trend}
      note={t.trendNote}
      source={source}
      state={state}
      reserved={hidden}
      chart={
        <LineChart
          h={280}
          data={data}
          dataKey="month"
          series={series}
          curveType="linear"
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          tooltipProps={{
            content: ({ active, label }) => <ReservedTooltip active={active} label={label as string} rows={byLabel} series={series} />,
          }}
        />
      }
      table={
        <FigureTable
          caption={t.trend}
          rowHeader={t.month}
          columns={series.map((s) => s.label)}
          rows={categories.map((c) => ({ key: c.label, label: c.label, values: series.map((s) => c.figures[s.name]) }))}
        />
      }
    />
  );
}
