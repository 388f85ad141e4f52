import { Accordion, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { FigureTable } from './FigureTable.js';
import { sumTables } from './model.js';
import { Provenance } from './Provenance.js';
import { RECONCILIATION_TABLES } from './ReconciliationPanel.js';
import { reportRows } from './report-rows.js';
import { texts } from './texts.js';
import type { Provenance as Source, Report } from './types.js';

/** Tables the other panels already draw (the hotline's are in the trend); every other one is listed here. */
const DRAWN = new Set(['hotline_calls', 'funnel', 'victims_by_sex_age', 'denunciations_by_department', ...RECONCILIATION_TABLES]);

interface Props {
  reports: Array<Report | undefined>;
  source: Source;
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
}

/**
 * Every table of the monthly report no chart draws, generically: the API's own titles, rows, columns and suppressed
 * cells, summed over the period. A table the report gains (issue 13: by offence category, place of exploitation,
 * aggravating circumstance, recruitment method, economic sector) appears here without a console change.
 */
export function ReportTablesPanel({ reports, source, state }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const headingId = useId();
  const ids = [...new Set(reports.flatMap((report) => report?.tables.map((table) => table.id) ?? []))].filter((id) => !DRAWN.has(id));
  const tables = ids.flatMap((id) => sumTables(reports, id) ?? []);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="report-tables">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t.allTables}
        </Title>
        <Text size="sm">{t.allTablesNote}</Text>
        {state.error || state.isPending ? (
          <PageState
            error={state.error || undefined}
            loading={state.isPending}
            query={state.error ? { isError: true, error: state.error, refetch: state.refetch } : undefined}
          />
        ) : tables.length === 0 ? (
          <PageState empty />
        ) : (
          <Accordion multiple variant="contained" chevronPosition="left">
            {tables.map((table) => (
              <Accordion.Item key={table.id} value={table.id} data-table-id={table.id}>
                <Accordion.Control>{table.title[language]}</Accordion.Control>
                <Accordion.Panel>
                  {table.note && (
                    <Text size="xs" c="dimmed" mb="xs">
                      {table.note[language]}
                    </Text>
                  )}
                  <FigureTable caption={table.title[language]} {...reportRows(table, language)} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
        <Provenance source={source} />
      </Stack>
    </Paper>
  );
}
