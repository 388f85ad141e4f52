import { Box, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { PageState } from '../../shared/PageState.js';
import { useTexts } from '../../i18n/i18n.js';
import { Provenance } from './Provenance.js';
import { texts } from './texts.js';
import type { Provenance as Source } from './types.js';

interface Props {
  title: string;
  note?: string;
  source: Source;
  /** Loading / error of the queries behind the chart. */
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
  empty?: boolean;
  /** "<category>: <series>" of each point the chart leaves out because it is suppressed. */
  reserved: string[];
  chart: ReactNode;
  table: ReactNode;
  testId: string;
}

/**
 * One panel: a chart and its table view (a keyboard-reachable switch), the period, log position and disclosure
 * control of its figures, and the suppressed points the chart cannot draw.
 */
export function ChartCard({ title, note, source, state, empty, reserved, chart, table, testId }: Props) {
  const t = useTexts(texts);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const body =
    state.error || state.isPending ? (
      <PageState
        error={state.error || undefined}
        loading={state.isPending}
        query={state.error ? { isError: true, error: state.error, refetch: state.refetch } : undefined}
      />
    ) : empty ? (
      <PageState empty />
    ) : view === 'chart' ? (
      <Box role="img" aria-label={t.chartLabel(title)}>
        {chart}
      </Box>
    ) : (
      table
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <SegmentedControl
            size="xs"
            style={{ flexShrink: 0 }}
            aria-label={`${t.view}: ${title}`}
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t.chart },
              { value: 'table', label: t.tableView },
            ]}
          />
        </Group>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        {body}
        <Provenance source={source} />
        {!state.isPending && !state.error && view === 'chart' && reserved.length > 0 && (
          <Box data-testid="reserved-points">
            <Text size="sm" fw={700}>
              {t.reservedPoints}:
            </Text>
            <List size="sm">
              {reserved.slice(0, 8).map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
            {reserved.length > 8 && <Text size="sm">… +{reserved.length - 8}</Text>}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
