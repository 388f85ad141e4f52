import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { common } from '../../i18n/common.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { errorMessage } from '../../shared/PageState.js';
import { placeLabel } from '../../shared/ubigeo.js';
import { CaseSearch } from '../cases/search/CaseSearch.js';
import type { CaseRow } from '../cases/search/types.js';
import { referralTexts } from './texts.js';
import type { ReferralAnswer, ReferralDetail } from './types.js';
import { useAcceptReferral } from './use-referrals.js';

interface Props {
  referral: ReferralDetail;
  idempotencyKey: string;
  /** Without case search (a role that may not list cases), the referral is accepted without a link. */
  withSearch: boolean;
  onAccepted(answer: ReferralAnswer, linkedCaseId: string | null): void;
}

/** Accepting by linking to a case already registered (found with the case search), or simply accepting. */
export function LinkCaseForm({ referral, idempotencyKey, withSearch, onAccepted }: Props) {
  const t = useTexts(referralTexts);
  const c = useTexts(common);
  const { language } = useLanguage();
  const [chosen, setChosen] = useState<CaseRow | null>(null);
  const accept = useAcceptReferral(onAccepted);
  const confirm = () => {
    if (!accept.isPending) accept.mutate({ referral, idempotencyKey, linkedCaseId: chosen?.caseId ?? null });
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{withSearch ? t.linkIntro : t.acceptIntro}</Text>
      {withSearch && <CaseSearch onChoose={setChosen} actionLabel={t.pick} />}
      {chosen && (
        <Paper withBorder p="sm" aria-live="polite">
          <Text size="sm" fw={600}>
            {t.chosen}
          </Text>
          <Text size="sm">
            {chosen.policeUnit} · {placeLabel(chosen.ubigeo)} · {formatDateTime(chosen.registeredAt, language)}
          </Text>
        </Paper>
      )}
      {accept.error && (
        <Alert color="red" role="alert" title={t.failed}>
          {errorMessage(accept.error, c.networkError)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={confirm} loading={accept.isPending} disabled={withSearch && !chosen}>
          {withSearch ? t.linkConfirm : t.accept}
        </Button>
      </Group>
    </Stack>
  );
}
