import { BarChart } from '@mantine/charts';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { ChartCard } from './ChartCard.js';
import { FigureTable } from './FigureTable.js';
import { sumTables } from './model.js';
import { useReservedLabel } from './Provenance.js';
import { reportRows as reportRowsOf } from './report-rows.js';
import { chartRows, ReservedTooltip } from './ReservedTooltip.js';
import { texts } from './texts.js';
import type { Figure, Provenance, Report } from './types.js';

interface Props {
  reports: Array<Report | undefined>;
  source: Provenance;
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
}

/** The period's denunciations and how many reached investigation, accusation and a ruling (the report's funnel). */
export function FunnelPanel({ reports, source, state }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const reserved = useReservedLabel();
  const funnel = sumTables(reports, 'funnel');
  const series = [{ name: 'value', label: t.denunciations, color: 'grape.8' }];
  const categories = (funnel?.rows ?? []).map((r) => ({
    label: r.label[language],
    figures: { value: r.values[0] } as Record<string, Figure>,
  }));
  const data = chartRows(categories, 'stage');
  const byLabel = new Map(data.map((row) => [row.stage as string, row]));
  const hidden = categories.filter((c) => c.figures.value === null).map((c) => `${c.label}: ${reserved}`);
  const view = funnel ? reportRowsOf(funnel, language) : undefined;
  return (
    <ChartCard
      testId="funnel"
      title={t.funnel}
      note={`${funnel?.note?.[language] ?? ''} ${t.sumNote}`}
      source={source}
      state={state}
      empty={!funnel}
      reserved={hidden}
      chart={
        <BarChart
          h={220}
          data={data}
          dataKey="stage"
          series={series}
          orientation="vertical"
          yAxisProps={{ width: 240 }}
          tooltipProps={{
            content: ({ active, label }) => <ReservedTooltip active={active} label={label as string} rows={byLabel} series={series} />,
          }}
        />
      }
      table={view && <FigureTable caption={t.funnel} {...view} />}
    />
  );
}
