import { Alert, Badge, Button, Code, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { can, useMe } from '../../auth/use-me.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime, formatNumber } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { texts } from './texts.js';

/**
 * The integrity check walks the whole log, so it is its own query: it never holds up the audit list, shows that it
 * is working, and runs again only when asked (or after an anchor is taken).
 */
export function IntegrityPanel() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const me = useMe();
  const queryClient = useQueryClient();
  const integrity = useQuery({
    queryKey: ['integrity'],
    // until schema.d.ts has its response
    queryFn: () => unwrap(api.GET('/api/v1/integrity')),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const anchor = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/integrity/anchors')),
    onSuccess: (taken) => {
      notifications.show({ color: 'teal', message: t.anchored(taken.anchorId) });
      void queryClient.invalidateQueries({ queryKey: ['integrity'] });
    },
  });
  const report = integrity.data;
  const latest = report?.anchors.latestAnchor;
  const n = (value: number) => formatNumber(value, language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="integrity-title" data-testid="integrity" aria-busy={integrity.isFetching}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="integrity-title">{t.integrity}</Title>
          {report && !integrity.isFetching && <Badge size="lg" color={report.ok ? 'teal.9' : 'red.9'} variant="filled" data-testid="integrity-status">{report.ok ? t.ok : t.broken}</Badge>}
        </Group>
        <Text size="sm" c="dimmed">{t.integrityIntro}</Text>
        {integrity.isFetching && <Group gap="xs" role="status"><Loader size="xs" aria-hidden="true" /><Text size="sm">{t.checking}</Text></Group>}
        {integrity.isError && <PageState query={integrity} />}
        {report && (
          <>
            <Text size="sm">{t.chains(n(report.chains.streamsChecked), n(report.chains.eventsChecked))}</Text>
            {report.chains.firstBrokenLink && (
              <Alert color="red" title={t.brokenLink}>
                <Code>{report.chains.firstBrokenLink.streamId}</Code> #{report.chains.firstBrokenLink.streamPosition} · {report.chains.firstBrokenLink.reason}
              </Alert>
            )}
            {report.anchors.firstMismatch && (
              <Alert color="red" title={t.anchorMismatch}>
                N.º {report.anchors.firstMismatch.anchorId} · {report.anchors.firstMismatch.reason}
                {report.anchors.firstMismatch.streamId && <> · <Code>{report.anchors.firstMismatch.streamId}</Code></>}
              </Alert>
            )}
            <Text size="sm">{t.auditChain(n(report.audit.entriesChecked))}</Text>
            {report.audit.firstBrokenLink && (
              <Alert color="red" title={t.auditBroken}>
                N.º {report.audit.firstBrokenLink.auditId} · {report.audit.firstBrokenLink.reason}
              </Alert>
            )}
            {report.exported.ok && <Text size="sm">{t.exported(n(report.exported.anchorsExported))}</Text>}
            {report.exported.firstMismatch && (
              <Alert color="red" title={t.exportMismatch}>
                {report.exported.firstMismatch.anchorId !== null && <>N.º {report.exported.firstMismatch.anchorId} · </>}
                {report.exported.firstMismatch.reason}
                {report.exported.firstMismatch.fields.length > 0 && <> · {report.exported.firstMismatch.fields.join(', ')}</>}
              </Alert>
            )}
            <Stack gap={2} data-testid="last-anchor">
              <Text size="sm" fw={700}>{t.lastAnchor}</Text>
              {latest ? (
                <>
                  <Text size="sm">{t.anchorAt(latest.anchorId, formatDateTime(latest.takenAt, language), n(latest.globalPosition))}</Text>
                  <Text size="sm">{t.hash}: <Code style={{ wordBreak: 'break-all' }}>{latest.headsHash}</Code></Text>
                </>
              ) : <Text size="sm">{t.noAnchor}</Text>}
            </Stack>
          </>
        )}
        <Group gap="sm">
          {can(me.data, 'POST /api/v1/integrity/anchors') && (
            <Button onClick={() => anchor.mutate()} loading={anchor.isPending}>{t.takeAnchor}</Button>
          )}
          <Button variant="default" onClick={() => void integrity.refetch()} disabled={integrity.isFetching}>{t.recheck}</Button>
        </Group>
        {anchor.isError && <PageState error={anchor.error} />}
      </Stack>
    </Paper>
  );
}
