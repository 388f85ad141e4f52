import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.js';
import { common } from '../../i18n/common.js';
import { useTexts } from '../../i18n/i18n.js';
import { errorMessage } from '../../shared/PageState.js';
import { referralTexts } from './texts.js';
import type { ReferralAnswer, ReferralDetail } from './types.js';
import { useRejectReferral } from './use-referrals.js';

interface Props {
  referral: ReferralDetail;
  idempotencyKey: string;
  onRejected(answer: ReferralAnswer): void;
}

/** Rejecting with a reason (POST /referrals/{id}/reject); the API requires the reason and says so on the field. */
export function RejectForm({ referral, idempotencyKey, onRejected }: Props) {
  const t = useTexts(referralTexts);
  const c = useTexts(common);
  const [reason, setReason] = useState('');
  const reject = useRejectReferral(onRejected);
  const errors = fieldErrors(reject.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reject.isPending) reject.mutate({ referral, idempotencyKey, reason: reason.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t.reject}>
      <Stack gap="sm">
        <Text size="sm">{t.rejectIntro}</Text>
        <Textarea
          label={t.reason}
          description={t.reasonHint}
          required
          autosize
          minRows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        {reject.error && !errors.reason && (
          <Alert color="red" role="alert" title={t.failed}>
            {errorMessage(reject.error, c.networkError)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" color="red.8" loading={reject.isPending}>
            {t.reject}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
