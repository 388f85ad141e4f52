import { Button, Group, Kbd, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMe } from '../../../auth/use-me.js';
import { common } from '../../../i18n/common.js';
import { useTexts } from '../../../i18n/i18n.js';
import { DEPARTMENTS } from '../../../shared/ubigeo.js';
import { UbigeoSelect } from '../../../shared/UbigeoSelect.js';
import { CASE_STATUSES, codeLabels, options, PURPOSES } from '../../../i18n/codes.js';
import { searchTexts } from './texts.js';
import { NO_FILTERS, type CaseFilters } from './types.js';

interface Props {
  initial: CaseFilters;
  onSearch(filters: CaseFilters): void;
}

/** The list's filters; Enter in any field searches. A regional user picks among their own departments only. */
export function CaseFiltersForm({ initial, onSearch }: Props) {
  const t = useTexts(searchTexts);
  const c = useTexts(common);
  const codes = useTexts(codeLabels);
  const me = useMe();
  const [filters, setFilters] = useState(initial);
  const set = (change: Partial<CaseFilters>) => setFilters((current) => ({ ...current, ...change }));
  const mine = me.data?.departments ?? [];
  const departments = DEPARTMENTS.filter((d) => mine.length === 0 || mine.includes(d.code)).map((d) => ({
    value: d.code,
    label: `${d.name} (${d.code})`,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(filters);
  };
  return (
    <form onSubmit={submit} aria-label={t.filters}>
      <SimpleGrid cols={4} spacing="sm">
        <TextInput
          label={t.q}
          description={t.qHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={filters.q ?? ''}
          onChange={(e) => set({ q: e.currentTarget.value })}
        />
        <TextInput label={t.policeUnit} value={filters.policeUnit} onChange={(e) => set({ policeUnit: e.currentTarget.value })} />
        <Select
          label={t.department}
          placeholder={t.any}
          data={departments}
          value={filters.department}
          clearable
          searchable
          onChange={(department) => set({ department })}
        />
        <UbigeoSelect label={t.district} placeholder={t.typePlace} value={filters.ubigeo} onChange={(ubigeo) => set({ ubigeo })} />
        <Select
          label={t.status}
          placeholder={t.any}
          data={options(CASE_STATUSES, codes.caseStatuses)}
          value={filters.status}
          clearable
          onChange={(status) => set({ status })}
        />
        <TextInput type="date" label={t.from} value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t.to} value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        <Select
          label={t.purpose}
          placeholder={t.any}
          data={options(PURPOSES, codes.purposes)}
          value={filters.purpose}
          clearable
          onChange={(purpose) => set({ purpose })}
        />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Button type="submit">{c.search}</Button>
          <Button
            variant="default"
            onClick={() => {
              setFilters(NO_FILTERS);
              onSearch(NO_FILTERS);
            }}
          >
            {c.clear}
          </Button>
        </Group>
      </SimpleGrid>
      <Text size="xs" mt={4} ta="right" aria-hidden="true">
        <Kbd>Enter</Kbd> {t.searchShortcut}
      </Text>
    </form>
  );
}
