import { NativeSelect, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { fieldErrors } from '../../api/errors.js';
import { codeLabels } from '../../i18n/codes.js';
import { useTexts } from '../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../shared/format.js';
import { newId } from '../../shared/ids.js';
import { CommandModal, DateTimeField } from '../cases/view/CommandModal.js';
import { useCommand } from '../cases/view/use-command.js';
import { protectionTexts, type ProtectionTexts } from './protection-texts.js';
import { protectionKey, type Protection, type ProtectionMeasureCode } from './use-protection.js';

type Victim = Protection['victims'][number];

/** "Víctima 1 · Mujer, 16": the case's number, sex and age; never a name. */
export function victimLabel(victim: Victim, t: ProtectionTexts, sexes: Record<string, string>): string {
  const age = victim.age === null ? '' : `, ${victim.age}`;
  return `${t.victimN.replace('{n}', String(victim.number))} · ${sexes[victim.sex]}${age}`;
}

function VictimSelect({
  victims,
  value,
  onChange,
  error,
}: {
  victims: Victim[];
  value: string;
  onChange(v: string): void;
  error?: string;
}) {
  const t = useTexts(protectionTexts);
  const k = useTexts(codeLabels);
  if (victims.length === 0) return <Text size="sm">{t.noVictims}</Text>;
  return (
    <NativeSelect
      label={t.chooseVictim}
      required
      data={victims.map((v) => ({ value: v.victimId, label: victimLabel(v, t, k.sexes) }))}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-testid="protection-victim"
      data-autofocus
    />
  );
}

const MEASURES: ProtectionMeasureCode[] = [
  'identity_reserve',
  'address_reserve',
  'police_protection',
  'residence_change',
  'voice_image_distortion',
  'separate_waiting',
  'gesell_testimony',
  'other',
];

/** POST /prosecutions/{id}/protection-measures; the measure's id is made once per form, so a retry grants one. */
export function GrantMeasureForm({ protection, onClose }: { protection: Protection; onClose(): void }) {
  const t = useTexts(protectionTexts);
  const [measureId] = useState(newId);
  const [person, setPerson] = useState<'victim' | 'witness'>(protection.victims.length > 0 ? 'victim' : 'witness');
  const [victimId, setVictimId] = useState(protection.victims[0]?.victimId ?? '');
  const [witnessReference, setWitnessReference] = useState('');
  const [measure, setMeasure] = useState<ProtectionMeasureCode>('identity_reserve');
  const [grantedAt, setGrantedAt] = useState(() => limaNow().slice(0, 16));
  const [endsAt, setEndsAt] = useState('');
  const [notes, setNotes] = useState('');
  const command = useCommand([protectionKey(protection.prosecutionId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        send: (init) =>
          api.POST('/api/v1/prosecutions/{prosecutionId}/protection-measures', {
            params: { path: { prosecutionId: protection.prosecutionId } },
            body: {
              measureId,
              protectedPerson: person,
              ...(person === 'victim' ? { victimId } : { witnessReference }),
              measure,
              grantedAt: fromLimaLocal(grantedAt),
              endsAt: endsAt ? fromLimaLocal(endsAt) : null,
              notes: notes.trim() || null,
            },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  return (
    <CommandModal
      opened
      title={t.grant}
      submitLabel={t.grant}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="protected-person-label">
          {t.protectedPerson}
        </Text>
        <SegmentedControl
          aria-labelledby="protected-person-label"
          value={person}
          onChange={(value) => setPerson(value === 'witness' ? 'witness' : 'victim')}
          data={[
            { value: 'victim', label: t.victim },
            { value: 'witness', label: t.witness },
          ]}
          data-testid="protection-person"
        />
      </Stack>
      {person === 'victim' ? (
        <VictimSelect victims={protection.victims} value={victimId} onChange={setVictimId} error={errors.victimId} />
      ) : (
        <TextInput
          label={t.witnessReference}
          required
          maxLength={200}
          value={witnessReference}
          onChange={(e) => setWitnessReference(e.currentTarget.value)}
          error={errors.witnessReference}
          data-testid="protection-witness"
          data-autofocus
        />
      )}
      <NativeSelect
        label={t.measure}
        required
        data={MEASURES.map((code) => ({ value: code, label: t.measureCodes[code] }))}
        value={measure}
        onChange={(e) => setMeasure(MEASURES.find((code) => code === e.currentTarget.value) ?? 'other')}
        error={errors.measure}
        data-testid="protection-measure"
      />
      <DateTimeField label={t.grantedAt} description={t.limaTime} value={grantedAt} onChange={setGrantedAt} error={errors.grantedAt} />
      <TextInput
        type="datetime-local"
        label={t.endsAt}
        description={t.limaTime}
        value={endsAt}
        onChange={(e) => setEndsAt(e.currentTarget.value)}
        error={errors.endsAt}
      />
      <Textarea
        label={t.notes}
        autosize
        minRows={2}
        maxLength={500}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
    </CommandModal>
  );
}

/** POST /prosecutions/{id}/gesell-interviews {interviewId, victimId, heldAt}. */
export function GesellInterviewForm({ protection, onClose }: { protection: Protection; onClose(): void }) {
  const t = useTexts(protectionTexts);
  const [interviewId] = useState(newId);
  const [victimId, setVictimId] = useState(protection.victims[0]?.victimId ?? '');
  const [heldAt, setHeldAt] = useState(() => limaNow().slice(0, 16));
  const command = useCommand([protectionKey(protection.prosecutionId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        send: (init) =>
          api.POST('/api/v1/prosecutions/{prosecutionId}/gesell-interviews', {
            params: { path: { prosecutionId: protection.prosecutionId } },
            body: { interviewId, victimId, heldAt: fromLimaLocal(heldAt) },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  return (
    <CommandModal
      opened
      title={t.gesellTitle}
      submitLabel={t.gesellTitle}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <VictimSelect victims={protection.victims} value={victimId} onChange={setVictimId} error={errors.victimId} />
      <DateTimeField label={t.heldAt} description={t.limaTime} value={heldAt} onChange={setHeldAt} error={errors.heldAt} />
    </CommandModal>
  );
}
