import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import { useTexts } from '../../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../../shared/format.js';
import { UbigeoSelect } from '../../../shared/UbigeoSelect.js';
import { codeLabels, label, options, VICTIM_DESTINATIONS, type Destination } from '../../../i18n/codes.js';
import { CommandModal, DateTimeField } from './CommandModal.js';
import type { ActionFormProps } from './OperationForm.js';
import { fill, texts } from './texts.js';
import { caseKey, timelineKey } from './use-case.js';
import { useCommand } from './use-command.js';
import { newId } from '../../../shared/ids.js';

/**
 * POST /cases/{id}/referrals with `victimId`: a victim to a shelter, MIMP, DEMUNA… Victims are named by their number
 * in the case, never by name (this form must work without revealing personal data). The referral id is made here,
 * once per form, so a retry is the same referral.
 */
export default function VictimReferralForm({ view, onClose }: ActionFormProps) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const [referralId] = useState(newId);
  const [victimId, setVictimId] = useState<string | null>(view.victims[0]?.victimId ?? null);
  const [to, setTo] = useState<Destination>('SHELTER');
  const [unitName, setUnitName] = useState('');
  const [ubigeo, setUbigeo] = useState<string | null>(null);
  const [referredAt, setReferredAt] = useState(() => limaNow().slice(0, 16));
  const command = useCommand([caseKey(view.caseId), timelineKey(view.caseId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        send: (init) =>
          api.POST('/api/v1/cases/{caseId}/referrals', {
            params: { path: { caseId: view.caseId } },
            body: {
              referralId,
              victimId: victimId ?? undefined,
              to,
              unitName: unitName.trim() || null,
              ubigeo,
              referredAt: fromLimaLocal(referredAt),
            },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  const victims = view.victims.map((v, i) => ({
    value: v.victimId,
    label: `${fill(t.victimN, { n: i + 1 })} · ${label(k.sexes, v.sex)}${v.age !== null ? `, ${v.age}` : ''}`,
  }));
  return (
    <CommandModal
      opened
      title={t.referVictim}
      submitLabel={t.referVictim}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Select
        label={t.victim}
        required
        data={victims}
        value={victimId}
        onChange={setVictimId}
        allowDeselect={false}
        error={errors.victimId}
        data-autofocus
      />
      <Select
        label={t.to}
        required
        data={options(VICTIM_DESTINATIONS, k.destinations)}
        value={to}
        onChange={(code) => {
          if (code) setTo(code);
        }}
        allowDeselect={false}
        error={errors.to}
      />
      <TextInput
        label={t.unitName}
        maxLength={200}
        value={unitName}
        onChange={(e) => setUnitName(e.currentTarget.value)}
        error={errors.unitName}
      />
      <UbigeoSelect label={t.ubigeo} value={ubigeo} onChange={setUbigeo} error={errors.ubigeo} clearable />
      <DateTimeField label={t.referredAt} description={t.limaTime} value={referredAt} onChange={setReferredAt} error={errors.referredAt} />
    </CommandModal>
  );
}
