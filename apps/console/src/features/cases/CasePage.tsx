import { Grid, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { CaseActions } from './view/CaseActions.js';
import { CaseHeader } from './view/CaseHeader.js';
import { CaseTimelineView } from './view/CaseTimelineView.js';
import { OperationsTable } from './view/OperationsTable.js';
import { PersonalDataControl } from './view/PersonalDataControl.js';
import { SuspectsTable, VictimsTable } from './view/PeopleTables.js';
import { texts } from './view/texts.js';
import type { PersonalFields } from './view/types.js';
import { useCase, useCaseTimeline } from './view/use-case.js';

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
  if (!view.data) return <PageState query={view} />;
  const data = view.data;
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
              <VictimsTable victims={data.victims} personal={personal} />
              <Title order={3} size="h4" mt="sm">
                {t.suspects}
              </Title>
              <SuspectsTable suspects={data.suspects} />
              <Title order={3} size="h4" mt="sm">
                {t.operations}
              </Title>
              <OperationsTable operations={data.operations} />
            </Stack>
          </Paper>
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
