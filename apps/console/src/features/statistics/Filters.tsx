import { Button, Group, Kbd, Select, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { DEPARTMENTS } from '../../shared/ubigeo.js';
import { texts } from './texts.js';
import type { Filters as Values } from './use-statistics.js';

interface Props {
  value: Values;
  onApply(value: Values): void;
  /** The token's departments: a regional user chooses among them; national users among all and "all of Peru". */
  scope: string[];
  error?: unknown;
  rangeProblem?: string;
  /** Analysts: the release points to choose from (newest first); absent for the others, who read the current figures. */
  releasePoints?: Array<{ position: number; day: string; period: string | null }>;
}

/** Period (month range) and department; applied together with Enter or the button, so typing does not refetch. */
export function Filters({ value, onApply, scope, error, rangeProblem, releasePoints }: Props) {
  const t = useTexts(texts);
  const [draft, setDraft] = useState(value);
  const problems = fieldErrors(error);
  const options = [
    ...(scope.length === 0 ? [{ value: '', label: t.allPeru }] : []),
    ...DEPARTMENTS.filter((d) => scope.length === 0 || scope.includes(d.code)).map((d) => ({ value: d.code, label: d.name })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label={t.title}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="month"
          label={t.from}
          value={draft.from}
          required
          w={170}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          error={problems.from ?? rangeProblem}
        />
        <TextInput
          type="month"
          label={t.to}
          value={draft.to}
          required
          w={170}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          error={problems.to}
        />
        <Select
          label={t.department}
          data={options}
          value={draft.department}
          w={220}
          searchable
          allowDeselect={false}
          onChange={(v) => setDraft({ ...draft, department: v ?? '' })}
          error={problems.department}
        />
        {releasePoints && (
          <Select
            label={t.releasePoint}
            w={240}
            allowDeselect={false}
            value={draft.asOf ?? ''}
            error={problems.asOf}
            data={[
              { value: '', label: t.latestRelease },
              ...releasePoints.map((p) => ({ value: String(p.position), label: t.releaseOption(p.day, p.period) })),
            ]}
            onChange={(v) => setDraft({ ...draft, asOf: v ?? '' })}
          />
        )}
        <Button type="submit">{t.apply}</Button>
        <Text size="sm" c="dimmed">
          <Kbd>Enter</Kbd> {t.applyHint}
        </Text>
      </Group>
    </form>
  );
}
