import { Table, Text } from '@mantine/core';
import { common } from '../../../i18n/common.js';
import { codeLabels, label } from '../../../i18n/codes.js';
import { countryName } from '../../../i18n/countries.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { texts } from './texts.js';
import type { PersonalFields, Suspect } from './types.js';
import type { SafeCase } from './use-case.js';

interface VictimsProps {
  victims: SafeCase['victims'];
  /** The personal fields the user asked for with a purpose, by victim id; null while hidden. */
  personal: Record<string, PersonalFields> | null;
}

/** Victims with what statistics count (sex, age, nationality); personal columns only once revealed. */
export function VictimsTable({ victims, personal }: VictimsProps) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const c = useTexts(common);
  const { language } = useLanguage();
  if (victims.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t.noVictims}
      </Text>
    );
  return (
    <Table striped withTableBorder aria-label={t.victims} data-testid="victims">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t.sex}</Table.Th>
          <Table.Th>{t.age}</Table.Th>
          <Table.Th>{t.nationality}</Table.Th>
          {personal && (
            <>
              <Table.Th>{t.fullName}</Table.Th>
              <Table.Th>{t.document}</Table.Th>
              <Table.Th>{t.phone}</Table.Th>
              <Table.Th>{t.address}</Table.Th>
            </>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {victims.map((victim, index) => {
          const data = personal?.[victim.victimId];
          const none = victim.erased ? t.erased : '—';
          return (
            <Table.Tr key={victim.victimId}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>{label(k.sexes, victim.sex)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {victim.age ?? k.ageGroups[victim.ageGroup]}
                {victim.age !== null && ` (${victim.ageGroup})`}
              </Table.Td>
              <Table.Td>{countryName(victim.nationality, language, c.unknown)}</Table.Td>
              {personal && (
                <>
                  <Table.Td>{data?.fullName ?? none}</Table.Td>
                  <Table.Td>{data?.documentNumber ? `${label(k.documentTypes, data.documentType)} ${data.documentNumber}` : none}</Table.Td>
                  <Table.Td>{data?.phone ?? none}</Table.Td>
                  <Table.Td>{data?.address ?? none}</Table.Td>
                </>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Suspects: the API records no personal field of theirs, only sex, age, nationality and role in the network. */
export function SuspectsTable({ suspects }: { suspects: Suspect[] }) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const c = useTexts(common);
  const { language } = useLanguage();
  if (suspects.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t.noSuspects}
      </Text>
    );
  return (
    <Table striped withTableBorder aria-label={t.suspects} data-testid="suspects">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t.sex}</Table.Th>
          <Table.Th>{t.age}</Table.Th>
          <Table.Th>{t.nationality}</Table.Th>
          <Table.Th>{t.suspectRole}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {suspects.map((suspect, index) => (
          <Table.Tr key={suspect.suspectId}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>{label(k.sexes, suspect.sex)}</Table.Td>
            <Table.Td>{suspect.age ?? '—'}</Table.Td>
            <Table.Td>{countryName(suspect.nationality, language, c.unknown)}</Table.Td>
            <Table.Td>{suspect.role ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
