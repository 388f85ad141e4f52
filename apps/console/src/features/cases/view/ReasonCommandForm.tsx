import { Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import { useTexts } from '../../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../../shared/format.js';
import { CommandModal, DateTimeField } from './CommandModal.js';
import { correctionTexts } from './correction-texts.js';
import { ReasonField } from './ReasonField.js';
import { fill, texts } from './texts.js';
import { caseKey, timelineKey, type SafeCase } from './use-case.js';
import { useCommand, type CommandRequest } from './use-command.js';

export type ReasonCommand =
  { kind: 'voidVictim'; victimId: string; index: number } | { kind: 'voidSuspect'; suspectId: string; index: number } | { kind: 'reopen' };

interface Props {
  view: SafeCase;
  command: ReasonCommand;
  onClose(): void;
}

/**
 * The commands whose only input is a reason: void a victim, void a suspect (POST …/voiding {reason}), and reopen a
 * closed case (POST …/reopening {reopenedAt, reason}, the time defaulting to now).
 */
export default function ReasonCommandForm({ view, command: intent, onClose }: Props) {
  const t = useTexts(texts);
  const r = useTexts(correctionTexts);
  const [reason, setReason] = useState('');
  const [reopenedAt, setReopenedAt] = useState(() => limaNow().slice(0, 16));
  const [missing, setMissing] = useState(false);
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId), ['cases']]);
  const errors = fieldErrors(command.error);
  const caseId = view.caseId;
  const title =
    intent.kind === 'voidVictim'
      ? fill(r.voidVictimTitle, { n: intent.index + 1 })
      : intent.kind === 'voidSuspect'
        ? fill(r.voidSuspectTitle, { n: intent.index + 1 })
        : r.reopen;
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    const body = { reason: reason.trim() };
    const send: CommandRequest['send'] =
      intent.kind === 'voidVictim'
        ? (init) =>
            api.POST('/api/v1/cases/{caseId}/victims/{victimId}/voiding', {
              params: { path: { caseId, victimId: intent.victimId } },
              body,
              ...init,
            })
        : intent.kind === 'voidSuspect'
          ? (init) =>
              api.POST('/api/v1/cases/{caseId}/suspects/{suspectId}/voiding', {
                params: { path: { caseId, suspectId: intent.suspectId } },
                body,
                ...init,
              })
          : (init) =>
              api.POST('/api/v1/cases/{caseId}/reopening', {
                params: { path: { caseId } },
                body: { ...body, reopenedAt: fromLimaLocal(reopenedAt) },
                ...init,
              });
    command.mutate({ version: view.version, send }, { onSuccess: onClose });
  };
  return (
    <CommandModal
      opened
      title={title}
      submitLabel={intent.kind === 'reopen' ? r.reopen : r.voidVictim}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      {intent.kind === 'reopen' ? (
        <DateTimeField
          label={r.reopenedAt}
          description={t.limaTime}
          value={reopenedAt}
          onChange={setReopenedAt}
          error={errors.reopenedAt}
        />
      ) : (
        <Text size="sm">{r.voidIntro}</Text>
      )}
      <ReasonField
        value={reason}
        onChange={setReason}
        error={(missing ? r.reasonRequired : undefined) ?? errors.reason ?? errors.victimId ?? errors.suspectId ?? errors.caseId}
        autoFocus
      />
    </CommandModal>
  );
}
