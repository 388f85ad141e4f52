import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { can, useMe } from '../../auth/use-me.js';
import { codeLabels } from '../../i18n/codes.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { ActionButton } from './ActionButton.js';
import { protectionTexts } from './protection-texts.js';
import { GesellInterviewForm, GrantMeasureForm, victimLabel } from './ProtectionForms.js';
import { useProtection, type Protection } from './use-protection.js';

/** A prosecution's witness protection: prosecutors grant measures and record Gesell interviews; judges read. */
export function ProtectionPanel({ prosecutionId }: { prosecutionId: string }) {
  const query = useProtection(prosecutionId);
  return (
    <Paper withBorder p="md" data-testid="protection-panel">
      {query.data ? <ProtectionView protection={query.data} /> : <PageState query={query} />}
    </Paper>
  );
}

function ProtectionView({ protection }: { protection: Protection }) {
  const t = useTexts(protectionTexts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const me = useMe();
  const [form, setForm] = useState<'measure' | 'gesell' | null>(null);
  const mayGrant = can(me.data, 'POST /api/v1/prosecutions/{prosecutionId}/protection-measures');
  const mayInterview = can(me.data, 'POST /api/v1/prosecutions/{prosecutionId}/gesell-interviews');
  const noVictims = protection.victims.length === 0 ? t.noVictims : null;
  useHotkeys([
    ['alt+M', () => mayGrant && setForm('measure'), { usePhysicalKeys: true }],
    ['alt+G', () => mayInterview && !noVictims && setForm('gesell'), { usePhysicalKeys: true }],
  ]);
  const victims = new Map(protection.victims.map((v) => [v.victimId, victimLabel(v, t, k.sexes)]));
  const personOf = (m: Protection['measures'][number]) =>
    m.protectedPerson === 'victim' ? (victims.get(m.personId) ?? t.victim) : `${t.witness}: ${m.witnessReference ?? t.erased}`;
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h4">
          {t.title}
        </Title>
        <Text size="xs" c="dimmed">
          {t.intro}
        </Text>
      </div>
      {mayGrant || mayInterview ? (
        <Group gap="sm" align="flex-start">
          {mayGrant && <ActionButton id="grant-measure" label={t.grant} shortcut="M" blocked={null} onClick={() => setForm('measure')} />}
          {mayInterview && (
            <ActionButton id="record-gesell" label={t.gesell} shortcut="G" blocked={noVictims} onClick={() => setForm('gesell')} />
          )}
        </Group>
      ) : (
        <Text size="sm" data-testid="protection-read-only">
          {t.readOnly}
        </Text>
      )}
      <Title order={4} size="h5">
        {t.measures}
      </Title>
      {protection.measures.length === 0 ? (
        <Text size="sm">{t.noMeasures}</Text>
      ) : (
        <List size="sm" data-testid="protection-measures">
          {protection.measures.map((m) => (
            <List.Item key={m.measureId}>
              {t.measureCodes[m.measure]} · {personOf(m)} · {formatDateTime(m.grantedAt, language)}
              {m.endsAt ? ` ${t.until} ${formatDateTime(m.endsAt, language)}` : ''}
              {m.notes ? ` — ${m.notes}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={4} size="h5">
        {t.interviews}
      </Title>
      {protection.interviews.length === 0 ? (
        <Text size="sm">{t.noInterviews}</Text>
      ) : (
        <List size="sm" data-testid="protection-interviews">
          {protection.interviews.map((i) => (
            <List.Item key={i.interviewId}>
              {victims.get(i.victimId) ?? t.victim} · {formatDateTime(i.heldAt, language)}
            </List.Item>
          ))}
        </List>
      )}
      {form === 'measure' && <GrantMeasureForm protection={protection} onClose={() => setForm(null)} />}
      {form === 'gesell' && <GesellInterviewForm protection={protection} onClose={() => setForm(null)} />}
    </Stack>
  );
}
