import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../shared/format.js';
import { newId } from '../../shared/ids.js';
import { CommandModal, DateTimeField } from '../cases/view/CommandModal.js';
import { timelineKey } from '../cases/view/use-case.js';
import { useCommand } from '../cases/view/use-command.js';
import { texts } from './texts.js';
import type { Prosecution } from './types.js';
import { prosecutionKey } from './use-justice.js';

/** POST /trials {trialId, prosecutionId, openedAt, court}; the id is made once per form, so a retry opens one trial. */
export function OpenTrialForm({ prosecution, onClose }: { prosecution: Prosecution; onClose(): void }) {
  const t = useTexts(texts);
  const navigate = useNavigate();
  const [trialId] = useState(newId);
  const [openedAt, setOpenedAt] = useState(() => limaNow().slice(0, 16));
  const [court, setCourt] = useState('');
  const command = useCommand([timelineKey(prosecution.caseId), prosecutionKey(prosecution.prosecutionId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        send: (init) =>
          api.POST('/api/v1/trials', {
            body: { trialId, prosecutionId: prosecution.prosecutionId, openedAt: fromLimaLocal(openedAt), court },
            ...init,
          }),
      },
      { onSuccess: () => navigate(`/juicios/${trialId}`) },
    );
  return (
    <CommandModal
      opened
      title={t.openTrial}
      submitLabel={t.openTrial}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextInput
        label={t.court}
        required
        maxLength={200}
        value={court}
        onChange={(e) => setCourt(e.currentTarget.value)}
        error={errors.court}
        data-autofocus
      />
      <DateTimeField label={t.trialOpenedAt} description={t.limaTime} value={openedAt} onChange={setOpenedAt} error={errors.openedAt} />
    </CommandModal>
  );
}
