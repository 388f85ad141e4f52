import { Button, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useCallback, useState, type Ref } from 'react';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { closeCall } from './api.js';
import { ActionStatus, submitOnCtrlEnter } from './ActionStatus.js';
import { OUTCOMES, type Outcome } from '../../i18n/codes.js';
import { texts } from './texts.js';
import type { CallCommandAnswer, SelectedCall } from './types.js';
import { useCommand } from './use-command.js';

interface Props {
  call: SelectedCall;
  /** Suggested when the call was just referred from this panel; the operator may choose another. */
  suggested: Outcome | null;
  onDone(answer: CallCommandAnswer): void;
  firstField: Ref<HTMLInputElement>;
}

/** Close the call now with its outcome, against the version the operator saw. */
export function CloseForm({ call, suggested, onDone, firstField }: Props) {
  const t = useTexts(texts);
  const [outcome, setOutcome] = useState<Outcome | null>(suggested);
  const run = useCallback(
    (key: string, closedAt: string) => closeCall(call.callId, call.version, key, outcome as Outcome, closedAt),
    [call.callId, call.version, outcome],
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
        {call.status === 'closed' && !command.done && (
          <Text size="sm" c="dimmed">
            {t.alreadyClosed}
          </Text>
        )}
        <Radio.Group
          label={t.outcome}
          value={outcome ?? ''}
          onChange={(value) => setOutcome(value as Outcome)}
          error={errors.outcome ?? errors.closedAt}
        >
          <SimpleGrid cols={3} spacing="xs" verticalSpacing={6} mt={6}>
            {OUTCOMES.map((code, index) => (
              <Radio
                key={code}
                value={code}
                label={t.outcomes[code]}
                ref={code === outcome || (!outcome && index === 0) ? firstField : undefined}
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Group gap="sm" align="center">
          <Button type="submit" loading={command.pending}>
            {t.close}
          </Button>
          <ActionStatus error={command.error} done={command.done} doneText={t.closed} onRetry={submit} />
        </Group>
      </Stack>
    </form>
  );
}
