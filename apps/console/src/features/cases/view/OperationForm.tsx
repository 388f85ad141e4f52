import { Group, NumberInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import { useTexts } from '../../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../../shared/format.js';
import { CommandModal, DateTimeField } from './CommandModal.js';
import { texts } from './texts.js';
import { caseKey, timelineKey, type SafeCase } from './use-case.js';
import { useCommand } from './use-command.js';

export interface ActionFormProps {
  view: SafeCase;
  onClose(): void;
}

const nowLocal = () => limaNow().slice(0, 16);

/** POST /cases/{id}/operations {conductedAt, rescued, detained}: defaults to now and zero, so Enter saves a fact. */
export default function OperationForm({ view, onClose }: ActionFormProps) {
  const t = useTexts(texts);
  const [conductedAt, setConductedAt] = useState(nowLocal);
  const [rescued, setRescued] = useState<number | string>(0);
  const [detained, setDetained] = useState<number | string>(0);
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        version: view.version,
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/operations', {
            params: { path: { caseId: view.caseId } },
            body: { conductedAt: fromLimaLocal(conductedAt), rescued: Number(rescued), detained: Number(detained) },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  return (
    <CommandModal
      opened
      title={t.recordOperation}
      submitLabel={t.recordOperation}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      {/* The counts first: Tab inside a date-time control walks its segments, so the date (now by default) goes last. */}
      <Group grow>
        <NumberInput
          label={t.rescued}
          min={0}
          allowDecimal={false}
          value={rescued}
          onChange={setRescued}
          error={errors.rescued}
          data-autofocus
        />
        <NumberInput label={t.detained} min={0} allowDecimal={false} value={detained} onChange={setDetained} error={errors.detained} />
      </Group>
      <DateTimeField
        label={t.conductedAt}
        description={t.limaTime}
        value={conductedAt}
        onChange={setConductedAt}
        error={errors.conductedAt}
      />
    </CommandModal>
  );
}
