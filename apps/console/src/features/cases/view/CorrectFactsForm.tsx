import { Checkbox, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import type { paths } from '../../../api/schema.js';
import { codeLabels, options, PURPOSES, type Purpose } from '../../../i18n/codes.js';
import { useTexts } from '../../../i18n/i18n.js';
import { fromLimaLocal, toLimaLocal } from '../../../shared/format.js';
import { UbigeoSelect } from '../../../shared/UbigeoSelect.js';
import { fromQualification, toQualification, type QualificationDraft } from '../catalog/qualification.js';
import { QualificationFields } from '../catalog/QualificationFields.js';
import { CommandModal, DateTimeField } from './CommandModal.js';
import { correctionTexts } from './correction-texts.js';
import type { ActionFormProps } from './OperationForm.js';
import { ReasonField } from './ReasonField.js';
import { texts } from './texts.js';
import { caseKey, timelineKey, type SafeCase } from './use-case.js';
import { useCommand } from './use-command.js';

type Body = NonNullable<paths['/api/v1/cases/{caseId}/corrections']['post']['requestBody']>['content']['application/json'];
type Changes = Body['changes'];

interface FactsDraft {
  registeredAt: string;
  occurredAt: string;
  policeUnit: string;
  ubigeo: string | null;
  purposes: Purpose[];
  qualification: QualificationDraft;
}

/** The case's facts as the form shows them: Lima wall-clock times, the qualification as its draft. */
function factsOf(view: SafeCase): FactsDraft {
  return {
    registeredAt: toLimaLocal(view.registeredAt),
    occurredAt: view.occurredAt ? toLimaLocal(view.occurredAt).slice(0, 10) : '',
    policeUnit: view.policeUnit,
    ubigeo: view.ubigeo,
    purposes: [...view.purposes],
    qualification: fromQualification(view),
  };
}

/** Only the fields that differ from what the case says: a correction lists real changes. */
function changesOf(before: FactsDraft, after: FactsDraft): Changes {
  const changes: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (after.registeredAt !== before.registeredAt) changes.registeredAt = after.registeredAt ? fromLimaLocal(after.registeredAt) : '';
  if (after.occurredAt !== before.occurredAt) changes.occurredAt = after.occurredAt ? fromLimaLocal(`${after.occurredAt}T00:00`) : null;
  if (after.policeUnit.trim() !== before.policeUnit) changes.policeUnit = after.policeUnit.trim();
  if (after.ubigeo !== before.ubigeo) changes.ubigeo = after.ubigeo ?? '';
  if (!same([...after.purposes].sort(), [...before.purposes].sort())) changes.purposes = after.purposes;
  const was = toQualification(before.qualification, before.purposes);
  const now = toQualification(after.qualification, after.purposes);
  for (const field of Object.keys(now) as Array<keyof typeof now>) if (!same(now[field], was[field])) changes[field] = now[field];
  return changes as Changes;
}

/** POST /cases/{id}/corrections {changes, reason}: the facts prefilled with the current values; a closed case too. */
export default function CorrectFactsForm({ view, onClose }: ActionFormProps) {
  const t = useTexts(texts);
  const r = useTexts(correctionTexts);
  const codes = useTexts(codeLabels);
  const [before] = useState(() => factsOf(view));
  const [facts, setFacts] = useState(before);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ reason?: string; changes?: string }>({});
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId), ['cases']]);
  const errors = fieldErrors(command.error);
  const set = (change: Partial<FactsDraft>) => setFacts((current) => ({ ...current, ...change }));
  const submit = () => {
    const changes = changesOf(before, facts);
    const local = {
      reason: reason.trim() ? undefined : r.reasonRequired,
      changes: Object.keys(changes ?? {}).length > 0 ? undefined : r.nothingChanged,
    };
    setProblem(local);
    if (local.reason || local.changes) return;
    command.mutate(
      {
        version: view.version,
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/corrections', {
            params: { path: { caseId: view.caseId } },
            body: { changes, reason: reason.trim() },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <CommandModal
      opened
      size="xl"
      title={r.correctFacts}
      submitLabel={r.correctFacts}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Text size="sm">{r.correctFactsIntro}</Text>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label={t.policeUnit}
          required
          value={facts.policeUnit}
          onChange={(e) => set({ policeUnit: e.currentTarget.value })}
          error={errors['changes.policeUnit']}
          data-autofocus
        />
        <UbigeoSelect
          label={t.place}
          required
          value={facts.ubigeo}
          onChange={(ubigeo) => set({ ubigeo })}
          error={errors['changes.ubigeo']}
        />
        <DateTimeField
          label={t.registeredAt}
          description={t.limaTime}
          value={facts.registeredAt}
          onChange={(registeredAt) => set({ registeredAt })}
          error={errors['changes.registeredAt']}
        />
        <TextInput
          type="date"
          label={t.occurredAt}
          value={facts.occurredAt}
          onChange={(e) => set({ occurredAt: e.currentTarget.value })}
          error={errors['changes.occurredAt']}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t.purposes}
        value={facts.purposes}
        onChange={(purposes) => set({ purposes: purposes as Purpose[] })}
        error={errors['changes.purposes']}
      >
        <SimpleGrid cols={4} spacing="xs" mt="xs">
          {options(PURPOSES, codes.purposes).map((purpose) => (
            <Checkbox key={purpose.value} value={purpose.value} label={purpose.label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <QualificationFields
        value={facts.qualification}
        onChange={(change) => set({ qualification: { ...facts.qualification, ...change } })}
        purposes={facts.purposes}
        factsDate={facts.occurredAt || facts.registeredAt.slice(0, 10)}
        errors={errors}
        prefix="changes."
      />
      <ReasonField value={reason} onChange={setReason} error={problem.reason ?? errors.reason} />
      {(problem.changes ?? errors.changes) && (
        <Text size="sm" c="red.8" role="alert">
          {problem.changes ?? errors.changes}
        </Text>
      )}
    </CommandModal>
  );
}
