import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors, unwrap } from '../../../api/errors.js';
import { useTexts } from '../../../i18n/i18n.js';
import { CommandModal } from './CommandModal.js';
import { correctionTexts } from './correction-texts.js';
import type { ActionFormProps } from './OperationForm.js';
import { ReasonField } from './ReasonField.js';
import { caseKey, timelineKey } from './use-case.js';
import { useCommand } from './use-command.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The other case's id: an id as typed, or the case the list finds by that registry number (GET /cases?q=). */
async function caseIdOf(text: string): Promise<string | null> {
  if (UUID.test(text)) return text.toLowerCase();
  const page = await unwrap(api.GET('/api/v1/cases', { params: { query: { q: text, limit: 2 } } }));
  const found = page.items.filter((row) => row.registryNumber !== null);
  return found.length === 1 ? found[0].caseId : null;
}

/**
 * POST /cases/{id}/same-facts {sameAsCaseId, reason}: this case is the duplicate; it stays, linked, and drops out
 * of the statistics. The other case is named by its registry number (the number people say) or its id.
 */
export default function SameFactsForm({ view, onClose }: ActionFormProps) {
  const r = useTexts(correctionTexts);
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ other?: string; reason?: string }>({});
  const [looking, setLooking] = useState(false);
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId), ['cases']]);
  const errors = fieldErrors(command.error);
  const submit = async () => {
    const text = other.trim();
    const local = { other: text ? undefined : r.otherCaseRequired, reason: reason.trim() ? undefined : r.reasonRequired };
    setProblem(local);
    if (local.other || local.reason) return;
    setLooking(true);
    const sameAsCaseId = await caseIdOf(text).finally(() => setLooking(false));
    if (!sameAsCaseId) return setProblem({ other: r.otherCaseNotFound });
    command.mutate(
      {
        version: view.version,
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/same-facts', {
            params: { path: { caseId: view.caseId } },
            body: { sameAsCaseId, reason: reason.trim() },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <CommandModal
      opened
      title={r.sameFactsTitle}
      submitLabel={r.sameFactsTitle}
      pending={command.isPending || looking}
      error={command.error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Text size="sm">{r.sameFactsIntro}</Text>
      <TextInput
        label={r.otherCase}
        description={r.otherCaseHint}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        required
        value={other}
        onChange={(e) => setOther(e.currentTarget.value)}
        error={problem.other ?? errors.sameAsCaseId}
        data-autofocus
      />
      <ReasonField value={reason} onChange={setReason} error={problem.reason ?? errors.reason} />
    </CommandModal>
  );
}
