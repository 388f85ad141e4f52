import { Textarea } from '@mantine/core';
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

/** POST /cases/{id}/closure {closedAt, reason}. */
export default function CloseCaseForm({ view, onClose }: ActionFormProps) {
  const t = useTexts(texts);
  const [closedAt, setClosedAt] = useState(() => limaNow().slice(0, 16));
  const [reason, setReason] = useState('');
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        version: view.version,
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/closure', {
            params: { path: { caseId: view.caseId } },
            body: { closedAt: fromLimaLocal(closedAt), reason },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  return (
    <CommandModal
      opened
      title={t.closeCase}
      submitLabel={t.closeCase}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <DateTimeField label={t.closedAt} description={t.limaTime} value={closedAt} onChange={setClosedAt} error={errors.closedAt} />
      <Textarea
        label={t.reason}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        data-autofocus
      />
    </CommandModal>
  );
}
