import { Checkbox, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../shared/format.js';
import { CommandModal, DateTimeField } from '../cases/view/CommandModal.js';
import { timelineKey } from '../cases/view/use-case.js';
import { useCommand, type CommandInit } from '../cases/view/use-command.js';
import type { TrialAction } from './stages.js';
import { codeLabels } from '../../i18n/codes.js';
import { texts } from './texts.js';
import type { Trial } from './types.js';
import { trialKey } from './use-justice.js';

export interface Defendant {
  id: string;
  label: string;
}

interface Props {
  trial: Trial;
  action: TrialAction;
  defendants: Defendant[];
  onClose(): void;
}

const FIELD: Record<TrialAction, 'ruledAt' | 'appealedAt' | 'finalAt'> = { rulings: 'ruledAt', appeals: 'appealedAt', finality: 'finalAt' };

/**
 * The three trial commands in one form: a ruling (verdict, years for a conviction, defendants among the case's
 * suspects), an appeal (appellant optional) or finality. The API checks the rest (years 1–35, dates in order).
 */
export function TrialForm({ trial, action, defendants, onClose }: Props) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const [at, setAt] = useState(() => limaNow().slice(0, 16));
  const [verdict, setVerdict] = useState<'conviction' | 'acquittal'>('conviction');
  const [years, setYears] = useState<number | string>('');
  // Null until the user changes it: every suspect of the case, even if the case arrives after the form opened.
  const [picked, setChosen] = useState<string[] | null>(null);
  const chosen = picked ?? defendants.map((d) => d.id);
  const [appellant, setAppellant] = useState('');
  const command = useCommand([trialKey(trial.trialId), ...(trial.caseId ? [timelineKey(trial.caseId)] : [])]);
  const errors = fieldErrors(command.error);
  const send = (init: CommandInit) => {
    const path = { params: { path: { trialId: trial.trialId } }, ...init };
    const when = fromLimaLocal(at);
    if (action === 'rulings') {
      const sentenceYears = verdict === 'conviction' && years !== '' ? Number(years) : null;
      return api.POST('/api/v1/trials/{trialId}/rulings', { ...path, body: { ruledAt: when, verdict, sentenceYears, defendants: chosen } });
    }
    if (action === 'appeals')
      return api.POST('/api/v1/trials/{trialId}/appeals', { ...path, body: { appealedAt: when, appellant: appellant.trim() || null } });
    return api.POST('/api/v1/trials/{trialId}/finality', { ...path, body: { finalAt: when } });
  };
  const submit = () => command.mutate({ version: trial.version, send }, { onSuccess: onClose });
  const title = action === 'rulings' ? t.issueRuling : action === 'appeals' ? t.appeal : t.declareFinal;
  const dateLabel = action === 'rulings' ? t.ruledAt : action === 'appeals' ? t.appealedAt : t.finalAt;
  return (
    <CommandModal
      opened
      title={title}
      submitLabel={title}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      {action === 'rulings' && (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="verdict-label">
              {t.verdict}
            </Text>
            <SegmentedControl
              aria-labelledby="verdict-label"
              value={verdict}
              onChange={(value) => setVerdict(value as 'conviction' | 'acquittal')}
              data={[
                { value: 'conviction', label: k.verdicts.conviction },
                { value: 'acquittal', label: k.verdicts.acquittal },
              ]}
            />
            {errors.verdict && (
              <Text size="xs" c="red.8">
                {errors.verdict}
              </Text>
            )}
          </Stack>
          <NumberInput
            label={t.years}
            disabled={verdict !== 'conviction'}
            required={verdict === 'conviction'}
            min={0}
            max={35}
            value={years}
            onChange={setYears}
            error={errors.sentenceYears}
            data-autofocus
          />
          <Checkbox.Group label={t.defendants} required value={chosen} onChange={setChosen} error={errors.defendants}>
            <Stack gap={6} mt={6}>
              {defendants.map((d) => (
                <Checkbox key={d.id} value={d.id} label={d.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        </>
      )}
      {action === 'appeals' && (
        <TextInput
          label={t.appellant}
          maxLength={200}
          value={appellant}
          onChange={(e) => setAppellant(e.currentTarget.value)}
          error={errors.appellant}
          data-autofocus
        />
      )}
      {/* Last: Tab inside a date-time control walks its segments; it defaults to now, Lima time. */}
      <DateTimeField
        label={dateLabel}
        description={t.limaTime}
        value={at}
        onChange={setAt}
        error={errors[FIELD[action]]}
        autoFocus={action === 'finality'}
      />
    </CommandModal>
  );
}
