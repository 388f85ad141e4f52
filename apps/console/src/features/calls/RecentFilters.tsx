import { Group, SegmentedControl, Input, Select, Switch, TextInput } from '@mantine/core';
import { useTexts } from '../../i18n/i18n.js';
import type { CallFilters } from './api.js';
import { TOPICS, type Topic } from '../../i18n/codes.js';
import { texts } from './texts.js';

interface Props {
  filters: CallFilters;
  onChange(filters: CallFilters): void;
}

/** Filters of the recent calls: none of them is personal, so they may live in the query key. */
export function RecentFilters({ filters, onChange }: Props) {
  const t = useTexts(texts);
  const set = (patch: Partial<CallFilters>) => onChange({ ...filters, ...patch });
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        type="date"
        size="xs"
        label={t.from}
        value={filters.from}
        w={130}
        onChange={(event) => set({ from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        size="xs"
        label={t.to}
        value={filters.to}
        w={130}
        onChange={(event) => set({ to: event.currentTarget.value })}
      />
      <Select
        size="xs"
        label={t.colTopic}
        w={170}
        clearable
        placeholder={t.anyTopic}
        value={filters.topic}
        onChange={(value) => set({ topic: value as Topic | null })}
        data={TOPICS.map((code) => ({ value: code, label: t.topics[code] }))}
      />
      <Input.Wrapper size="xs" label={t.status} id="recent-status" labelElement="div">
        <SegmentedControl
          size="xs"
          aria-labelledby="recent-status-label"
          value={filters.status ?? 'all'}
          onChange={(value) => set({ status: value === 'all' ? null : (value as 'open' | 'closed') })}
          data={[
            { value: 'all', label: t.anyStatus },
            { value: 'open', label: t.statuses.open },
            { value: 'closed', label: t.statuses.closed },
          ]}
        />
      </Input.Wrapper>
      <Switch size="sm" label={t.onlyMine} checked={filters.mine} onChange={(event) => set({ mine: event.currentTarget.checked })} mb={4} />
    </Group>
  );
}
