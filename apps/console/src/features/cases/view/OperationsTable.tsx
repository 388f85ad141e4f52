import { Table, Text } from '@mantine/core';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { formatDateTime } from '../../../shared/format.js';
import { texts } from './texts.js';
import type { Operation } from './types.js';

export function OperationsTable({ operations }: { operations: Operation[] }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  if (operations.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t.operationsEmpty}
      </Text>
    );
  return (
    <Table striped withTableBorder aria-label={t.operations} data-testid="operations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.conductedAt}</Table.Th>
          <Table.Th>{t.rescued}</Table.Th>
          <Table.Th>{t.detained}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {operations.map((op) => (
          <Table.Tr key={op.operationId}>
            <Table.Td>{formatDateTime(op.conductedAt, language)}</Table.Td>
            <Table.Td>{op.rescued}</Table.Td>
            <Table.Td>{op.detained}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
