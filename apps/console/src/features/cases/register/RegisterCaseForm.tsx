import { Alert, Button, Checkbox, Group, Kbd, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type KeyboardEvent } from 'react';
import { fieldErrors } from '../../../api/errors.js';
import { common } from '../../../i18n/common.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { errorMessage } from '../../../shared/PageState.js';
import { UbigeoSelect } from '../../../shared/UbigeoSelect.js';
import { useDraft } from '../../../shared/use-draft.js';
import { CASE_SOURCES, codeLabels, options, PURPOSES } from '../../../i18n/codes.js';
import { referenceLabel } from '../catalog/catalog.js';
import { QualificationFields } from '../catalog/QualificationFields.js';
import { qualificationTexts } from '../catalog/texts.js';
import {
  factsDateOf,
  newCaseDraft,
  qualificationOf,
  referencesOf,
  type CaseDraft,
  type CaseRegistered,
  type DraftPrefill,
  type ReferencesDraft,
} from './draft.js';
import { PeopleSection } from './PeopleSection.js';
import { registerTexts } from './texts.js';
import { useRegisterCase } from './use-register-case.js';

/** Without a referral there is no referralId to give, so "hotline referral" is not offered (the queue does that). */
const WALK_IN_SOURCES = CASE_SOURCES.filter((source) => source !== 'hotline_referral');

interface Props {
  /** The draft's name in this tab: one per referral, one for walk-in denunciations. */
  draftName: string;
  prefill?: DraftPrefill;
  /** A referral fixes the source (hotline_referral); a walk-in lets the user choose it. */
  sourceLocked?: boolean;
  onRegistered(answer: CaseRegistered): void;
  onCancel?(): void;
  /** Off inside a drawer or modal, whose own title names the form. */
  heading?: boolean;
}

/**
 * Registering a police denunciation (POST /api/v1/cases), used from the referral queue (pre-filled) and from
 * /casos (walk-in). The draft survives a reload or an expired session; validation is the API's, shown per field.
 */
export function RegisterCaseForm({ draftName, prefill, sourceLocked, onRegistered, onCancel, heading = true }: Props) {
  const t = useTexts(registerTexts);
  const c = useTexts(common);
  const codes = useTexts(codeLabels);
  const q = useTexts(qualificationTexts);
  const { language } = useLanguage();
  const [draft, update, clear] = useDraft<CaseDraft>(draftName, () => newCaseDraft(prefill));
  const register = useRegisterCase((answer) => {
    clear();
    onRegistered(answer);
  });
  const errors = fieldErrors(register.error);
  const references = referencesOf(draft);
  const setReference = (kind: keyof ReferencesDraft, text: string) =>
    update((d) => ({ ...d, references: { ...referencesOf(d), [kind]: text } }));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!register.isPending) register.mutate(draft);
  };
  // Ctrl+Enter saves from any field, as on the hotline screen: no need to tab to the button.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t.title}>
      <Stack gap="md">
        {heading && <Title order={3}>{t.title}</Title>}
        {prefill?.referralId && <Text size="sm">{t.fromReferral}</Text>}
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t.policeUnit}
            description={t.policeUnitHint}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            value={draft.policeUnit}
            onChange={(e) => update({ policeUnit: e.currentTarget.value })}
            error={errors.policeUnit}
            data-autofocus
          />
          <UbigeoSelect
            label={t.place}
            description={t.placeHint}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            value={draft.ubigeo}
            onChange={(ubigeo) => update({ ubigeo })}
            error={errors.ubigeo}
          />
          <TextInput
            type="datetime-local"
            label={t.registeredAt}
            required
            value={draft.registeredAt}
            onChange={(e) => update({ registeredAt: e.currentTarget.value })}
            error={errors.registeredAt}
          />
          <TextInput
            type="date"
            label={t.occurredAt}
            description={t.occurredAtHint}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={draft.occurredAt}
            onChange={(e) => update({ occurredAt: e.currentTarget.value })}
            error={errors.occurredAt}
          />
          <Select
            label={t.source}
            required
            data={options(sourceLocked ? CASE_SOURCES : WALK_IN_SOURCES, codes.sources)}
            value={draft.source}
            readOnly={sourceLocked}
            onChange={(source) => update({ source })}
            error={errors.source ?? errors.referralId}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t.purposes}
          description={t.purposesHint}
          value={draft.purposes}
          onChange={(purposes) => update({ purposes })}
          error={errors.purposes}
        >
          <SimpleGrid cols={4} spacing="xs" mt="xs">
            {options(PURPOSES, codes.purposes).map((purpose) => (
              <Checkbox key={purpose.value} value={purpose.value} label={purpose.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <QualificationFields
          value={qualificationOf(draft)}
          onChange={(change) => update((d) => ({ ...d, qualification: { ...qualificationOf(d), ...change } }))}
          purposes={draft.purposes}
          factsDate={factsDateOf(draft)}
          errors={errors}
        />
        <Title order={4}>{q.references}</Title>
        <SimpleGrid cols={3} spacing="sm">
          {(['policeReport', 'prosecutorFile', 'courtFile'] as const).map((kind) => (
            <TextInput
              key={kind}
              label={referenceLabel(kind, language)}
              maxLength={60}
              value={references[kind]}
              onChange={(e) => setReference(kind, e.currentTarget.value)}
              error={errors[`references.${kind}`]}
            />
          ))}
        </SimpleGrid>
        <PeopleSection draft={draft} update={update} errors={errors} />
        {/* The API's message (its field reasons are also shown next to each field). */}
        {register.error && (
          <Alert color="red" title={t.failed} role="alert">
            {errorMessage(register.error, c.networkError)}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t.draftKept}
          </Text>
          <Group gap="sm">
            <Text size="sm" aria-hidden="true">
              <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> {t.saveShortcut}
            </Text>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {c.cancel}
              </Button>
            )}
            <Button variant="subtle" color="red" onClick={clear}>
              {t.discard}
            </Button>
            <Button type="submit" loading={register.isPending} aria-keyshortcuts="Control+Enter">
              {t.register}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
