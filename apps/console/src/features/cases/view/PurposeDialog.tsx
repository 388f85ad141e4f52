import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../api/errors.js';
import { useTexts } from '../../../i18n/i18n.js';
import { CommandModal } from './CommandModal.js';
import { texts } from './texts.js';

const MAX = 200;

interface Props {
  opened: boolean;
  pending: boolean;
  error: unknown;
  onClose(): void;
  onConfirm(purpose: string): void;
}

/**
 * The stated purpose of a personal-data read: required and at most 200 characters (the API's X-Purpose limit,
 * which it also checks, answering 400 on the X-Purpose field). Not kept as a draft: it is about this one read.
 */
export function PurposeDialog({ opened, pending, error, onClose, onConfirm }: Props) {
  const t = useTexts(texts);
  const [purpose, setPurpose] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const trimmed = purpose.trim();
    if (!trimmed) return setProblem(t.purposeRequired);
    if (trimmed.length > MAX) return setProblem(t.purposeTooLong);
    setProblem(null);
    onConfirm(trimmed);
  };
  const close = () => {
    setPurpose('');
    setProblem(null);
    onClose();
  };
  return (
    <CommandModal
      opened={opened}
      title={t.purposeTitle}
      submitLabel={t.show}
      pending={pending}
      error={error}
      onClose={close}
      onSubmit={submit}
    >
      <Textarea
        label={t.purpose}
        description={`${t.purposeHelp} (${purpose.length}/${MAX})`}
        required
        autosize
        minRows={2}
        maxLength={MAX}
        value={purpose}
        onChange={(event) => setPurpose(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey) {
            event.preventDefault();
            submit();
          }
        }}
        error={problem ?? fieldErrors(error)['X-Purpose']}
        data-autofocus
      />
    </CommandModal>
  );
}
