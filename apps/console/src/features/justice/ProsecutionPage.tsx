import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, useMe } from '../../auth/use-me.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { ActionButton } from './ActionButton.js';
import { OpenTrialForm } from './OpenTrialForm.js';
import { ProtectionPanel } from './ProtectionPanel.js';
import { StageForm } from './StageForm.js';
import { STAGES, stageBlock, type Stage, type StageBlock } from './stages.js';
import { StageTimeline } from './StageTimeline.js';
import { codeLabels, type CodeLabels } from '../../i18n/codes.js';
import { texts, type JusticeTexts } from './texts.js';
import type { Prosecution } from './types.js';
import { useProsecution } from './use-justice.js';

function why(block: StageBlock | null, t: JusticeTexts, k: CodeLabels): string | null {
  if (!block) return null;
  if (block.kind === 'requires') return t.requires[block.status];
  if (block.kind === 'passed') return t.passed;
  return t.closedBy[block.status] ?? k.prosecutionStatuses[block.status];
}

/** /fiscalia/:prosecutionId — the Ministerio Público's file: stages in legal order and the next legal steps. */
export default function ProsecutionPage() {
  const { prosecutionId = '' } = useParams();
  const query = useProsecution(prosecutionId.toLowerCase());
  if (!query.data) return <PageState query={query} />;
  return <ProsecutionView prosecution={query.data} />;
}

function ProsecutionView({ prosecution }: { prosecution: Prosecution }) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const me = useMe();
  const [form, setForm] = useState<Stage | 'trial' | null>(null);
  const mayRecord = can(me.data, 'POST /api/v1/prosecutions/{prosecutionId}/{stage}');
  const mayOpenTrial = can(me.data, 'POST /api/v1/trials');
  const stageKeys = STAGES.map(
    (stage, i) =>
      [
        `alt+digit${i + 1}`,
        () => {
          if (mayRecord && !stageBlock(prosecution, stage)) setForm(stage);
        },
        { usePhysicalKeys: true },
      ] as const,
  );
  const trialBlocked = prosecution.status !== 'accused' ? t.notAccused : null;
  useHotkeys([
    ...stageKeys.map(([key, run, options]) => [key, run, options] as [string, () => void, { usePhysicalKeys: boolean }]),
    [
      'alt+J',
      () => {
        if (mayOpenTrial && !trialBlocked && !prosecution.trialId) setForm('trial');
      },
      { usePhysicalKeys: true },
    ],
  ]);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>
                  {t.prosecution} · {prosecution.office}
                </Title>
                <Text size="sm" c="dimmed">
                  {t.openedAt}: {formatDateTime(prosecution.openedAt, language)}
                </Text>
              </div>
              <Badge
                size="lg"
                color={prosecution.status === 'archived' || prosecution.status === 'dismissed' ? 'gray' : 'violet'}
                data-testid="prosecution-status"
              >
                {k.prosecutionStatuses[prosecution.status]}
              </Badge>
            </Group>
            <Group gap="md" mt="sm">
              {can(me.data, 'GET /api/v1/cases/{caseId}') && (
                <Anchor component={Link} to={`/casos/${prosecution.caseId}`} size="sm">
                  {t.caseLink} {prosecution.caseId.slice(0, 8)}
                </Anchor>
              )}
              {prosecution.trialId && (
                <Anchor component={Link} to={`/juicios/${prosecution.trialId}`} size="sm">
                  {t.trialLink} {prosecution.trialId.slice(0, 8)}
                </Anchor>
              )}
            </Group>
          </Paper>
          {mayRecord && (
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                {t.recordStage}
              </Title>
              {/* Archived, dismissed or accused: one sentence says why nothing more is recorded here. */}
              {STAGES.every((stage) => stageBlock(prosecution, stage)?.kind === 'closed') ? (
                <Text size="sm" data-testid="stages-closed">
                  {why(stageBlock(prosecution, STAGES[0]), t, k)}
                </Text>
              ) : (
                <Group align="flex-start" gap="md">
                  {STAGES.map((stage, i) => (
                    <ActionButton
                      key={stage}
                      id={`stage-${stage}`}
                      label={k.stages[stage]}
                      shortcut={String(i + 1)}
                      blocked={why(stageBlock(prosecution, stage), t, k)}
                      onClick={() => setForm(stage)}
                    />
                  ))}
                </Group>
              )}
            </Paper>
          )}
          {mayOpenTrial && !prosecution.trialId && (
            <Paper withBorder p="md">
              <ActionButton id="open-trial" label={t.openTrial} shortcut="J" blocked={trialBlocked} onClick={() => setForm('trial')} />
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t.stages}
            </Title>
            <StageTimeline prosecution={prosecution} />
          </Paper>
          {can(me.data, 'GET /api/v1/prosecutions/{prosecutionId}/protection') && (
            <ProtectionPanel prosecutionId={prosecution.prosecutionId} />
          )}
        </Stack>
      </Grid.Col>
      {form && form !== 'trial' && <StageForm prosecution={prosecution} stage={form} onClose={() => setForm(null)} />}
      {form === 'trial' && <OpenTrialForm prosecution={prosecution} onClose={() => setForm(null)} />}
    </Grid>
  );
}
