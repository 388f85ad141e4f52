import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, purposeHeader } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { ActForm } from './ActForm.js';
import { texts } from './texts.js';
import type { Assistance, AssistanceAct } from './types.js';
import { useAssistance } from './use-assistance.js';

/**
 * /asistencia?caseId=…&victimId=… — a victim's assistance for protection services: her history (no personal field
 * unless asked for with a purpose, kept in this page's memory only) and the form of the acts that apply now.
 */
export default function AssistancePage() {
  const t = useTexts(texts);
  const [params, setParams] = useSearchParams();
  const caseId = (params.get('caseId') ?? '').toLowerCase();
  const victimId = (params.get('victimId') ?? '').toLowerCase();
  const [draft, setDraft] = useState({ caseId, victimId });
  const open = (event: FormEvent) => {
    event.preventDefault();
    setParams({ caseId: draft.caseId.trim(), victimId: draft.victimId.trim() });
  };
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t.title}</Title>
        <Text size="sm" c="dimmed">
          {t.intro}
        </Text>
      </div>
      <Paper withBorder p="md">
        <form onSubmit={open}>
          <Group align="flex-end">
            <TextInput
              label={t.caseId}
              value={draft.caseId}
              onChange={(e) => setDraft({ ...draft, caseId: e.currentTarget.value })}
              w={340}
            />
            <TextInput
              label={t.victimId}
              value={draft.victimId}
              onChange={(e) => setDraft({ ...draft, victimId: e.currentTarget.value })}
              w={340}
            />
            <Button type="submit">{t.open}</Button>
          </Group>
        </form>
      </Paper>
      {caseId && victimId && <VictimAssistance key={`${caseId}/${victimId}`} caseId={caseId} victimId={victimId} />}
    </Stack>
  );
}

function VictimAssistance({ caseId, victimId }: { caseId: string; victimId: string }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const query = useAssistance(caseId, victimId);
  const [purpose, setPurpose] = useState('');
  const [opened, setOpened] = useState<Assistance | null>(null);
  if (!query.data) return <PageState query={query} />;
  const record = query.data;
  // Notes revealed with a purpose are this page's only; a newer history (an act just recorded) drops them.
  const shown = opened && opened.version === record.version ? opened : record;
  const reveal = async () => {
    const path = { caseId, victimId };
    setOpened(
      await unwrap(api.GET('/api/v1/cases/{caseId}/victims/{victimId}/assistance', { params: { path }, headers: purposeHeader(purpose) })),
    );
  };
  const consent = record.consent === null ? t.consentNone : record.consent ? t.consentGiven : t.consentRefused;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3}>{t.history}</Title>
            <Group gap="xs">
              <Badge color={record.consent ? 'teal.9' : 'gray.7'} variant="filled" style={{ textTransform: 'none' }}>
                {t.consent}: {consent}
              </Badge>
              <Badge color={record.shelteredSince ? 'blue.8' : 'gray.7'} variant="filled" style={{ textTransform: 'none' }}>
                {record.shelteredSince ? `${t.sheltered} ${formatDateTime(record.shelteredSince, language)}` : t.notSheltered}
              </Badge>
            </Group>
          </Group>
          {record.acts.length === 0 ? (
            <Text size="sm">{t.noActs}</Text>
          ) : (
            <Table striped aria-label={t.history} data-testid="assistance-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.date}</Table.Th>
                  <Table.Th>{t.kind}</Table.Th>
                  <Table.Th>{t.detail}</Table.Th>
                  <Table.Th>{t.notes}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.acts.map((act) => (
                  <Table.Tr key={act.actId}>
                    <Table.Td>{formatDateTime(act.occurredAt, language)}</Table.Td>
                    <Table.Td>{t.kinds[kindOf(act)] ?? act.type}</Table.Td>
                    <Table.Td>{detailOf(act, t)}</Table.Td>
                    <Table.Td>{act.notes ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {shown.personalDataWithheld && record.acts.length > 0 && (
            <Group align="flex-end">
              <Text size="sm" c="dimmed" maw={420}>
                {t.withheld}
              </Text>
              <TextInput label={t.purpose} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} maxLength={200} />
              <Button variant="default" disabled={purpose.trim() === ''} onClick={() => void reveal()}>
                {t.showNotes}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {record.applicableKinds.length === 0 ? (
        <Text size="sm">{t.nothingApplies}</Text>
      ) : (
        <ActForm caseId={caseId} victimId={victimId} kinds={record.applicableKinds} />
      )}
    </Stack>
  );
}

const KIND_OF: Record<AssistanceAct['type'], string> = {
  ConsentRecorded: 'consent',
  ShelterAdmitted: 'shelter_admission',
  ShelterExited: 'shelter_exit',
  ServiceProvided: 'service',
  ReintegrationRecorded: 'reintegration',
  ConsularAssistanceProvided: 'consular_assistance',
  Repatriated: 'repatriation',
  MigratoryStatusRecorded: 'migratory_status',
  Regularized: 'regularization',
  VoluntaryReturnAssisted: 'voluntary_return',
};
const kindOf = (act: AssistanceAct) => KIND_OF[act.type];

function detailOf(act: AssistanceAct, t: (typeof texts)['es']): string {
  if (act.given !== undefined) return act.given ? t.consentGiven : t.consentRefused;
  const code = act.service ?? act.exitReason ?? act.reintegration ?? act.status;
  if (code) return t.codes[code] ?? code;
  if (act.country) return act.country;
  if (act.shelterName !== undefined) return act.shelterName ?? '—';
  return '—';
}
