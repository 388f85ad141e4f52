import { ActionIcon, Fieldset, Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTexts } from '../../../i18n/i18n.js';
import { codeLabels, DOCUMENT_TYPES, options, SEXES } from '../../../i18n/codes.js';
import { CountrySelect } from './CountrySelect.js';
import type { VictimDraft } from './draft.js';
import { registerTexts } from './texts.js';

interface Props {
  index: number;
  victim: VictimDraft;
  errors: Record<string, string>;
  onChange(change: Partial<VictimDraft>): void;
  onRemove(): void;
}

/** One victim: what the statistics count (sex, age, nationality) first, then the optional personal data, sealed. */
export function VictimFields({ index, victim, errors, onChange, onRemove }: Props) {
  const t = useTexts(registerTexts);
  const codes = useTexts(codeLabels);
  const error = (field: string) => errors[`victims.${index}.${field}`];
  return (
    <Fieldset legend={t.victim(index + 1)} data-testid={`victim-${index}`}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <SimpleGrid cols={3} spacing="sm" style={{ flex: 1 }}>
          <Select
            label={t.sex}
            data={options(SEXES, codes.sexes)}
            value={victim.sex}
            allowDeselect={false}
            onChange={(sex) => onChange({ sex: sex ?? 'unknown' })}
            error={error('sex')}
          />
          <NumberInput
            label={t.age}
            description={t.ageHint}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            min={0}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            value={victim.age}
            onChange={(age) => onChange({ age: String(age) })}
            error={error('age')}
          />
          <CountrySelect
            label={t.nationality}
            placeholder={t.searchCountry}
            value={victim.nationality}
            onChange={(nationality) => onChange({ nationality })}
            error={error('nationality')}
          />
        </SimpleGrid>
        <ActionIcon
          variant="subtle"
          color="red"
          mt={26}
          size="lg"
          onClick={onRemove}
          aria-label={t.removeVictim(index + 1)}
          title={t.removeVictim(index + 1)}
        >
          <span aria-hidden="true">✕</span>
        </ActionIcon>
      </Group>
      <Text size="sm" fw={600} mt="md">
        {t.personal}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t.personalHint}
      </Text>
      <SimpleGrid cols={3} spacing="sm">
        <TextInput
          label={t.fullName}
          value={victim.fullName}
          onChange={(e) => onChange({ fullName: e.currentTarget.value })}
          error={error('fullName')}
          autoComplete="off"
        />
        <Select
          label={t.documentType}
          data={options(DOCUMENT_TYPES, codes.documentTypes)}
          value={victim.documentType}
          onChange={(documentType) => onChange({ documentType })}
          clearable
          error={error('documentType')}
        />
        <TextInput
          label={t.documentNumber}
          value={victim.documentNumber}
          onChange={(e) => onChange({ documentNumber: e.currentTarget.value })}
          error={error('documentNumber')}
          autoComplete="off"
        />
        <TextInput
          label={t.phone}
          value={victim.phone}
          onChange={(e) => onChange({ phone: e.currentTarget.value })}
          error={error('phone')}
          autoComplete="off"
          inputMode="tel"
        />
        <TextInput
          label={t.address}
          value={victim.address}
          onChange={(e) => onChange({ address: e.currentTarget.value })}
          error={error('address')}
          autoComplete="off"
          style={{ gridColumn: 'span 2' }}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
