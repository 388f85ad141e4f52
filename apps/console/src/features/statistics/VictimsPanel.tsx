import { BarChart } from '@mantine/charts';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { ChartCard } from './ChartCard.js';
import { FigureTable } from './FigureTable.js';
import { sumTables } from './model.js';
import { useReservedLabel } from './Provenance.js';
import { reportRows } from './report-rows.js';
import { chartRows, ReservedTooltip } from './ReservedTooltip.js';
import { texts } from './texts.js';
import type { Figure, Provenance, Report } from './types.js';

const SEX_COLORS: Record<string, string> = { female: 'grape.8', male: 'blue.8', other: 'teal.8', unknown: 'gray.7' };

interface Props {
  reports: Array<Report | undefined>;
  source: Provenance;
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
}

/** Victims by sex × age group: grouped bars (one group per age, one bar per sex) and the full table with totals. */
export function VictimsPanel({ reports, source, state }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const reserved = useReservedLabel();
  const victims = sumTables(reports, 'victims_by_sex_age');
  const sexes = (victims?.rows ?? []).filter((r) => r.key !== 'total');
  const ages = (victims?.columns ?? []).map((c, i) => ({ ...c, i })).filter((c) => c.key !== 'total');
  const series = sexes.map((s) => ({ name: s.key, label: s.label[language], color: SEX_COLORS[s.key] ?? 'gray.7' }));
  const categories = ages.map((age) => ({
    label: age.label[language],
    figures: Object.fromEntries(sexes.map((s) => [s.key, s.values[age.i]])) as Record<string, Figure>,
  }));
  const data = chartRows(categories, 'age');
  const byLabel = new Map(data.map((row) => [row.age as string, row]));
  const hidden = categories.flatMap((c) =>
    series.filter((s) => c.figures[s.name] === null).map((s) => `${c.label} · ${s.label}: ${reserved}`),
  );
  const view = victims ? reportRows(victims, language) : undefined;
  return (
    <ChartCard
      testId="victims"
      title={t.victims}
      note={`${victims?.note?.[language] ?? ''} ${t.sumNote}`}
      source={source}
      state={state}
      empty={!victims}
      reserved={hidden}
      chart={
        <BarChart
          h={260}
          data={data}
          dataKey="age"
          series={series}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          tooltipProps={{
            content: ({ active, label }) => <ReservedTooltip active={active} label={label as string} rows={byLabel} series={series} />,
          }}
        />
      }
      table={view && <FigureTable caption={t.victims} {...view} />}
    />
  );
}
