import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import { useTexts } from '../../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../../shared/format.js';
import { CommandModal, DateTimeField } from './CommandModal.js';
import type { ActionFormProps } from './OperationForm.js';
import { texts } from './texts.js';
import { caseKey, timelineKey } from './use-case.js';
import { useCommand } from './use-command.js';

/** POST /cases/{id}/prosecutor-referral {referredAt, office}: the API opens the prosecution and answers its id. */
export default function ProsecutorReferralForm({ view, onClose }: ActionFormProps) {
  const t = useTexts(texts);
  const [referredAt, setReferredAt] = useState(() => limaNow().slice(0, 16));
  const [office, setOffice] = useState('');
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId), ['justice-cases']]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        version: view.version,
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/prosecutor-referral', {
            params: { path: { caseId: view.caseId } },
            body: { referredAt: fromLimaLocal(referredAt), office },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  return (
    <CommandModal
      opened
      title={t.referToProsecutor}
      submitLabel={t.referToProsecutor}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <DateTimeField label={t.referredAt} description={t.limaTime} value={referredAt} onChange={setReferredAt} error={errors.referredAt} />
      <TextInput
        label={t.office}
        required
        maxLength={200}
        value={office}
        onChange={(e) => setOffice(e.currentTarget.value)}
        error={errors.office}
        data-autofocus
      />
    </CommandModal>
  );
}
