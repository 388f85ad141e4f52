import { Alert, Badge, Button, Code, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { can, useMe } from '../../auth/use-me.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime, formatNumber } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { texts } from './texts.js';

/**
 * The integrity walk is a job on the server (POST /integrity/verifications): the panel shows the newest finished
 * one, starts one when there is none yet, when asked, or after an anchor is taken, and polls while one runs. It
 * never holds up the audit list.
 */
export function IntegrityPanel() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const me = useMe();
  const queryClient = useQueryClient();
  const verifications = useQuery({
    queryKey: ['integrity-verifications'],
    queryFn: () => unwrap(api.GET('/api/v1/integrity/verifications')),
    refetchInterval: (query) => (query.state.data?.verifications.some((v) => v.status === 'running') ? 1000 : false),
    refetchOnWindowFocus: false,
  });
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/integrity/verifications')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['integrity-verifications'] }),
  });
  const anchor = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/integrity/anchors')),
    onSuccess: (taken) => {
      notifications.show({ color: 'teal', message: t.anchored(taken.anchorId) });
      start.mutate();
    },
  });
  // The first visit of a registry never verified: start one, once.
  const started = useRef(false);
  useEffect(() => {
    if (verifications.data && verifications.data.verifications.length === 0 && !started.current) {
      started.current = true;
      start.mutate();
    }
  }, [verifications.data, start]);
  const list = verifications.data?.verifications ?? [];
  const running = start.isPending || list.some((v) => v.status === 'running') || (verifications.isPending && !verifications.isError);
  const shown = list.find((v) => v.status !== 'running');
  const report = shown?.status === 'done' ? shown.report : null;
  const latest = report?.anchors.latestAnchor;
  const n = (value: number) => formatNumber(value, language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="integrity-title" data-testid="integrity" aria-busy={running}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="integrity-title">
            {t.integrity}
          </Title>
          {report && !running && (
            <Badge size="lg" color={report.ok ? 'teal.9' : 'red.9'} variant="filled" data-testid="integrity-status">
              {report.ok ? t.ok : t.broken}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t.integrityIntro}
        </Text>
        {running && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">{t.checking}</Text>
          </Group>
        )}
        {verifications.isError && <PageState query={verifications} />}
        {start.isError && <PageState error={start.error} />}
        {shown?.status === 'failed' && !running && <Alert color="red">{t.failed}</Alert>}
        {report && shown?.finishedAt && (
          <>
            <Text size="sm">{t.checkedAt(formatDateTime(shown.finishedAt, language))}</Text>
            <Text size="sm">{t.chains(n(report.chains.streamsChecked), n(report.chains.eventsChecked))}</Text>
            {report.chains.firstBrokenLink && (
              <Alert color="red" title={t.brokenLink}>
                <Code>{report.chains.firstBrokenLink.streamId}</Code> #{report.chains.firstBrokenLink.streamPosition} ·{' '}
                {report.chains.firstBrokenLink.reason}
              </Alert>
            )}
            {report.anchors.firstMismatch && (
              <Alert color="red" title={t.anchorMismatch}>
                N.º {report.anchors.firstMismatch.anchorId} · {report.anchors.firstMismatch.reason}
                {report.anchors.firstMismatch.streamId && (
                  <>
                    {' '}
                    · <Code>{report.anchors.firstMismatch.streamId}</Code>
                  </>
                )}
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
              <Text size="sm" fw={700}>
                {t.lastAnchor}
              </Text>
              {latest ? (
                <>
                  <Text size="sm">{t.anchorAt(latest.anchorId, formatDateTime(latest.takenAt, language), n(latest.globalPosition))}</Text>
                  <Text size="sm">
                    {t.hash}: <Code style={{ wordBreak: 'break-all' }}>{latest.headsHash}</Code>
                  </Text>
                </>
              ) : (
                <Text size="sm">{t.noAnchor}</Text>
              )}
            </Stack>
          </>
        )}
        <Group gap="sm">
          {can(me.data, 'POST /api/v1/integrity/anchors') && (
            <Button onClick={() => anchor.mutate()} loading={anchor.isPending}>
              {t.takeAnchor}
            </Button>
          )}
          <Button variant="default" onClick={() => start.mutate()} disabled={running}>
            {t.recheck}
          </Button>
        </Group>
        {anchor.isError && <PageState error={anchor.error} />}
      </Stack>
    </Paper>
  );
}
