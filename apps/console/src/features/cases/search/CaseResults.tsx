import { Button, Group, Kbd, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTexts, useLanguage } from '../../../i18n/i18n.js';
import { formatDateTime } from '../../../shared/format.js';
import { placeLabel } from '../../../shared/ubigeo.js';
import { codeLabels } from '../../../i18n/codes.js';
import { rowKeys } from './row-keys.js';
import classes from './rows.module.css';
import { searchTexts } from './texts.js';
import type { CaseRow } from './types.js';

interface Props {
  rows: CaseRow[];
  /** What Enter or a click does with a case: open it (/casos) or link it (referral acceptance). */
  onChoose(row: CaseRow): void;
  actionLabel: string;
  caption: string;
}

/** Shade 9 / dark text: AA on white and on the hovered row. */
const STATUS_COLOR: Record<string, string> = { open: 'blue.9', referred: 'violet.9', closed: 'dark.6' };

/** Cases found, without personal fields: when, which unit, where, how it came in, for what, how many people. */
export function CaseResults({ rows, onChoose, actionLabel, caption }: Props) {
  const t = useTexts(searchTexts);
  const codes = useTexts(codeLabels);
  const { language } = useLanguage();
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {t.openHint}
        </Text>
        <Text size="xs" aria-hidden="true">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> <Kbd>Enter</Kbd>
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover verticalSpacing={6} data-testid="case-results">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.registryNumber}</Table.Th>
              <Table.Th>{t.registeredAt}</Table.Th>
              <Table.Th>{t.policeUnit}</Table.Th>
              <Table.Th>{t.place}</Table.Th>
              <Table.Th>{t.source}</Table.Th>
              <Table.Th>{t.purposes}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
              <Table.Th>{t.people}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{actionLabel}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.caseId}
                tabIndex={0}
                className={classes.row}
                data-case-id={row.caseId}
                onKeyDown={rowKeys(() => onChoose(row))}
                onClick={() => onChoose(row)}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }} ff="monospace" fw={600}>
                  {row.registryNumber ?? '—'}
                  {row.sameAsCaseId && (
                    <Text size="xs" c="dimmed" ff="sans-serif" fw={400}>
                      {t.sameFactsRow}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.registeredAt, language)}</Table.Td>
                <Table.Td>{row.policeUnit}</Table.Td>
                <Table.Td>{placeLabel(row.ubigeo)}</Table.Td>
                <Table.Td>{codes.sources[row.source] ?? row.source}</Table.Td>
                <Table.Td>{row.purposes.map((p) => codes.purposes[p] ?? p).join(', ')}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={STATUS_COLOR[row.status]}>
                    {codes.caseStatuses[row.status] ?? row.status}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.peopleCount(row.victims, row.suspects)}</Table.Td>
                <Table.Td>
                  {/* The row is the keyboard stop; the button is for the mouse, so it is not a second Tab stop. */}
                  <Button
                    size="compact-sm"
                    variant="light"
                    tabIndex={-1}
                    onClick={(e) => {
                      e.stopPropagation();
                      onChoose(row);
                    }}
                  >
                    {actionLabel}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
