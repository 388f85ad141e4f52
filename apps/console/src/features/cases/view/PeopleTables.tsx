import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { common } from '../../../i18n/common.js';
import { codeLabels, label } from '../../../i18n/codes.js';
import { countryName } from '../../../i18n/countries.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { correctionTexts } from './correction-texts.js';
import { texts } from './texts.js';
import type { PersonalFields, Suspect } from './types.js';
import type { SafeCase } from './use-case.js';

interface VictimsProps {
  victims: SafeCase['victims'];
  /** The personal fields the user asked for with a purpose, by victim id; null while hidden. */
  personal: Record<string, PersonalFields> | null;
  /** The corrections this role may make on a row (none: no column). */
  onCorrect?(index: number): void;
  onVoid?(index: number): void;
}

/** A voided person stays in the record, struck through and marked, and counts nowhere. */
const STRUCK: CSSProperties = { textDecoration: 'line-through', color: 'var(--mantine-color-dark-3)' };

function VoidedMark() {
  const r = useTexts(correctionTexts);
  return (
    <Badge size="sm" color="red" variant="light" title={r.voidedPerson} ml={6} style={{ textDecoration: 'none' }}>
      {r.voided}
    </Badge>
  );
}

function RowActions({ voided, buttons }: { voided: boolean; buttons: Array<{ label: string; aria: string; run?(): void }> }) {
  const shown = buttons.filter((button) => button.run);
  if (voided || shown.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((button) => (
        <Button key={button.label} size="compact-xs" variant="light" aria-label={button.aria} onClick={button.run}>
          {button.label}
        </Button>
      ))}
    </Group>
  );
}

const isVoided = (person: object): boolean => 'voided' in person && person.voided === true;

function Cell({ struck, children }: { struck: boolean; children: ReactNode }) {
  return <Table.Td style={struck ? STRUCK : undefined}>{children}</Table.Td>;
}

/** Victims with what statistics count (sex, age, nationality); personal columns only once revealed. */
export function VictimsTable({ victims, personal, onCorrect, onVoid }: VictimsProps) {
  const t = useTexts(texts);
  const r = useTexts(correctionTexts);
  const withActions = !!(onCorrect || onVoid);
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
          {withActions && <Table.Th>{t.actions}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {victims.map((victim, index) => {
          const data = personal?.[victim.victimId];
          const none = victim.erased ? t.erased : '—';
          const voided = isVoided(victim);
          return (
            <Table.Tr key={victim.victimId} data-voided={voided || undefined}>
              <Table.Td>
                <span style={voided ? STRUCK : undefined}>{index + 1}</span>
                {voided && <VoidedMark />}
              </Table.Td>
              <Cell struck={voided}>{label(k.sexes, victim.sex)}</Cell>
              <Table.Td style={{ whiteSpace: 'nowrap', ...(voided ? STRUCK : {}) }}>
                {victim.age ?? k.ageGroups[victim.ageGroup]}
                {victim.age !== null && ` (${victim.ageGroup})`}
              </Table.Td>
              <Cell struck={voided}>{countryName(victim.nationality, language, c.unknown)}</Cell>
              {personal && (
                <>
                  <Table.Td>{data?.fullName ?? none}</Table.Td>
                  <Table.Td>{data?.documentNumber ? `${label(k.documentTypes, data.documentType)} ${data.documentNumber}` : none}</Table.Td>
                  <Table.Td>{data?.phone ?? none}</Table.Td>
                  <Table.Td>{data?.address ?? none}</Table.Td>
                </>
              )}
              {withActions && (
                <Table.Td>
                  <RowActions
                    voided={voided}
                    buttons={[
                      {
                        label: r.correctVictim,
                        aria: `${r.correctVictim}: ${t.victimN.replace('{n}', String(index + 1))}`,
                        run: onCorrect && (() => onCorrect(index)),
                      },
                      {
                        label: r.voidVictim,
                        aria: `${r.voidVictim}: ${t.victimN.replace('{n}', String(index + 1))}`,
                        run: onVoid && (() => onVoid(index)),
                      },
                    ]}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Suspects: the API records no personal field of theirs, only sex, age, nationality and role in the network. */
export function SuspectsTable({ suspects, onVoid }: { suspects: Suspect[]; onVoid?(index: number): void }) {
  const t = useTexts(texts);
  const r = useTexts(correctionTexts);
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
          {onVoid && <Table.Th>{t.actions}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {suspects.map((suspect, index) => {
          const voided = isVoided(suspect);
          return (
            <Table.Tr key={suspect.suspectId} data-voided={voided || undefined}>
              <Table.Td>
                <span style={voided ? STRUCK : undefined}>{index + 1}</span>
                {voided && <VoidedMark />}
              </Table.Td>
              <Cell struck={voided}>{label(k.sexes, suspect.sex)}</Cell>
              <Cell struck={voided}>{suspect.age ?? '—'}</Cell>
              <Cell struck={voided}>{countryName(suspect.nationality, language, c.unknown)}</Cell>
              <Cell struck={voided}>{suspect.role ?? '—'}</Cell>
              {onVoid && (
                <Table.Td>
                  <RowActions
                    voided={voided}
                    buttons={[
                      {
                        label: r.voidSuspect,
                        aria: `${r.voidSuspect}: ${t.suspectN.replace('{n}', String(index + 1))}`,
                        run: () => onVoid(index),
                      },
                    ]}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
