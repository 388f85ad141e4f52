import { Button, Group, Kbd, Select, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { texts } from './texts.js';
import { AUDIT_ACTIONS, codeLabels, type AuditAction } from '../../i18n/codes.js';

export interface AuditFilterValues {
  from: string;
  to: string;
  actor: string;
  recordId: string;
  subjectId: string;
  action: AuditAction | '';
}

export const NO_FILTERS: AuditFilterValues = { from: '', to: '', actor: '', recordId: '', subjectId: '', action: '' };

/** The audit filters, applied together (Enter or the button); API field errors show next to their field. */
export function AuditFilters({ value, onApply, error }: { value: AuditFilterValues; onApply(v: AuditFilterValues): void; error: unknown }) {
  const t = useTexts(texts);
  const [draft, setDraft] = useState(value);
  const problems = fieldErrors(error);
  const k = useTexts(codeLabels);
  const set = (field: Exclude<keyof AuditFilterValues, 'action'>) => (v: string) => setDraft({ ...draft, [field]: v });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label={t.title}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t.from}
          w={160}
          value={draft.from}
          onChange={(e) => set('from')(e.currentTarget.value)}
          error={problems.from}
        />
        <TextInput
          type="date"
          label={t.to}
          w={170}
          value={draft.to}
          onChange={(e) => set('to')(e.currentTarget.value)}
          error={problems.to}
        />
        <Select
          label={t.action}
          w={230}
          value={draft.action}
          allowDeselect={false}
          error={problems.action}
          data={[{ value: '', label: t.anyAction }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: k.auditActions[a] }))]}
          onChange={(action) => setDraft({ ...draft, action: action ?? '' })}
        />
        <TextInput
          label={t.actor}
          w={180}
          value={draft.actor}
          onChange={(e) => set('actor')(e.currentTarget.value)}
          error={problems.actor}
        />
        <TextInput
          label={t.recordId}
          w={200}
          value={draft.recordId}
          onChange={(e) => set('recordId')(e.currentTarget.value)}
          error={problems.recordId}
        />
        <TextInput
          label={t.subjectId}
          description={t.subjectIdHint}
          w={300}
          value={draft.subjectId}
          onChange={(e) => set('subjectId')(e.currentTarget.value)}
          error={problems.subjectId}
        />
      </Group>
      <Group gap="sm" mt="sm">
        <Button type="submit">{t.apply}</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t.clear}
        </Button>
        <Text size="sm" c="dimmed">
          <Kbd>Enter</Kbd> {t.applyHint}
        </Text>
      </Group>
    </form>
  );
}
