import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { FigureTable } from './FigureTable.js';
import { sumTables } from './model.js';
import { Provenance } from './Provenance.js';
import { reportRows } from './report-rows.js';
import { reconciliationTexts } from './reconciliation-texts.js';
import type { Provenance as Source, Report } from './types.js';

/** The monthly report's reconciliation tables, drawn here rather than among the other tables. */
export const RECONCILIATION_TABLES = ['reconciliation', 'reconciliation_victims'];

interface Props {
  reports: Array<Report | undefined>;
  source: Source;
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
}

/**
 * Police, prosecutors and courts side by side (issue 14): each institution's acts of the period, how many are
 * linked to the others' records and how many stand alone, and the victims at each stage — summed over the
 * period's monthly reports (each act counts in its own month, so the months add up).
 */
export function ReconciliationPanel({ reports, source, state }: Props) {
  const t = useTexts(reconciliationTexts);
  const { language } = useLanguage();
  const headingId = useId();
  const tables = RECONCILIATION_TABLES.flatMap((id) => sumTables(reports, id) ?? []);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="reconciliation">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t.title}
        </Title>
        <Text size="sm" data-testid="reconciliation-explanation">
          {t.explanation}
        </Text>
        {state.error || state.isPending ? (
          <PageState
            error={state.error || undefined}
            loading={state.isPending}
            query={state.error ? { isError: true, error: state.error, refetch: state.refetch } : undefined}
          />
        ) : tables.length === 0 ? (
          <PageState empty />
        ) : (
          tables.map((table) => (
            <Stack key={table.id} gap={4} data-table-id={table.id}>
              <FigureTable caption={table.title[language]} {...reportRows(table, language)} />
              {table.note && (
                <Text size="xs" c="dimmed">
                  {table.note[language]}
                </Text>
              )}
            </Stack>
          ))
        )}
        <Text size="xs" c="dimmed">
          {t.sumNote}
        </Text>
        <Provenance source={source} />
      </Stack>
    </Paper>
  );
}
