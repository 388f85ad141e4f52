import {
  Alert,
  Button,
  Group,
  Input,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useRef, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { ApiError, fieldErrors } from '../../api/errors.js';
import { errorMessage } from '../../shared/PageState.js';
import { fromLimaLocal, toLimaLocal } from '../../shared/format.js';
import { UbigeoSelect } from '../../shared/UbigeoSelect.js';
import { useTexts } from '../../i18n/i18n.js';
import { common } from '../../i18n/common.js';
import { CHANNELS, LANGUAGES, TOPICS, type CallLanguage, type Channel, type Topic } from '../../i18n/codes.js';
import type { CallDraft } from './use-call-draft.js';
import { MAX_ATTEMPTS, type SaveState } from './use-record-call.js';
import type { NewCall } from './api.js';
import { texts } from './texts.js';

interface Props {
  draft: CallDraft;
  change(patch: Partial<NewCall>): void;
  save: SaveState;
  onSubmit(): void;
  onRetry(): void;
  firstField: Ref<HTMLInputElement>;
}

const SUMMARY_MAX = 4000;

/**
 * The call form, in the order a call goes: where from, how, in which language, anonymous or not, what about, and
 * what was said. Every control answers the keyboard (typeahead + Enter, arrows, Space); Ctrl+Enter saves from
 * anywhere in it, even from inside the place list or the summary.
 */
export function CallForm({ draft, change, save, onSubmit, onRetry, firstField }: Props) {
  const t = useTexts(texts);
  const c = useTexts(common);
  const errors = save.phase === 'invalid' ? fieldErrors(save.error) : {};
  const busy = save.phase === 'saving' || save.phase === 'retrying';
  const form = useRef<HTMLFormElement>(null);
  // A refused save: the keyboard goes to the first field the API named, so the fix is one keystroke away.
  useEffect(() => {
    if (save.phase !== 'invalid') return;
    form.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error] input, .mantine-RadioGroup-root:has([class*="error"]) input')
      ?.focus();
  }, [save]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  // Capture phase: the place list would otherwise take Enter for itself.
  const ctrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      onSubmit();
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="call-form-title">
      <form ref={form} onSubmit={submit} onKeyDownCapture={ctrlEnter} noValidate>
        <Stack gap={10}>
          <Group justify="space-between" align="baseline" wrap="nowrap">
            <Title order={2} size="h4" id="call-form-title">
              {t.newCall}
            </Title>
            {save.phase !== 'invalid' && (
              <Text size="xs" c="dimmed">
                {draft.started ? t.draftKept : ''}
              </Text>
            )}
          </Group>
          {/* At the top, where the eye is after Ctrl+Enter, not under the fold at 768 px. */}
          <SaveStatus save={save} onRetry={onRetry} t={t} offline={c.networkError} />
          <UbigeoSelect
            label={t.place}
            description={t.placeHint}
            value={draft.callerUbigeo}
            onChange={(code) => change({ callerUbigeo: code })}
            error={errors.callerUbigeo}
            ref={firstField}
            data-autofocus
          />
          <Input.Wrapper label={t.channel} error={errors.channel} id="call-channel" labelElement="div">
            <SegmentedControl
              fullWidth
              aria-labelledby="call-channel-label"
              value={draft.channel}
              onChange={(value) => change({ channel: value as Channel })}
              data={CHANNELS.map((code) => ({ value: code, label: t.channels[code] }))}
            />
          </Input.Wrapper>
          <Input.Wrapper label={t.language} error={errors.language} id="call-language" labelElement="div">
            <SegmentedControl
              fullWidth
              aria-labelledby="call-language-label"
              value={draft.language}
              onChange={(value) => change({ language: value as CallLanguage })}
              data={LANGUAGES.map((code) => ({ value: code, label: t.languages[code] }))}
            />
          </Input.Wrapper>
          <Switch
            label={t.anonymous}
            checked={draft.anonymous}
            onChange={(event) => change({ anonymous: event.currentTarget.checked })}
            error={errors.anonymous}
          />
          <Radio.Group
            label={t.topic}
            description={t.topicHint}
            value={draft.topic ?? ''}
            onChange={(value) => change({ topic: value as Topic })}
            error={errors.topic}
            withAsterisk
          >
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} mt={6}>
              {TOPICS.map((code) => (
                <Radio key={code} value={code} label={t.topics[code]} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Textarea
            label={t.summary}
            // Near the limit the count shows, so a long account is not cut off by surprise.
            description={
              draft.summary.length > SUMMARY_MAX - 500 ? `${t.summaryHint} ${draft.summary.length} / ${SUMMARY_MAX}` : t.summaryHint
            }
            value={draft.summary}
            onChange={(event) => change({ summary: event.currentTarget.value })}
            error={errors.summary}
            // Fixed rows the operator can drag taller: autosize measured the field on every keystroke (profiled).
            rows={2}
            resize="vertical"
            maxLength={SUMMARY_MAX}
          />
          <Group align="flex-end" justify="space-between" wrap="nowrap">
            <TextInput
              type="datetime-local"
              label={t.receivedAt}
              value={toLimaLocal(draft.receivedAt)}
              onChange={(event) => event.currentTarget.value && change({ receivedAt: fromLimaLocal(event.currentTarget.value) })}
              error={errors.receivedAt}
              style={{ flex: '1 1 auto', minWidth: 0, maxWidth: 250 }}
            />
            {/* The shortcut is in the screen's header; inside the button it left the time field too narrow to read. */}
            <Button type="submit" loading={busy} style={{ flexShrink: 0 }} aria-keyshortcuts="Control+Enter">
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SaveStatus({ save, onRetry, t, offline }: { save: SaveState; onRetry(): void; t: typeof texts.es; offline: string }) {
  if (save.phase === 'retrying' || save.phase === 'failed') {
    const retrying = save.phase === 'retrying';
    return (
      <Alert color={retrying ? 'orange' : 'red'} role={retrying ? 'status' : 'alert'} p="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{retrying ? t.retrying(save.attempt, MAX_ATTEMPTS) : t.failed}</Text>
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            {t.retryNow}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (save.phase === 'invalid') {
    const withFields = save.error instanceof ApiError && save.error.fields.length > 0;
    // One line: the marked fields say the rest, and the form must still fit a 768 px screen.
    return (
      <Text size="sm" c="var(--mantine-color-error)" role="alert" fw={500} mt={-6}>
        {withFields ? `${(save.error as ApiError).message}. ${t.invalid}` : errorMessage(save.error, offline)}
      </Text>
    );
  }
  return null;
}
