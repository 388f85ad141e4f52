import { ActionIcon, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTexts } from '../../../i18n/i18n.js';
import { UbigeoSelect } from '../../../shared/UbigeoSelect.js';
import { CountrySelect } from '../register/CountrySelect.js';
import type { PlaceDraft } from './qualification.js';
import { qualificationTexts } from './texts.js';

/** Abroad is never Peru (a place in Peru is a UBIGEO) nor "unknown" (then leave the place empty). */
const NOT_ABROAD = ['PE', 'unknown'] as const;

interface Props {
  label: string;
  value: PlaceDraft;
  onChange(value: PlaceDraft): void;
  error?: string;
  onRemove?: { label: string; remove(): void };
}

/**
 * One place of a case: "en el Perú" (a UBIGEO, typed by name) or "en el extranjero" (a country, typed by name).
 * The switch is a radio group (arrow keys), then Tab to the place: all by keyboard.
 */
export function PlaceField({ label, value, onChange, error, onRemove }: Props) {
  const t = useTexts(qualificationTexts);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t.where(label)}
            value={value.abroad ? 'abroad' : 'peru'}
            onChange={(where) => onChange({ abroad: where === 'abroad', code: null })}
            data={[
              { value: 'peru', label: t.inPeru },
              { value: 'abroad', label: t.abroad },
            ]}
          />
          {onRemove && (
            <ActionIcon variant="subtle" color="red" aria-label={onRemove.label} onClick={onRemove.remove}>
              ×
            </ActionIcon>
          )}
        </Group>
      </Group>
      {value.abroad ? (
        <CountrySelect
          aria-label={`${label} · ${t.country}`}
          placeholder={t.country}
          value={value.code}
          exclude={NOT_ABROAD}
          onChange={(code) => onChange({ abroad: true, code: code === 'unknown' ? null : code })}
          error={error}
        />
      ) : (
        <UbigeoSelect aria-label={label} value={value.code} onChange={(code) => onChange({ abroad: false, code })} error={error} />
      )}
    </Stack>
  );
}
