import { Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { fieldErrors, unwrap } from '../../api/errors.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDate, formatNumber } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { ScrollRegion } from '../../shared/ScrollRegion.js';
import { DEPARTMENTS } from '../../shared/ubigeo.js';
import { limaMonth, shiftMonth } from '../statistics/model.js';
import { triangleTexts } from './triangle-texts.js';

interface Range {
  from: string;
  to: string;
  department: string;
}

const signed = (value: number, language: 'es' | 'en') => (value > 0 ? `+${formatNumber(value, language)}` : formatNumber(value, language));

/**
 * The revision triangle (issue 14): for each published month, one headline figure at each of its publications,
 * with the change since the first — how much late registration moves published months. `scope`: the token's
 * departments; with any, a department is chosen among them (regional tokens never read national publications).
 */
export function RevisionTrianglePanel({ scope }: { scope: string[] }) {
  const t = useTexts(triangleTexts);
  const { language } = useLanguage();
  const initial: Range = { from: shiftMonth(limaMonth(), -11), to: limaMonth(), department: scope[0] ?? '' };
  const [draft, setDraft] = useState(initial);
  const [range, setRange] = useState(initial);
  const [figure, setFigure] = useState('calls_received');
  const triangle = useQuery({
    queryKey: ['publications', 'revision-triangle', range],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/statistics/revision-triangle', {
          params: { query: { from: range.from, to: range.to, ...(range.department ? { department: range.department } : {}) } },
        }),
      ),
  });
  const problems = fieldErrors(triangle.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange(draft);
  };
  const data = triangle.data;
  const index = data
    ? Math.max(
        0,
        data.figures.findIndex((f) => f.key === figure),
      )
    : 0;
  const width = Math.max(0, ...(data?.months.map((m) => m.publications.length) ?? []));
  const figureLabel = data?.figures[index]?.label[language] ?? '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="triangle-title" data-testid="revision-triangle">
      <Stack gap="sm">
        <Title order={2} size="h4" id="triangle-title">
          {t.title}
        </Title>
        <Text size="sm">{t.explanation}</Text>
        <form onSubmit={submit} aria-label={t.title}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="month"
              label={t.from}
              value={draft.from}
              required
              error={problems.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
            <TextInput
              type="month"
              label={t.to}
              value={draft.to}
              required
              error={problems.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
            {scope.length > 0 && (
              <Select
                label={t.department}
                w={220}
                value={draft.department}
                allowDeselect={false}
                error={problems.department}
                data={DEPARTMENTS.filter((d) => scope.includes(d.code)).map((d) => ({ value: d.code, label: d.name }))}
                onChange={(v) => setDraft({ ...draft, department: v ?? draft.department })}
              />
            )}
            <Button type="submit">{t.show}</Button>
          </Group>
        </form>
        {data && (
          <Select
            label={t.figure}
            w={260}
            value={figure}
            allowDeselect={false}
            data={data.figures.map((f) => ({ value: f.key, label: f.label[language] }))}
            onChange={(v) => setFigure(v ?? figure)}
          />
        )}
        {!data || data.months.length === 0 ? (
          <PageState query={triangle} empty={triangle.isSuccess} emptyText={t.empty} />
        ) : (
          <ScrollRegion label={t.caption(figureLabel)} maxHeight={420}>
            <Table striped withTableBorder stickyHeader data-testid="triangle-table">
              <Table.Caption>{t.caption(figureLabel)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.month}</Table.Th>
                  {Array.from({ length: width }, (_, i) => (
                    <Table.Th key={i} scope="col" ta="right">
                      {t.publication(i + 1)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.months.map((month) => (
                  <Table.Tr key={month.period} data-period={month.period}>
                    <Table.Th scope="row">{month.period}</Table.Th>
                    {Array.from({ length: width }, (_, i) => {
                      const p = month.publications[i];
                      if (!p) return <Table.Td key={i} />;
                      const value = p.values[index];
                      const change = p.changes[index];
                      return (
                        <Table.Td key={i} ta="right" data-change={change ?? undefined}>
                          <Text size="sm" fs={value === null ? 'italic' : undefined}>
                            {value === null ? t.reserved : formatNumber(value, language)}
                            {i > 0 && change !== null && change !== 0 ? ` (${signed(change, language)})` : ''}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t.when(formatDate(p.publishedAt, language), p.monthsAfter)}
                          </Text>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
    </Paper>
  );
}
