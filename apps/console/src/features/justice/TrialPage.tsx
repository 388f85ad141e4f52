import { Anchor, Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, useMe } from '../../auth/use-me.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { codeLabels, label } from '../../i18n/codes.js';
import { fill } from '../cases/view/texts.js';
import { useCase } from '../cases/view/use-case.js';
import { ActionButton } from './ActionButton.js';
import { trialAllows, type TrialAction } from './stages.js';
import { texts, type JusticeTexts } from './texts.js';
import { TrialForm, type Defendant } from './TrialForms.js';
import type { Trial } from './types.js';
import { useTrial } from './use-justice.js';

const ACTIONS: Array<{ action: TrialAction; key: string; label: 'issueRuling' | 'appeal' | 'declareFinal' }> = [
  { action: 'rulings', key: '1', label: 'issueRuling' },
  { action: 'appeals', key: '2', label: 'appeal' },
  { action: 'finality', key: '3', label: 'declareFinal' },
];

function why(trial: Trial, action: TrialAction, t: JusticeTexts): string | null {
  if (trialAllows(trial, action)) return null;
  if (trial.status === 'final') return t.isFinal;
  if (action === 'rulings') return t.alreadyRuled;
  return trial.status === 'appealed' ? t.appealPending : t.needsRuling;
}

/** /juicios/:trialId — the Poder Judicial's record: rulings by instance, appeals, finality and the next legal step. */
export default function TrialPage() {
  const { trialId = '' } = useParams();
  const query = useTrial(trialId.toLowerCase());
  if (!query.data) return <PageState query={query} />;
  return <TrialView trial={query.data} />;
}

function TrialView({ trial }: { trial: Trial }) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const me = useMe();
  const [form, setForm] = useState<TrialAction | null>(null);
  // The case's suspects name the defendants: suspects are not personal data, so the case is read without a purpose.
  const mayReadCase = can(me.data, 'GET /api/v1/cases/{caseId}') && !!trial.caseId;
  const view = useCase(mayReadCase ? trial.caseId! : '');
  const defendants: Defendant[] =
    mayReadCase && view.data
      ? view.data.suspects.map((s, i) => ({
          id: s.suspectId,
          label: `${fill(t.suspectN, { n: i + 1 })} · ${label(k.sexes, s.sex)}${s.age !== null ? `, ${s.age}` : ''}${s.role ? ` · ${s.role}` : ''}`,
        }))
      : [];
  const nameOf = (id: string) => defendants.find((d) => d.id === id)?.label.split(' · ')[0] ?? id.slice(0, 8);
  const mayRecord = (action: TrialAction) => can(me.data, `POST /api/v1/trials/{trialId}/${action}`);
  const allowed = ACTIONS.filter((a) => mayRecord(a.action));
  useHotkeys(
    allowed.map((a) => [
      `alt+digit${a.key}`,
      () => {
        if (trialAllows(trial, a.action)) setForm(a.action);
      },
      { usePhysicalKeys: true },
    ]),
  );
  return (
    <Grid gap="md">
      <Grid.Col span={12}>
        <Paper withBorder p="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2}>
                {t.trial} · {trial.court}
              </Title>
              <Text size="sm" c="dimmed">
                {t.trialOpenedAt}: {formatDateTime(trial.openedAt, language)}
              </Text>
            </div>
            <Badge size="lg" color={trial.status === 'final' ? 'indigo' : 'violet'} data-testid="trial-status">
              {k.trialStatuses[trial.status]}
            </Badge>
          </Group>
          <Group gap="md" mt="sm">
            <Anchor component={Link} to={`/fiscalia/${trial.prosecutionId}`} size="sm">
              {t.prosecutionLink} {trial.prosecutionId.slice(0, 8)}
            </Anchor>
            {mayReadCase && (
              <Anchor component={Link} to={`/casos/${trial.caseId}`} size="sm">
                {t.caseLink} {trial.caseId!.slice(0, 8)}
              </Anchor>
            )}
          </Group>
          {allowed.length > 0 && trial.status === 'final' && (
            <Text size="sm" mt="md" data-testid="trial-final-note">
              {t.isFinal}
            </Text>
          )}
          {allowed.length > 0 && trial.status !== 'final' && (
            <Group align="flex-start" gap="md" mt="md">
              {allowed.map((a) => (
                <ActionButton
                  key={a.action}
                  id={`trial-${a.action}`}
                  label={t[a.label]}
                  shortcut={a.key}
                  blocked={why(trial, a.action, t)}
                  onClick={() => setForm(a.action)}
                />
              ))}
            </Group>
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t.rulings}
          </Title>
          {trial.rulings.length === 0 ? (
            <PageState empty emptyText={t.noRulings} />
          ) : (
            <Table withTableBorder striped data-testid="rulings" aria-label={t.rulings}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{fill(t.instance, { n: '' }).trim()}</Table.Th>
                  <Table.Th>{t.ruledAt}</Table.Th>
                  <Table.Th>{t.verdict}</Table.Th>
                  <Table.Th>{t.years}</Table.Th>
                  <Table.Th>{t.defendants}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trial.rulings.map((r) => (
                  <Table.Tr key={r.instance}>
                    <Table.Td>{r.instance}</Table.Td>
                    <Table.Td>{formatDateTime(r.ruledAt, language)}</Table.Td>
                    <Table.Td>{k.verdicts[r.verdict]}</Table.Td>
                    <Table.Td>{r.sentenceYears ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.defendants.map(nameOf).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <Paper withBorder p="md" data-testid="appeals">
            <Title order={3} size="h4" mb="sm">
              {t.appeals}
            </Title>
            {trial.appeals.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t.noAppeals}
              </Text>
            ) : (
              trial.appeals.map((a, i) => (
                <Text key={i} size="sm">
                  {formatDateTime(a.appealedAt, language)}
                  {a.appellant ? ` · ${a.appellant}` : ''}
                </Text>
              ))
            )}
          </Paper>
          <Paper withBorder p="md" data-testid="finality">
            <Title order={3} size="h4" mb="sm">
              {t.finality}
            </Title>
            <Text size="sm" c={trial.finalAt ? undefined : 'dimmed'}>
              {trial.finalAt
                ? `${formatDateTime(trial.finalAt, language)} · ${trial.lastRuling ? k.verdicts[trial.lastRuling.verdict] : ''}`
                : t.notFinal}
            </Text>
          </Paper>
        </Stack>
      </Grid.Col>
      {form && <TrialForm trial={trial} action={form} defendants={defendants} onClose={() => setForm(null)} />}
    </Grid>
  );
}
