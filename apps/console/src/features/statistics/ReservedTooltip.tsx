import { Paper, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/i18n.js';
import { figureText } from './figures.js';
import { useReservedLabel } from './Provenance.js';
import type { Figure } from './types.js';

interface Props {
  active?: boolean;
  label?: string | number;
  /** The chart's rows by their category label, so a suppressed value (left out of the chart) still shows. */
  rows: Map<string, Record<string, Figure | string>>;
  series: Array<{ name: string; label: string }>;
}

/** A tooltip that reads every series of the hovered category from the data, saying "reservado" where suppressed. */
export function ReservedTooltip({ active, label, rows, series }: Props) {
  const { language } = useLanguage();
  const reserved = useReservedLabel();
  const row = label === undefined ? undefined : rows.get(String(label));
  if (!active || !row) return null;
  return (
    <Paper withBorder shadow="sm" p="xs">
      <Text size="sm" fw={700}>
        {label}
      </Text>
      {series.map((s) => (
        <Text key={s.name} size="sm">
          {s.label}: {figureText(row[`${s.name}__figure`] as Figure, language, reserved)}
        </Text>
      ))}
    </Paper>
  );
}

/**
 * Chart rows: a numeric value per series for drawing (null where suppressed, so the chart leaves the point out),
 * and the figure itself under `<name>__figure` for the tooltip.
 */
export function chartRows(categories: Array<{ label: string; figures: Record<string, Figure> }>, categoryKey: string) {
  return categories.map(({ label, figures }) => {
    const row: Record<string, Figure | string> = { [categoryKey]: label };
    for (const [name, value] of Object.entries(figures)) {
      row[name] = value ?? null;
      row[`${name}__figure`] = value;
    }
    return row;
  });
}
