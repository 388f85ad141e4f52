import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../shared/format.js';
import { CommandModal, DateTimeField } from '../cases/view/CommandModal.js';
import { timelineKey } from '../cases/view/use-case.js';
import { useCommand } from '../cases/view/use-command.js';
import type { Stage } from './stages.js';
import { codeLabels } from '../../i18n/codes.js';
import { texts } from './texts.js';
import type { Prosecution } from './types.js';
import { prosecutionKey } from './use-justice.js';

/** POST /prosecutions/{id}/{stage} {occurredAt, reason?}: a reason is asked for archive (required) and dismissal. */
export function StageForm({ prosecution, stage, onClose }: { prosecution: Prosecution; stage: Stage; onClose(): void }) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const [occurredAt, setOccurredAt] = useState(() => limaNow().slice(0, 16));
  const [reason, setReason] = useState('');
  const command = useCommand([prosecutionKey(prosecution.prosecutionId), timelineKey(prosecution.caseId), ['justice-cases']]);
  const errors = fieldErrors(command.error);
  const withReason = stage === 'archive' || stage === 'dismissal';
  const submit = () =>
    command.mutate(
      {
        version: prosecution.version,
        send: (init) =>
          api.POST('/api/v1/prosecutions/{prosecutionId}/{stage}', {
            params: { path: { prosecutionId: prosecution.prosecutionId, stage } },
            body: { occurredAt: fromLimaLocal(occurredAt), ...(withReason ? { reason: reason.trim() || null } : {}) },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  const title = k.stages[stage];
  return (
    <CommandModal
      opened
      title={title}
      submitLabel={`${t.record}: ${title}`}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <DateTimeField
        label={t.occurredAt}
        description={t.limaTime}
        value={occurredAt}
        onChange={setOccurredAt}
        error={errors.occurredAt}
        autoFocus
      />
      {withReason && (
        <Textarea
          label={stage === 'archive' ? t.reason : t.reasonOptional}
          required={stage === 'archive'}
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
      )}
    </CommandModal>
  );
}
