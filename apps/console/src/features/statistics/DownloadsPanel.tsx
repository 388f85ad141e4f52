import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { errorMessage } from '../../shared/PageState.js';
import { common } from '../../i18n/common.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { saveDownload } from './download.js';
import { monthName } from './figures.js';
import { texts } from './texts.js';

interface Props {
  /** The month of the monthly report (the last month of the period) and the department chosen, if any. */
  month: string;
  department: string;
  monthly: boolean;
  inei: boolean;
  /** Analysts: the release point chosen ('' for the latest). */
  asOf?: string;
}

/** The official files, CSV (UTF-8 with BOM) and Excel, headed in the screen's language. */
export function DownloadsPanel({ month, department, monthly, inei, asOf = '' }: Props) {
  const t = useTexts(texts);
  const c = useTexts(common);
  const { language } = useLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  const year = Number(month.slice(0, 4));
  const run = async (id: string, fetchFile: () => Promise<string>) => {
    setBusy(id);
    try {
      notifications.show({ color: 'teal', message: t.downloaded(await fetchFile()) });
    } catch (error) {
      notifications.show({ color: 'red', title: t.downloadFailed, message: errorMessage(error, c.networkError) });
    } finally {
      setBusy(null);
    }
  };
  const monthlyFile = (format: 'csv' | 'xlsx') =>
    run(`monthly-${format}`, () =>
      saveDownload(
        api.GET('/api/v1/statistics/monthly', {
          params: {
            query: {
              year,
              month: Number(month.slice(5, 7)),
              format,
              lang: language,
              ...(department ? { department } : {}),
              ...(asOf ? { asOf: Number(asOf) } : {}),
            },
          },
          parseAs: 'blob',
        }),
        `reporte-${month}.${format}`,
      ),
    );
  const ineiFile = (format: 'csv' | 'xlsx') =>
    run(`inei-${format}`, () =>
      saveDownload(
        api.GET('/api/v1/statistics/inei/{year}', {
          params: { path: { year }, query: { format, lang: language, ...(asOf ? { asOf: Number(asOf) } : {}) } },
          parseAs: 'blob',
        }),
        `inei-trata-${year}.${format}`,
      ),
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="downloads-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="downloads-title">
          {t.downloads}
        </Title>
        <Text size="sm">{t.downloadsNote(monthName(month, language), String(year))}</Text>
        <Group gap="sm">
          {monthly && (
            <Button variant="default" loading={busy === 'monthly-csv'} onClick={() => void monthlyFile('csv')}>
              {t.monthlyCsv}
            </Button>
          )}
          {monthly && (
            <Button variant="default" loading={busy === 'monthly-xlsx'} onClick={() => void monthlyFile('xlsx')}>
              {t.monthlyXlsx}
            </Button>
          )}
          {inei && (
            <Button variant="default" loading={busy === 'inei-csv'} onClick={() => void ineiFile('csv')}>
              {t.ineiCsv}
            </Button>
          )}
          {inei && (
            <Button variant="default" loading={busy === 'inei-xlsx'} onClick={() => void ineiFile('xlsx')}>
              {t.ineiXlsx}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
