import { Button, MultiSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { formatDate } from '../../../shared/format.js';
import { familyOptions, offenceOptions, type CatalogFamily } from './catalog.js';
import { PlaceField } from './PlaceField.js';
import { emptyPlace, showsLabourSectors, showsSexualExploitation, type PlaceDraft, type QualificationDraft } from './qualification.js';
import { qualificationTexts } from './texts.js';

interface Props {
  value: QualificationDraft;
  onChange(change: Partial<QualificationDraft>): void;
  /** The case's purposes: sectors only for labour exploitation, types only for sexual exploitation. */
  purposes: readonly string[];
  /** The Lima date (YYYY-MM-DD…) whose law in force defines the offences offered. */
  factsDate: string;
  /** The API's field errors; `prefix` is '' for a registration, 'changes.' for a correction. */
  errors: Record<string, string>;
  prefix?: string;
}

/** Offences, aggravating circumstances, places by role, recruitment, control, sectors and sexual exploitation types. */
export function QualificationFields({ value, onChange, purposes, factsDate, errors, prefix = '' }: Props) {
  const t = useTexts(qualificationTexts);
  const { language } = useLanguage();
  // The API names `changes.offences[0]` in a correction (and may name `offences[0]`): either lands on its field.
  const error = (field: string) => {
    const keys = [prefix + field, field];
    return keys.map((key) => errors[key] ?? Object.entries(errors).find(([name]) => name.startsWith(key + '.'))?.[1]).find(Boolean);
  };
  const multi = (field: CatalogFamily & keyof QualificationDraft, label: string, description?: string) => (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value[field].length === 0 ? t.pick : undefined}
      data={familyOptions(field, language)}
      value={value[field] as string[]}
      onChange={(codes) => onChange({ [field]: codes })}
      searchable
      clearable
      hidePickedOptions
      selectFirstOptionOnChange
      comboboxProps={{ withinPortal: true }}
      error={error(field)}
    />
  );
  const date = factsDate.slice(0, 10);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const setTransit = (index: number, place: PlaceDraft) =>
    onChange({ transitPlaces: value.transitPlaces.map((p, i) => (i === index ? place : p)) });
  return (
    <Stack gap="sm">
      <Title order={4}>{t.qualification}</Title>
      <MultiSelect
        label={t.offences}
        description={validDate ? t.offencesHint(formatDate(`${date}T12:00:00-05:00`, language)) : t.offencesNoDate}
        data={offenceOptions(date, value.offences, language)}
        value={value.offences}
        onChange={(offences) => onChange({ offences })}
        searchable
        clearable
        hidePickedOptions
        selectFirstOptionOnChange
        placeholder={value.offences.length === 0 ? t.pick : undefined}
        error={error('offences')}
      />
      {multi('aggravatingCircumstances', t.aggravatingCircumstances)}
      <Title order={4} mt="xs">
        {t.places}
      </Title>
      <Text size="xs" c="dimmed" mt={-8}>
        {t.placesHint}
      </Text>
      <SimpleGrid cols={2} spacing="sm">
        <PlaceField
          label={t.recruitmentPlace}
          value={value.recruitmentPlace}
          onChange={(recruitmentPlace) => onChange({ recruitmentPlace })}
          error={error('places.recruitment')}
        />
        <PlaceField
          label={t.exploitationPlace}
          value={value.exploitationPlace}
          onChange={(exploitationPlace) => onChange({ exploitationPlace })}
          error={error('places.exploitation')}
        />
        {value.transitPlaces.map((place, index) => (
          <PlaceField
            key={index}
            label={t.transitPlace(index + 1)}
            value={place}
            onChange={(changed) => setTransit(index, changed)}
            error={error(`places.transit.${index}`)}
            onRemove={{
              label: t.removeTransit(index + 1),
              remove: () => onChange({ transitPlaces: value.transitPlaces.filter((_, i) => i !== index) }),
            }}
          />
        ))}
      </SimpleGrid>
      <div>
        <Button variant="light" size="xs" onClick={() => onChange({ transitPlaces: [...value.transitPlaces, emptyPlace()] })}>
          {t.addTransit}
        </Button>
      </div>
      <SimpleGrid cols={2} spacing="sm">
        {multi('recruitment', t.recruitment)}
        {multi('control', t.control)}
        {showsLabourSectors(purposes) && multi('labourSectors', t.labourSectors, t.labourSectorsHint)}
        {showsSexualExploitation(purposes) && multi('sexualExploitation', t.sexualExploitation)}
      </SimpleGrid>
    </Stack>
  );
}
