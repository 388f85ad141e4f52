import { Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { common } from '../../i18n/common.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import type { Report } from '../statistics/types.js';
import { texts } from './texts.js';
import type { Publication, Revisions } from './types.js';
import { ScrollRegion } from '../../shared/ScrollRegion.js';

/** A revised value: "x" (suppressed) reads "reservado", null (the cell did not exist) reads "no existía". */
function valueText(value: number | 'x' | null, reserved: string, absent: string, language: 'es' | 'en'): string {
  if (value === 'x') return reserved;
  if (value === null) return absent;
  return formatNumber(value, language);
}

/** Cell by cell, what the published report said and what the same report says now, with the report's own labels. */
export function RevisionsModal({ publication, onClose }: { publication: Publication; onClose(): void }) {
  const t = useTexts(texts);
  const c = useTexts(common);
  const { language } = useLanguage();
  const revisions = useQuery({
    queryKey: ['publications', publication.publicationId, 'revisions'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/publications/{id}/revisions', { params: { path: { id: publication.publicationId } } })) as Promise<Revisions>,
  });
  // The frozen report itself, only for the labels of its tables, rows and columns.
  const report = useQuery({
    queryKey: ['publications', publication.publicationId, 'report'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/publications/{id}', { params: { path: { id: publication.publicationId }, query: {} } })) as Promise<Report>,
    staleTime: Infinity,
  });
  const tableOf = (id: string) => report.data?.tables.find((tb) => tb.id === id);
  const label = (id: string, row?: string, column?: string) => {
    const tb = tableOf(id);
    if (row !== undefined) return tb?.rows.find((r) => r.key === row)?.label[language] ?? row;
    if (column !== undefined) return tb?.columns.find((col) => col.key === column)?.label[language] ?? column;
    return tb?.title[language] ?? id;
  };
  return (
    <Modal opened onClose={onClose} size="xl" title={t.revisionsTitle(publication.period)} closeButtonProps={{ 'aria-label': t.close }}>
      {revisions.data ? (
        <Stack gap="sm">
          <Text size="sm">
            {t.revisionsIntro(
              formatNumber(revisions.data.publication.asOfPosition, language),
              formatNumber(revisions.data.currentPosition, language),
            )}
          </Text>
          {revisions.data.changes.length === 0 ? (
            <Text data-testid="no-changes">{t.noChanges}</Text>
          ) : (
            <ScrollRegion label={t.revisionsTitle(publication.period)} maxHeight={420}>
              <Table striped withTableBorder stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    {[t.table, t.row, t.column].map((h) => (
                      <Table.Th key={h} scope="col">
                        {h}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" ta="right">
                      {t.publishedValue}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t.currentValue}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {revisions.data.changes.map((change) => (
                    <Table.Tr key={`${change.table}|${change.row}|${change.column}`}>
                      <Table.Td>{label(change.table)}</Table.Td>
                      <Table.Td>{label(change.table, change.row)}</Table.Td>
                      <Table.Td>{label(change.table, undefined, change.column)}</Table.Td>
                      <Table.Td ta="right">{valueText(change.published, c.reserved, t.absent, language)}</Table.Td>
                      <Table.Td ta="right">{valueText(change.current, c.reserved, t.absent, language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </Stack>
      ) : (
        <PageState query={revisions} />
      )}
    </Modal>
  );
}
