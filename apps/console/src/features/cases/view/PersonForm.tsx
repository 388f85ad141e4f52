import { Fieldset, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import { common } from '../../../i18n/common.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { codeLabels, DOCUMENT_TYPES, options, SEXES, type DocumentType, type Sex } from '../../../i18n/codes.js';
import { given } from '../register/draft.js';
import { CommandModal } from './CommandModal.js';
import { countryOptions } from '../../../i18n/countries.js';
import type { ActionFormProps } from './OperationForm.js';
import { texts } from './texts.js';
import { caseKey, timelineKey } from './use-case.js';
import { useCommand, type CommandRequest } from './use-command.js';

interface Props extends ActionFormProps {
  kind: 'victim' | 'suspect';
}

type Person = { sex: Sex | null; nationality: string | null; documentType: DocumentType | null } & Record<
  'fullName' | 'documentNumber' | 'phone' | 'address' | 'role',
  string
> & { age: number | string };

/**
 * POST /cases/{id}/victims or /suspects with one person. A victim's personal fields are optional and kept only in
 * this form's memory (no draft: they must not outlive the form). Ids come from the Idempotency-Key (the API derives
 * them), so a retry adds the same person once.
 */
export default function PersonForm({ view, onClose, kind }: Props) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const c = useTexts(common);
  const { language } = useLanguage();
  const [person, setPerson] = useState<Person>({
    sex: null,
    age: '',
    nationality: 'PE',
    fullName: '',
    documentType: null,
    documentNumber: '',
    phone: '',
    address: '',
    role: '',
  });
  const [missingSex, setMissingSex] = useState(false);
  const set = (change: Partial<Person>) => setPerson((current) => ({ ...current, ...change }));
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId)]);
  const errors = fieldErrors(command.error);
  const list = kind === 'victim' ? 'victims' : 'suspects';
  const error = (field: string) => errors[`${list}.0.${field}`] ?? errors[field];
  const text = (value: string) => value.trim() || null;
  const submit = () => {
    // Sex has no value the API could name as missing: it is asked for here, next to its field.
    if (!person.sex) return setMissingSex(true);
    const base = { sex: person.sex, age: person.age === '' ? null : Number(person.age), nationality: person.nationality ?? '' };
    const path = { params: { path: { caseId: view.caseId } } };
    const send: CommandRequest['send'] =
      kind === 'victim'
        ? (init) =>
            api.POST('/api/v1/cases/{caseId}/victims', {
              ...path,
              ...init,
              body: {
                victims: [
                  {
                    ...base,
                    documentType: person.documentType ?? undefined,
                    fullName: given(person.fullName),
                    documentNumber: given(person.documentNumber),
                    phone: given(person.phone),
                    address: given(person.address),
                  },
                ],
              },
            })
        : (init) =>
            api.POST('/api/v1/cases/{caseId}/suspects', { ...path, ...init, body: { suspects: [{ ...base, role: text(person.role) }] } });
    command.mutate({ version: view.version, send }, { onSuccess: onClose });
  };
  const title = kind === 'victim' ? t.addVictim : t.addSuspect;
  return (
    <CommandModal
      opened
      title={title}
      submitLabel={title}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Group grow align="flex-start">
        <Select
          label={t.sex}
          required
          data={options(SEXES, k.sexes)}
          value={person.sex}
          onChange={(sex) => {
            setMissingSex(false);
            set({ sex });
          }}
          error={error('sex') ?? (missingSex ? t.required : undefined)}
          data-autofocus
        />
        <NumberInput
          label={t.age}
          min={0}
          max={120}
          allowDecimal={false}
          value={person.age}
          onChange={(age) => set({ age })}
          error={error('age')}
        />
        <Select
          label={t.nationality}
          required
          searchable
          data={countryOptions(language, c.unknown)}
          value={person.nationality}
          onChange={(nationality) => set({ nationality })}
          error={error('nationality')}
        />
      </Group>
      {kind === 'suspect' && (
        <TextInput
          label={t.suspectRole}
          maxLength={100}
          value={person.role}
          onChange={(e) => set({ role: e.currentTarget.value })}
          error={error('role')}
        />
      )}
      {kind === 'victim' && (
        <Fieldset legend={t.optionalPersonal}>
          <TextInput
            label={t.fullName}
            maxLength={200}
            autoComplete="off"
            value={person.fullName}
            onChange={(e) => set({ fullName: e.currentTarget.value })}
            error={error('fullName')}
          />
          <Group grow align="flex-start" mt="xs">
            <Select
              label={t.documentType}
              clearable
              data={options(DOCUMENT_TYPES, k.documentTypes)}
              value={person.documentType}
              onChange={(documentType) => set({ documentType })}
              error={error('documentType')}
            />
            <TextInput
              label={t.documentNumber}
              maxLength={30}
              autoComplete="off"
              value={person.documentNumber}
              onChange={(e) => set({ documentNumber: e.currentTarget.value })}
              error={error('documentNumber')}
            />
            <TextInput
              label={t.phone}
              maxLength={30}
              autoComplete="off"
              value={person.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={error('phone')}
            />
          </Group>
          <TextInput
            mt="xs"
            label={t.address}
            maxLength={300}
            autoComplete="off"
            value={person.address}
            onChange={(e) => set({ address: e.currentTarget.value })}
            error={error('address')}
          />
        </Fieldset>
      )}
    </CommandModal>
  );
}
