import { Grid, Paper, Stack, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { can } from '../../auth/use-me.js';
import { useParams } from 'react-router';
import { useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { NetworkPanel } from './network/NetworkPanel.js';
import { CaseActions } from './view/CaseActions.js';
import { CaseHeader } from './view/CaseHeader.js';
import { CaseTimelineView } from './view/CaseTimelineView.js';
import { OperationsTable } from './view/OperationsTable.js';
import { PersonalDataControl } from './view/PersonalDataControl.js';
import { SuspectsTable, VictimsTable } from './view/PeopleTables.js';
import { texts } from './view/texts.js';
import type { PersonalFields } from './view/types.js';
import { useCase, useCaseTimeline } from './view/use-case.js';
import type { ReasonCommand } from './view/ReasonCommandForm.js';

const CorrectVictimForm = lazy(() => import('./view/CorrectVictimForm.js'));
const ReasonCommandForm = lazy(() => import('./view/ReasonCommandForm.js'));

/** /casos/:caseId — one case: who, where, what was done, by whom and when, and what the role may do next. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  // Keyed by case: revealed personal data never carries over to another case; leaving the page drops it.
  return <CaseScreen key={caseId} caseId={caseId.toLowerCase()} />;
}

function CaseScreen({ caseId }: { caseId: string }) {
  const t = useTexts(texts);
  const me = useMe();
  const view = useCase(caseId);
  const timeline = useCaseTimeline(view.data ? caseId : null);
  const [personal, setPersonal] = useState<Record<string, PersonalFields> | null>(null);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [voiding, setVoiding] = useState<ReasonCommand | null>(null);
  if (!view.data) return <PageState query={view} />;
  const data = view.data;
  const mayCorrectVictim = can(me.data, 'POST /api/v1/cases/{caseId}/victims/{victimId}/corrections');
  const mayVoidVictim = can(me.data, 'POST /api/v1/cases/{caseId}/victims/{victimId}/voiding');
  const mayVoidSuspect = can(me.data, 'POST /api/v1/cases/{caseId}/suspects/{suspectId}/voiding');
  const correctingVictim = correcting === null ? undefined : data.victims[correcting];
  const trialIds = [
    ...new Set(
      (timeline.data?.milestones ?? []).flatMap((m) => (m.milestone === 'TrialOpened' && m.detail.trialId ? [m.detail.trialId] : [])),
    ),
  ];
  // The button only for roles the API gives the victims' personal fields (GET /me), and only when there are victims.
  const mayReveal = !!me.data?.personalData.case && data.victims.some((v) => !v.erased);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <CaseHeader view={data} trialIds={trialIds} />
          <CaseActions view={data} me={me.data} />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t.victims}
              </Title>
              <PersonalDataControl caseId={caseId} available={mayReveal} personal={personal} onChange={setPersonal} />
              <VictimsTable
                victims={data.victims}
                personal={personal}
                onCorrect={mayCorrectVictim ? setCorrecting : undefined}
                onVoid={
                  mayVoidVictim ? (index) => setVoiding({ kind: 'voidVictim', victimId: data.victims[index].victimId, index }) : undefined
                }
              />
              <Title order={3} size="h4" mt="sm">
                {t.suspects}
              </Title>
              <SuspectsTable
                suspects={data.suspects}
                onVoid={
                  mayVoidSuspect
                    ? (index) => setVoiding({ kind: 'voidSuspect', suspectId: data.suspects[index].suspectId, index })
                    : undefined
                }
              />
              <Title order={3} size="h4" mt="sm">
                {t.operations}
              </Title>
              <OperationsTable operations={data.operations} />
            </Stack>
          </Paper>
          <NetworkPanel view={data} me={me.data} />
          <Suspense fallback={null}>
            {correctingVictim && correcting !== null && (
              <CorrectVictimForm
                view={data}
                victim={correctingVictim}
                index={correcting}
                personal={personal?.[correctingVictim.victimId] ?? null}
                onClose={() => setCorrecting(null)}
              />
            )}
            {voiding && <ReasonCommandForm view={data} command={voiding} onClose={() => setVoiding(null)} />}
          </Suspense>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t.timeline}
          </Title>
          <CaseTimelineView query={timeline} />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
