import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { can, useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { IntegrityPanel } from './IntegrityPanel.js';
import { texts } from './texts.js';

/** Day boundaries in Lima (−05:00, no daylight saving); "to" includes its day, the API's `to` is exclusive. */
function query(filters: AuditFilterValues, before: number | undefined) {
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    ...(filters.from ? { from: `${filters.from}T00:00:00-05:00` } : {}),
    ...(filters.to ? { to: `${nextDay(filters.to)}T00:00:00-05:00` } : {}),
    ...(filters.actor.trim() ? { actor: filters.actor.trim() } : {}),
    ...(filters.recordId.trim() ? { recordId: filters.recordId.trim() } : {}),
    ...(filters.subjectId.trim() ? { subjectId: filters.subjectId.trim() } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(before ? { before } : {}),
    limit: 50,
  };
}

/** The auditor's screen: the personal-data audit trail (newest first, page by page) and the log's integrity. */
export default function AuditPage() {
  const t = useTexts(texts);
  const me = useMe();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const audit = useInfiniteQuery({
    // The filters are ids and dates typed by the auditor, not personal data of a subject.
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/audit', { params: { query: query(filters, pageParam) } })),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Stack gap="md" maw={1280}>
      <Title order={1} size="h2">
        {t.title}
      </Title>
      <Text size="sm">{t.intro}</Text>
      {can(me.data, 'GET /api/v1/integrity/verifications') && <IntegrityPanel />}
      <Paper withBorder p="md" component="section" aria-labelledby="audit-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="audit-title">
            {t.title}
          </Title>
          <AuditFilters value={filters} onApply={setFilters} error={audit.error} />
          {audit.data && entries.length > 0 ? (
            <>
              <Text size="sm" aria-live="polite">
                {t.shown(entries.length)}
              </Text>
              <AuditTable entries={entries} />
              {audit.hasNextPage && (
                <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} w="fit-content">
                  {t.loadMore}
                </Button>
              )}
            </>
          ) : (
            <PageState query={audit} empty={audit.isSuccess} emptyText={t.empty} />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
