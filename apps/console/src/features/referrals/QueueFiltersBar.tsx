import { Group, Select } from '@mantine/core';
import { useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { DEPARTMENTS } from '../../shared/ubigeo.js';
import { codeLabels, DESTINATIONS, options } from '../../i18n/codes.js';
import { referralTexts } from './texts.js';
import type { QueueFilters } from './types.js';

interface Props {
  filters: QueueFilters;
  onChange(filters: QueueFilters): void;
}

/** The filters GET /referrals supports: destination, department (among the user's own) and minimum age. */
export function QueueFiltersBar({ filters, onChange }: Props) {
  const t = useTexts(referralTexts);
  const codes = useTexts(codeLabels);
  const me = useMe();
  const mine = me.data?.departments ?? [];
  const departments = DEPARTMENTS.filter((d) => mine.length === 0 || mine.includes(d.code)).map((d) => ({
    value: d.code,
    label: `${d.name} (${d.code})`,
  }));
  return (
    <Group gap="sm" align="flex-end" role="group" aria-label={t.filters}>
      <Select
        w={260}
        label={t.destination}
        placeholder={t.all}
        data={options(DESTINATIONS, codes.destinations)}
        clearable
        value={filters.destination}
        onChange={(destination) => onChange({ ...filters, destination })}
      />
      <Select
        w={220}
        label={t.department}
        placeholder={t.all}
        data={departments}
        clearable
        searchable
        value={filters.department}
        onChange={(department) => onChange({ ...filters, department })}
      />
      <Select
        w={200}
        label={t.age}
        allowDeselect={false}
        data={[
          { value: '', label: t.anyAge },
          { value: '24', label: t.over24 },
          { value: '72', label: t.over72 },
        ]}
        value={filters.olderThanHours}
        onChange={(olderThanHours) => onChange({ ...filters, olderThanHours: olderThanHours ?? '' })}
      />
    </Group>
  );
}
