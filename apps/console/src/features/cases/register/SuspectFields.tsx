import { ActionIcon, Fieldset, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTexts } from '../../../i18n/i18n.js';
import { codeLabels, options, SEXES } from '../../../i18n/codes.js';
import { CountrySelect } from './CountrySelect.js';
import type { SuspectDraft } from './draft.js';
import { registerTexts } from './texts.js';

interface Props {
  index: number;
  suspect: SuspectDraft;
  errors: Record<string, string>;
  onChange(change: Partial<SuspectDraft>): void;
  onRemove(): void;
}

/** One suspect: no personal data here (the API takes none for suspects at registration). */
export function SuspectFields({ index, suspect, errors, onChange, onRemove }: Props) {
  const t = useTexts(registerTexts);
  const codes = useTexts(codeLabels);
  const error = (field: string) => errors[`suspects.${index}.${field}`];
  return (
    <Fieldset legend={t.suspect(index + 1)} data-testid={`suspect-${index}`}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <SimpleGrid cols={4} spacing="sm" style={{ flex: 1 }}>
          <Select
            label={t.sex}
            data={options(SEXES, codes.sexes)}
            value={suspect.sex}
            allowDeselect={false}
            onChange={(sex) => onChange({ sex: sex ?? 'unknown' })}
            error={error('sex')}
          />
          <NumberInput
            label={t.age}
            min={0}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            value={suspect.age}
            onChange={(age) => onChange({ age: String(age) })}
            error={error('age')}
          />
          <CountrySelect
            label={t.nationality}
            placeholder={t.searchCountry}
            value={suspect.nationality}
            onChange={(nationality) => onChange({ nationality })}
            error={error('nationality')}
          />
          <TextInput
            label={t.suspectRole}
            placeholder={t.suspectRoleHint}
            value={suspect.role}
            onChange={(e) => onChange({ role: e.currentTarget.value })}
            error={error('role')}
            autoComplete="off"
          />
        </SimpleGrid>
        <ActionIcon
          variant="subtle"
          color="red"
          mt={26}
          size="lg"
          onClick={onRemove}
          aria-label={t.removeSuspect(index + 1)}
          title={t.removeSuspect(index + 1)}
        >
          <span aria-hidden="true">✕</span>
        </ActionIcon>
      </Group>
    </Fieldset>
  );
}
