import { Button, Code, Group, Menu, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api } from '../../api/client.js';
import { common } from '../../i18n/common.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime, formatNumber } from '../../shared/format.js';
import { errorMessage } from '../../shared/PageState.js';
import { placeLabel } from '../../shared/ubigeo.js';
import { saveDownload } from '../statistics/download.js';
import { texts } from './texts.js';
import type { Publication } from './types.js';
import { ScrollRegion } from '../../shared/ScrollRegion.js';

/** Issued publications, newest as the API lists them; each can show its revisions or be downloaded byte for byte. */
export function PublicationsTable({ publications, onRevisions }: { publications: Publication[]; onRevisions(p: Publication): void }) {
  const t = useTexts(texts);
  const c = useTexts(common);
  const { language } = useLanguage();
  const download = (p: Publication, format: 'json' | 'csv' | 'xlsx') => {
    const name = `publicacion-${p.kind}-${p.period}.${format}`;
    void saveDownload(
      api.GET('/api/v1/publications/{id}', {
        params: { path: { id: p.publicationId }, query: format === 'json' ? {} : { format, lang: language } },
        parseAs: 'blob',
      }),
      name,
    ).catch((error: unknown) => notifications.show({ color: 'red', message: errorMessage(error, c.networkError) }));
  };
  return (
    <ScrollRegion label={t.listTitle}>
      <Table striped withTableBorder highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {[t.kind, t.period, t.department, t.publishedAt].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t.position}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t.k}
            </Table.Th>
            <Table.Th scope="col">{t.sha}</Table.Th>
            <Table.Th scope="col">{t.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {publications.map((p) => (
            <Table.Tr key={p.publicationId}>
              <Table.Td>{p.kind === 'monthly' ? t.monthly : t.annual}</Table.Td>
              <Table.Td>{p.period}</Table.Td>
              <Table.Td>{p.department ? placeLabel(p.department) : t.allPeru}</Table.Td>
              <Table.Td>{formatDateTime(p.publishedAt, language)}</Table.Td>
              <Table.Td ta="right">{formatNumber(p.asOfPosition, language)}</Table.Td>
              <Table.Td ta="right">{p.k}</Table.Td>
              <Table.Td>
                <Code title={p.sha256}>{p.sha256.slice(0, 12)}…</Code>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => onRevisions(p)} aria-label={`${t.revisions} ${p.period}`}>
                    {t.revisions}
                  </Button>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="default" aria-label={`${t.download} ${p.period}`}>
                        {t.download}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => download(p, 'json')}>JSON</Menu.Item>
                      <Menu.Item onClick={() => download(p, 'csv')}>CSV</Menu.Item>
                      <Menu.Item onClick={() => download(p, 'xlsx')}>Excel</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
