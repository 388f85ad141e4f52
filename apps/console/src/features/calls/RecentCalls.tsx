import { Badge, Button, Group, Kbd, Paper, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { useLanguage, useTexts, type Language } from '../../i18n/i18n.js';
import { dateFormatter, formatDateTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { placeLabel } from '../../shared/ubigeo.js';
import { listCalls, type CallFilters } from './api.js';
import { RecentFilters } from './RecentFilters.js';
import { texts } from './texts.js';
import type { CallListItem } from './types.js';

interface Props {
  /** The highest position this tab wrote: part of the key, so a save refetches a list that includes it. */
  position: number | undefined;
  selectedId: string | null;
  onOpen(call: CallListItem): void;
  /** The selected call's row, each time the list is fetched. */
  onSelectedRow(call: CallListItem): void;
  firstRow: Ref<HTMLButtonElement>;
}

const REFRESH_MS = 30_000;

/** Up and down arrows move between the rows' buttons, as in a spreadsheet; Enter opens the row. */
function moveBetweenRows(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-row-button]')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[Math.min(buttons.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

/** Day and 24-hour time in Lima, on one line: a recent list needs no year. */
function shortTime(iso: string, language: Language): string {
  return dateFormatter(language, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** The operator's recent calls, newest first, without any personal field; a row opens its next actions. */
export function RecentCalls({ position, selectedId, onOpen, onSelectedRow, firstRow }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const [filters, setFilters] = useState<CallFilters>({ from: '', to: '', topic: null, status: null, mine: true });
  const query = useInfiniteQuery({
    queryKey: ['hotline-calls', filters, position ?? 0],
    queryFn: ({ pageParam }) => listCalls(filters, pageParam, position),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  useEffect(() => {
    const row = rows.find((item) => item.callId === selectedId);
    if (row) onSelectedRow(row);
  }, [rows, selectedId, onSelectedRow]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recent-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="recent-title">
          {t.recentTitle} <Kbd size="xs">Alt+L</Kbd>
        </Title>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> <Kbd size="xs">Enter</Kbd> {t.rowsHint} · {t.refreshed}
        </Text>
      </Group>
      <RecentFilters filters={filters} onChange={setFilters} />
      {query.isError || (query.isPending && !query.data) ? (
        <PageState query={query} />
      ) : rows.length === 0 ? (
        <PageState empty emptyText={t.noCalls} />
      ) : (
        <Table mt="sm" highlightOnHover verticalSpacing={4} fz="sm" data-testid="recent-calls">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colTime}</Table.Th>
              <Table.Th>{t.colPlace}</Table.Th>
              <Table.Th>{t.colChannel}</Table.Th>
              <Table.Th>{t.colTopic}</Table.Th>
              <Table.Th>{t.colStatus}</Table.Th>
              <Table.Th ta="right">{t.colReferrals}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody onKeyDown={moveBetweenRows}>
            {rows.map((row, index) => {
              const time = shortTime(row.receivedAt, language);
              return (
                <Table.Tr
                  key={row.callId}
                  data-call-id={row.callId}
                  bg={row.callId === selectedId ? 'indigo.0' : undefined}
                  onClick={() => onOpen(row)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <UnstyledButton
                      ref={index === 0 ? firstRow : undefined}
                      onClick={(event) => {
                        event.stopPropagation();
                        onOpen(row);
                      }}
                      data-row-button
                      aria-pressed={row.callId === selectedId}
                      fz="sm"
                      td="underline"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {time}
                      <VisuallyHidden>{` (${formatDateTime(row.receivedAt, language)}): ${t.openActions}`}</VisuallyHidden>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    {row.callerUbigeo ? (
                      placeLabel(row.callerUbigeo)
                    ) : (
                      <Text span size="sm" c="dimmed">
                        {t.noPlace}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t.channels[row.channel] ?? row.channel}</Table.Td>
                  <Table.Td>
                    {/* The label never breaks; the badge goes under it when the column is too narrow (English). */}
                    <Group gap={4} wrap="wrap">
                      <span style={{ whiteSpace: 'nowrap' }}>{t.topics[row.topic] ?? row.topic}</span>
                      {row.traffickingRelated && (
                        <Badge color="red" size="xs" style={{ flexShrink: 0 }}>
                          {t.traffickingBadge}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {row.status === 'closed' ? (row.outcome ? t.outcomes[row.outcome] : t.statuses.closed) : t.statuses.open}
                  </Table.Td>
                  <Table.Td ta="right">{row.referrals}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {query.hasNextPage && (
        <Button mt="xs" size="xs" variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t.loadMore}
        </Button>
      )}
    </Paper>
  );
}
