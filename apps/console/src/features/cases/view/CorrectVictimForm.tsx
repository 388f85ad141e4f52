import { Fieldset, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import type { paths } from '../../../api/schema.js';
import { codeLabels, DOCUMENT_TYPES, options, SEXES, type DocumentType, type Sex } from '../../../i18n/codes.js';
import { useTexts } from '../../../i18n/i18n.js';
import { CountrySelect } from '../register/CountrySelect.js';
import { CommandModal } from './CommandModal.js';
import { correctionTexts } from './correction-texts.js';
import { ReasonField } from './ReasonField.js';
import { fill, texts } from './texts.js';
import type { PersonalFields } from './types.js';
import { caseKey, timelineKey, type SafeCase } from './use-case.js';
import { useCommand } from './use-command.js';

type Body = NonNullable<
  paths['/api/v1/cases/{caseId}/victims/{victimId}/corrections']['post']['requestBody']
>['content']['application/json'];

interface Props {
  view: SafeCase;
  victim: SafeCase['victims'][number];
  index: number;
  /** The personal fields, if the user revealed them with a purpose: then they are prefilled too. */
  personal: PersonalFields | null;
  onClose(): void;
}

type PersonalText = 'fullName' | 'documentNumber' | 'phone' | 'address';

/**
 * POST /cases/{id}/victims/{victimId}/corrections {changes, reason}: sex, age and nationality prefilled; the
 * personal fields prefilled only when revealed (else empty keeps them). Only what changed is sent.
 */
export default function CorrectVictimForm({ view, victim, index, personal, onClose }: Props) {
  const t = useTexts(texts);
  const r = useTexts(correctionTexts);
  const k = useTexts(codeLabels);
  const [sex, setSex] = useState<Sex>(victim.sex);
  const [age, setAge] = useState<number | string>(victim.age ?? '');
  const [nationality, setNationality] = useState(victim.nationality);
  const [documentType, setDocumentType] = useState<DocumentType | null>(personal?.documentType ?? null);
  const [text, setText] = useState<Record<PersonalText, string>>({
    fullName: personal?.fullName ?? '',
    documentNumber: personal?.documentNumber ?? '',
    phone: personal?.phone ?? '',
    address: personal?.address ?? '',
  });
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ reason?: string; changes?: string }>({});
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId)]);
  const errors = fieldErrors(command.error);
  const error = (field: string) => errors[`changes.${field}`] ?? errors[field];
  const submit = () => {
    const changes: Record<string, unknown> = {};
    const newAge = age === '' ? null : Number(age);
    if (sex !== victim.sex) changes.sex = sex;
    if (newAge !== victim.age) changes.age = newAge;
    if (nationality !== victim.nationality) changes.nationality = nationality;
    if (documentType !== (personal?.documentType ?? null) && documentType) changes.documentType = documentType;
    for (const field of ['fullName', 'documentNumber', 'phone', 'address'] as const) {
      const value = text[field].trim();
      if (value && value !== (personal?.[field] ?? '')) changes[field] = value;
    }
    const local = {
      reason: reason.trim() ? undefined : r.reasonRequired,
      changes: Object.keys(changes).length > 0 ? undefined : r.nothingChanged,
    };
    setProblem(local);
    if (local.reason || local.changes) return;
    command.mutate(
      {
        version: view.version,
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/victims/{victimId}/corrections', {
            params: { path: { caseId: view.caseId, victimId: victim.victimId } },
            body: { changes: changes as Body['changes'], reason: reason.trim() },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <CommandModal
      opened
      title={fill(r.correctVictimTitle, { n: index + 1 })}
      submitLabel={r.correctVictim}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Group grow align="flex-start">
        <Select
          label={t.sex}
          data={options(SEXES, k.sexes)}
          value={sex}
          allowDeselect={false}
          onChange={(value) => value && setSex(value as Sex)}
          error={error('sex')}
          data-autofocus
        />
        <NumberInput label={t.age} min={0} max={120} value={age} onChange={setAge} error={error('age')} />
        <CountrySelect label={t.nationality} value={nationality} onChange={setNationality} error={error('nationality')} />
      </Group>
      <Fieldset legend={r.personalKept}>
        <Group grow align="flex-start">
          <TextInput
            label={t.fullName}
            value={text.fullName}
            onChange={(e) => setText({ ...text, fullName: e.currentTarget.value })}
            error={error('fullName')}
          />
          <Select
            label={t.documentType}
            data={options(DOCUMENT_TYPES, k.documentTypes)}
            value={documentType}
            clearable
            onChange={(value) => setDocumentType(value as DocumentType | null)}
            error={error('documentType')}
          />
          <TextInput
            label={t.documentNumber}
            value={text.documentNumber}
            onChange={(e) => setText({ ...text, documentNumber: e.currentTarget.value })}
            error={error('documentNumber')}
          />
        </Group>
        <Group grow align="flex-start" mt="xs">
          <TextInput
            label={t.phone}
            value={text.phone}
            onChange={(e) => setText({ ...text, phone: e.currentTarget.value })}
            error={error('phone')}
          />
          <TextInput
            label={t.address}
            value={text.address}
            onChange={(e) => setText({ ...text, address: e.currentTarget.value })}
            error={error('address')}
          />
        </Group>
      </Fieldset>
      <ReasonField value={reason} onChange={setReason} error={problem.reason ?? errors.reason} />
      {(problem.changes ?? errors.changes) && (
        <span role="alert" style={{ color: 'var(--mantine-color-red-8)', fontSize: 'var(--mantine-font-size-sm)' }}>
          {problem.changes ?? errors.changes}
        </span>
      )}
    </CommandModal>
  );
}
