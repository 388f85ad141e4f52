import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { referenceLabel } from '../catalog/catalog.js';
import { CommandModal } from './CommandModal.js';
import { correctionTexts } from './correction-texts.js';
import type { ActionFormProps } from './OperationForm.js';
import { caseKey, timelineKey } from './use-case.js';
import { useCommand } from './use-command.js';

const KINDS = ['policeReport', 'prosecutorFile', 'courtFile'] as const;
type Kind = (typeof KINDS)[number];

/** POST /cases/{id}/references: the numbers other institutions gave the case; only the changed ones, empty removes. */
export default function ReferencesForm({ view, onClose }: ActionFormProps) {
  const { language } = useLanguage();
  const r = useTexts(correctionTexts);
  const current = (kind: Kind) => view.references?.[kind] ?? '';
  const [values, setValues] = useState<Record<Kind, string>>(() => ({
    policeReport: current('policeReport'),
    prosecutorFile: current('prosecutorFile'),
    courtFile: current('courtFile'),
  }));
  const [unchanged, setUnchanged] = useState(false);
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId), ['cases']]);
  const errors = fieldErrors(command.error);
  const submit = () => {
    const body: Partial<Record<Kind, string | null>> = {};
    for (const kind of KINDS) if (values[kind].trim() !== current(kind)) body[kind] = values[kind].trim() || null;
    setUnchanged(Object.keys(body).length === 0);
    if (Object.keys(body).length === 0) return;
    command.mutate(
      {
        version: view.version,
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/references', {
            params: { path: { caseId: view.caseId } },
            body,
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <CommandModal
      opened
      title={r.recordReferences}
      submitLabel={r.recordReferences}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Text size="sm">{r.referencesIntro}</Text>
      {KINDS.map((kind, index) => (
        <TextInput
          key={kind}
          label={referenceLabel(kind, language)}
          maxLength={60}
          value={values[kind]}
          onChange={(e) => setValues({ ...values, [kind]: e.currentTarget.value })}
          error={errors[kind]}
          data-autofocus={index === 0 || undefined}
        />
      ))}
      {unchanged && (
        <Text size="sm" c="red.8" role="alert">
          {r.nothingChanged}
        </Text>
      )}
    </CommandModal>
  );
}
