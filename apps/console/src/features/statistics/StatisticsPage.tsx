import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import '@mantine/charts/styles.css';
import { useSearchParams } from 'react-router';
import { can, useMe } from '../../auth/use-me.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { DepartmentPanel } from './DepartmentPanel.js';
import { DownloadsPanel } from './DownloadsPanel.js';
import { Filters } from './Filters.js';
import { periodText } from './figures.js';
import { FunnelPanel } from './FunnelPanel.js';
import { hotlineProvenance, limaMonth, mergeProvenance, monthsBetween, reportsProvenance, shiftMonth } from './model.js';
import { ReconciliationPanel } from './ReconciliationPanel.js';
import { ReportTablesPanel } from './ReportTablesPanel.js';
import { texts } from './texts.js';
import { TrendPanel } from './TrendPanel.js';
import { useHotline, useMonthlyReports, useReleasePoints, type Filters as Values } from './use-statistics.js';
import { VictimsPanel } from './VictimsPanel.js';

/** Each month is one monthly report request; two years keeps the screen quick and the API unburdened. */
const MAX_MONTHS = 24;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Statistics for analysts (disclosure-controlled) and operational roles (their scope): the panels shown are those
 * whose endpoints the role may call (GET /me `allowed`). The filters live in the address (no personal data there).
 */
export default function StatisticsPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const scope = me.data?.departments ?? [];
  const to = MONTH.test(params.get('hasta') ?? '') ? params.get('hasta')! : limaMonth();
  const from = MONTH.test(params.get('desde') ?? '') ? params.get('desde')! : shiftMonth(to, -11);
  const department = params.get('dpto') ?? (scope.length > 1 ? scope[0] : '');
  // Analysts read at release points only: the latest by default, or one of the list (never a free position).
  const analyst = me.data?.role === 'analyst';
  const releasePoints = useReleasePoints(analyst && can(me.data, 'GET /api/v1/statistics/release-points'));
  const asOf = analyst && /^\d+$/.test(params.get('corte') ?? '') ? params.get('corte')! : '';
  const filters: Values = { from, to, department, asOf };
  const months = from <= to ? monthsBetween(from, to) : [];
  const tooLong = months.length > MAX_MONTHS;
  const valid = months.length > 0 && !tooLong;

  const hotlineAllowed = can(me.data, 'GET /api/v1/statistics/hotline');
  const monthly = can(me.data, 'GET /api/v1/statistics/monthly');
  const inei = can(me.data, 'GET /api/v1/statistics/inei/{year}');
  // Calls by month come from /statistics/hotline, of the chosen department too (`department=DD`).
  const callsFromHotline = hotlineAllowed;
  const byMonth = useHotline(filters, 'month', valid && callsFromHotline);
  const byDepartment = useHotline(filters, 'department', valid && hotlineAllowed && !department);
  const reports = useMonthlyReports(valid && monthly ? months : [], department, valid && monthly, asOf);

  if (!me.data) return <PageState query={me} />;
  const apply = (next: Values) =>
    setParams({
      desde: next.from,
      hasta: next.to,
      ...(next.department ? { dpto: next.department } : {}),
      ...(next.asOf ? { corte: next.asOf } : {}),
    });
  const period = periodText(from, to, language);
  const reportSource = reportsProvenance(period, reports.reports);
  const combine = (...queries: Array<{ isPending: boolean; error: unknown; refetch: () => unknown }>) => ({
    isPending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    refetch: () => queries.forEach((q) => void q.refetch()),
  });
  const hotlineState = (q: typeof byMonth, on: boolean) => ({ isPending: on && q.isPending, error: q.error, refetch: q.refetch });
  const monthlyState = monthly ? reports : { isPending: false, error: null, refetch: () => undefined };
  const filterError = byMonth.error ?? byDepartment.error ?? reports.error;

  return (
    <Stack gap="md" maw={1280}>
      <Title order={1} size="h2">
        {t.title}
      </Title>
      <Text size="sm">{t.intro}</Text>
      <Filters
        key={`${from}|${to}|${department}|${asOf}|${releasePoints.data?.length ?? 0}`}
        value={filters}
        onApply={apply}
        scope={scope}
        error={filterError}
        rangeProblem={tooLong ? t.tooLong(MAX_MONTHS) : undefined}
        releasePoints={analyst ? (releasePoints.data ?? []) : undefined}
      />
      {!hotlineAllowed && !monthly && <Alert color="gray">{t.noPanels}</Alert>}
      {valid && (monthly || inei) && <DownloadsPanel month={to} department={department} monthly={monthly} inei={inei} asOf={asOf} />}
      {valid && (hotlineAllowed || monthly) && (
        <TrendPanel
          months={months}
          hotline={callsFromHotline ? byMonth.data : undefined}
          reports={reports.reports}
          withReports={monthly}
          source={mergeProvenance(
            period,
            callsFromHotline ? hotlineProvenance(period, byMonth.data) : { period, positions: [], k: null },
            reportSource,
          )}
          state={combine(hotlineState(byMonth, callsFromHotline), monthlyState)}
        />
      )}
      {valid && (hotlineAllowed || monthly) && (
        <DepartmentPanel
          hotline={!department ? byDepartment.data : undefined}
          reports={reports.reports}
          withReports={monthly}
          source={mergeProvenance(
            period,
            !department ? hotlineProvenance(period, byDepartment.data) : { period, positions: [], k: null },
            reportSource,
          )}
          state={combine(hotlineState(byDepartment, hotlineAllowed && !department), monthlyState)}
        />
      )}
      {valid && monthly && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <FunnelPanel reports={reports.reports} source={reportSource} state={reports} />
          <VictimsPanel reports={reports.reports} source={reportSource} state={reports} />
        </SimpleGrid>
      )}
      {valid && monthly && <ReconciliationPanel reports={reports.reports} source={reportSource} state={reports} />}
      {valid && monthly && <ReportTablesPanel reports={reports.reports} source={reportSource} state={reports} />}
    </Stack>
  );
}
