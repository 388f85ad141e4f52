import { Code, Table, Text } from '@mantine/core';
import { codeLabels, label } from '../../i18n/codes.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { texts } from './texts.js';
import type { AuditEntry } from './types.js';
import { ScrollRegion } from '../../shared/ScrollRegion.js';

/** Audit entries: who, what, which record (its id, never its data), when and why. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  return (
    <ScrollRegion label={t.title}>
      <Table striped withTableBorder highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            {[t.at, t.actor, t.role, t.action, t.record, t.subjects, t.purpose, t.requestId].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.auditId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, language)}</Table.Td>
              <Table.Td>{entry.actorSubject}</Table.Td>
              <Table.Td>{label(k.roles, entry.actorRole)}</Table.Td>
              <Table.Td>{k.auditActions[entry.action]}</Table.Td>
              <Table.Td>
                {entry.recordType} <Code>{entry.recordId}</Code>
              </Table.Td>
              <Table.Td>
                {entry.subjectIds.length === 0
                  ? '—'
                  : entry.subjectIds.slice(0, 3).map((id) => (
                      <Code key={id} display="block">
                        {id}
                      </Code>
                    ))}
                {entry.subjectIds.length > 3 ? <Text size="xs">{t.moreSubjects(entry.subjectIds.length - 3)}</Text> : null}
              </Table.Td>
              <Table.Td>{entry.purpose ?? '—'}</Table.Td>
              <Table.Td>
                <Code>{entry.requestId ?? '—'}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
