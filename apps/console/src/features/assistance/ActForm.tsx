import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ApiError, fieldErrors } from '../../api/errors.js';
import { common } from '../../i18n/common.js';
import { countryOptions } from '../../i18n/countries.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../shared/format.js';
import { errorMessage } from '../../shared/PageState.js';
import { DateTimeField } from '../cases/view/CommandModal.js';
import { useCommand } from '../cases/view/use-command.js';
import { texts } from './texts.js';
import type { AssistanceBody, AssistanceKind } from './types.js';
import { assistanceKey } from './use-assistance.js';

/** The codes each act asks for (the API's enums; the decider names a missing or wrong one). */
const CODES = {
  exitReason: ['family_reintegration', 'transfer', 'voluntary', 'came_of_age', 'repatriation', 'other'],
  service: ['health', 'psychological', 'legal', 'education', 'work', 'social'],
  reintegration: ['family', 'community', 'education', 'work', 'other'],
  status: ['irregular', 'tourist', 'resident', 'refugee_applicant', 'humanitarian', 'other'],
} as const;
const FIELD_OF: Partial<Record<AssistanceKind, keyof typeof CODES>> = {
  shelter_exit: 'exitReason',
  service: 'service',
  reintegration: 'reintegration',
  migratory_status: 'status',
};
const WITH_COUNTRY: readonly AssistanceKind[] = ['consular_assistance', 'repatriation', 'voluntary_return'];

interface Props {
  caseId: string;
  victimId: string;
  /** The acts that apply now, from the API (consent first; abroad or migratory acts only where they apply). */
  kinds: readonly AssistanceKind[];
}

/** One act of assistance: the fields of the chosen act only; Enter or Ctrl+Enter saves; the API's field errors shown by each field. */
export function ActForm({ caseId, victimId, kinds }: Props) {
  const t = useTexts(texts);
  const c = useTexts(common);
  const { language } = useLanguage();
  const [kind, setKind] = useState<AssistanceKind>(kinds[0] ?? 'consent');
  const [occurredAt, setOccurredAt] = useState(() => limaNow().slice(0, 16));
  const [given, setGiven] = useState(true);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [text, setText] = useState({ shelterName: '', country: '', notes: '' });
  const [saved, setSaved] = useState(false);
  const command = useCommand([assistanceKey(caseId, victimId)]);
  const errors = fieldErrors(command.error);
  const chosen = kinds.includes(kind) ? kind : (kinds[0] ?? 'consent');
  const codeField = FIELD_OF[chosen];
  const body = (): AssistanceBody => ({
    kind: chosen,
    occurredAt: fromLimaLocal(occurredAt),
    ...(chosen === 'consent' ? { given } : {}),
    ...(chosen === 'shelter_admission' ? { shelterName: text.shelterName } : {}),
    ...(codeField ? { [codeField]: codes[codeField] ?? CODES[codeField][0] } : {}),
    ...(WITH_COUNTRY.includes(chosen) ? { country: text.country } : {}),
    notes: text.notes.trim() || null,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (command.isPending) return;
    setSaved(false);
    command.mutate(
      {
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/victims/{victimId}/assistance', {
            params: { path: { caseId, victimId } },
            body: body(),
            ...init,
          }),
      },
      {
        onSuccess: () => {
          command.reset();
          setSaved(true);
          setText({ shelterName: '', country: '', notes: '' });
        },
      },
    );
  };
  const general = command.error && !(command.error instanceof ApiError && command.error.fields.length > 0);
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} onKeyDown={(e) => e.key === 'Enter' && e.ctrlKey && submit(e)} noValidate aria-label={t.record}>
        <Stack gap="sm">
          <Title order={3}>{t.record}</Title>
          <Group grow align="flex-start">
            <NativeSelect
              label={t.kind}
              value={chosen}
              onChange={(e) => setKind(e.currentTarget.value as AssistanceKind)}
              data={kinds.map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
              error={errors.kind}
              data-testid="assistance-kind"
            />
            <DateTimeField label={t.occurredAt} value={occurredAt} onChange={setOccurredAt} error={errors.occurredAt} />
          </Group>
          {chosen === 'consent' && (
            <Checkbox label={t.given} checked={given} onChange={(e) => setGiven(e.currentTarget.checked)} error={errors.given} />
          )}
          {chosen === 'shelter_admission' && (
            <TextInput
              label={t.shelterName}
              required
              maxLength={200}
              value={text.shelterName}
              onChange={(e) => setText({ ...text, shelterName: e.currentTarget.value })}
              error={errors.shelterName}
            />
          )}
          {codeField && (
            <NativeSelect
              label={t[codeField]}
              value={codes[codeField] ?? CODES[codeField][0]}
              onChange={(e) => setCodes({ ...codes, [codeField]: e.currentTarget.value })}
              data={CODES[codeField].map((code) => ({ value: code, label: t.codes[code] ?? code }))}
              error={errors[codeField]}
            />
          )}
          {WITH_COUNTRY.includes(chosen) && (
            <NativeSelect
              label={t.country}
              value={text.country}
              onChange={(e) => setText({ ...text, country: e.currentTarget.value })}
              data={[{ value: '', label: '—' }, ...countryOptions(language, '—').filter((o) => o.value !== 'PE' && o.value !== 'unknown')]}
              error={errors.country}
            />
          )}
          <Textarea
            label={t.notes}
            autosize
            minRows={2}
            maxLength={2000}
            value={text.notes}
            onChange={(e) => setText({ ...text, notes: e.currentTarget.value })}
            error={errors.notes}
          />
          {general && (
            <Alert color="red" role="alert" title={c.error}>
              {errorMessage(command.error, c.networkError)}
            </Alert>
          )}
          {saved && (
            <Alert color="green" role="status">
              {t.saved}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={command.isPending} data-testid="assistance-save">
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
