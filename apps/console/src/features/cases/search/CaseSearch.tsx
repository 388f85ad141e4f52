import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTexts } from '../../../i18n/i18n.js';
import { PageState } from '../../../shared/PageState.js';
import { CaseFiltersForm } from './CaseFiltersForm.js';
import { CaseResults } from './CaseResults.js';
import { searchTexts } from './texts.js';
import { NO_FILTERS, type CaseFilters, type CaseRow } from './types.js';
import { useCaseList } from './use-case-search.js';

interface Props {
  onChoose(row: CaseRow): void;
  actionLabel: string;
  /** Bumped by the parent after a write, so the list is asked again with the new minPosition. */
  position?: number;
}

/** Search by non-personal filters with cursor pagination; reused by /casos and by "link to an existing case". */
export function CaseSearch({ onChoose, actionLabel, position }: Props) {
  const t = useTexts(searchTexts);
  const [filters, setFilters] = useState<CaseFilters>(NO_FILTERS);
  const list = useCaseList(filters, position);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <CaseFiltersForm initial={filters} onSearch={setFilters} />
      {list.isPending || list.isError ? (
        <PageState query={list} />
      ) : rows.length === 0 ? (
        <PageState empty emptyText={t.noCases} />
      ) : (
        <>
          <CaseResults
            rows={rows}
            onChoose={onChoose}
            actionLabel={actionLabel}
            caption={t.resultsCount(rows.length, !!list.hasNextPage)}
          />
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t.loadMore}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
