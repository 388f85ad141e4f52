import { Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useState, type Ref } from 'react';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { UbigeoSelect } from '../../shared/UbigeoSelect.js';
import { referCall } from './api.js';
import { ActionStatus, submitOnCtrlEnter } from './ActionStatus.js';
import { DESTINATIONS, type Destination } from '../../i18n/codes.js';
import { texts } from './texts.js';
import type { ReferralCommandAnswer, SelectedCall } from './types.js';
import { useCommand } from './use-command.js';

interface Props {
  call: SelectedCall;
  onDone(answer: ReferralCommandAnswer): void;
  firstField: Ref<HTMLInputElement>;
}

/**
 * Refer the call to an institution, sent now. The referral's id is made once per intended referral, so a retry
 * after a lost answer is the same referral. Whether the call may be referred is the API's rule (422 otherwise).
 */
export function ReferForm({ call, onDone, firstField }: Props) {
  const t = useTexts(texts);
  const [to, setTo] = useState<Destination>('PNP');
  const [unitName, setUnitName] = useState('');
  const [ubigeo, setUbigeo] = useState<string | null>(null);
  const run = useCallback(
    (referralId: string, referredAt: string) => referCall(call.callId, { referralId, to, unitName, ubigeo, referredAt }),
    [call.callId, to, unitName, ubigeo],
  );
  const command = useCommand(run, onDone);
  const errors = fieldErrors(command.error);
  const submit = () => void command.submit();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDownCapture={submitOnCtrlEnter(submit)}
      noValidate
    >
      <Stack gap="xs">
        {call.traffickingRelated !== true && (
          <Text size="sm" c="dimmed">
            {t.referOnlyTrafficking}
          </Text>
        )}
        <Radio.Group label={t.destination} value={to} onChange={(value) => setTo(value as Destination)} error={errors.to}>
          <SimpleGrid cols={3} spacing="xs" verticalSpacing={6} mt={6}>
            {DESTINATIONS.map((code) => (
              <Radio key={code} value={code} label={t.destinations[code]} ref={code === to ? firstField : undefined} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            label={t.unitName}
            description={t.unitHint}
            value={unitName}
            maxLength={200}
            onChange={(event) => setUnitName(event.currentTarget.value)}
            error={errors.unitName}
          />
          <UbigeoSelect label={t.referralPlace} description={t.placeHint} value={ubigeo} onChange={setUbigeo} error={errors.ubigeo} />
        </SimpleGrid>
        <Group gap="sm" align="center">
          <Button type="submit" loading={command.pending}>
            {t.refer}
          </Button>
          <ActionStatus error={command.error} done={command.done} doneText={t.referred} onRetry={submit} />
        </Group>
      </Stack>
    </form>
  );
}
