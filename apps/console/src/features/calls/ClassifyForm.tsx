import { Button, Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useCallback, useState, type Ref } from 'react';
import { fieldErrors } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { classifyCall } from './api.js';
import { ActionStatus, submitOnCtrlEnter } from './ActionStatus.js';
import { TOPICS, type Topic } from '../../i18n/codes.js';
import { texts } from './texts.js';
import type { CallCommandAnswer, SelectedCall } from './types.js';
import { useCommand } from './use-command.js';

interface Props {
  call: SelectedCall;
  onDone(answer: CallCommandAnswer, topic: Topic): void;
  firstField: Ref<HTMLInputElement>;
}

/** Re-classify: the new topic and why, against the version the operator saw (If-Match). */
export function ClassifyForm({ call, onDone, firstField }: Props) {
  const t = useTexts(texts);
  const [topic, setTopic] = useState<Topic>(call.topic);
  const [reason, setReason] = useState('');
  const run = useCallback((key: string) => classifyCall(call.callId, call.version, key, topic, reason), [call, topic, reason]);
  const done = useCallback((answer: CallCommandAnswer) => onDone(answer, topic), [onDone, topic]);
  const command = useCommand(run, done);
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
        <Radio.Group label={t.newTopic} value={topic} onChange={(value) => setTopic(value as Topic)} error={errors.topic}>
          <SimpleGrid cols={3} spacing="xs" verticalSpacing={6} mt={6}>
            {TOPICS.map((code, index) => (
              <Radio
                key={code}
                value={code}
                label={t.topics[code]}
                ref={code === topic || (index === 0 && !TOPICS.includes(topic)) ? firstField : undefined}
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <TextInput
          label={t.reason}
          description={t.reasonHint}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
        />
        <Group gap="sm" align="center">
          <Button type="submit" loading={command.pending}>
            {t.classify}
          </Button>
          <ActionStatus error={command.error} done={command.done} doneText={t.classified} onRetry={submit} />
        </Group>
      </Stack>
    </form>
  );
}
