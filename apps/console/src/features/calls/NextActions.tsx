import { Badge, CloseButton, Group, Kbd, Paper, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { ClassifyForm } from './ClassifyForm.js';
import { CloseForm } from './CloseForm.js';
import type { Topic } from '../../i18n/codes.js';
import { ReferForm } from './ReferForm.js';
import { texts } from './texts.js';
import type { CallCommandAnswer, SelectedCall } from './types.js';

export type ActionTab = 'classify' | 'refer' | 'close';

interface Props {
  call: SelectedCall;
  /** The call was saved a moment ago from the form: say so, with its id. */
  justSaved: boolean;
  /** Which action to show, and a counter that asks for focus on it (a shortcut or a row opened). */
  focus: { tab: ActionTab; request: number };
  onTab(tab: ActionTab): void;
  onChanged(call: SelectedCall): void;
  onWritten(): void;
  onEscape(): void;
  onDismiss(): void;
  /** The actions the role may take (from GET /me `allowed`); the others are not offered. */
  allowed: Record<ActionTab, boolean>;
}

/** Classify, refer and close the call just saved (or picked in the list), without leaving the screen. */
export function NextActions({ call, justSaved, focus, onTab, onChanged, onWritten, onEscape, onDismiss, allowed }: Props) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const [referred, setReferred] = useState(false);
  const classifyField = useRef<HTMLInputElement>(null);
  const referField = useRef<HTMLInputElement>(null);
  const closeField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focus.request === 0) return;
    const field = { classify: classifyField, refer: referField, close: closeField }[focus.tab];
    // After the panel has rendered the tab.
    requestAnimationFrame(() => field.current?.focus());
  }, [focus]);

  const classified = (answer: CallCommandAnswer, topic: Topic) => {
    onChanged({ ...call, version: answer.version, topic, traffickingRelated: topic === call.topic ? call.traffickingRelated : undefined });
    onWritten();
  };
  const shortcut = (key: string) => (
    <Kbd size="xs" ml={6}>
      Alt+{key}
    </Kbd>
  );

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="next-actions-title"
      onKeyDown={(event) => {
        // Esc first closes an open list (the place typeahead); only then does it leave the panel.
        const listOpen = (event.target as HTMLElement).getAttribute('aria-expanded') === 'true';
        if (event.key === 'Escape' && !listOpen) {
          event.preventDefault();
          onEscape();
        }
      }}
    >
      <Group justify="space-between" wrap="nowrap" mb="xs" align="flex-start">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={700} c="var(--mantine-color-green-light-color)" role="status" data-testid="call-saved">
            {justSaved ? `✓ ${t.saved}` : ''}
          </Text>
          <Group gap="sm" align="baseline">
            <Title order={2} size="h4" id="next-actions-title">
              {t.actionsTitle}
            </Title>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Esc</Kbd> {t.backToForm}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t.actionsFor}{' '}
            <Text span ff="monospace" size="xs" data-testid="selected-call-id">
              {call.callId}
            </Text>
            {' · '}
            {formatDateTime(call.receivedAt, language)} · {t.topics[call.topic]}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {call.traffickingRelated && (
            <Badge color="red" style={{ flexShrink: 0 }}>
              {t.traffickingBadge}
            </Badge>
          )}
          {call.status === 'closed' && (
            <Badge color="gray" style={{ flexShrink: 0 }}>
              {t.statuses.closed}
            </Badge>
          )}
          <CloseButton aria-label={t.dismiss} onClick={onDismiss} />
        </Group>
      </Group>
      <Tabs value={focus.tab} onChange={(value) => value && onTab(value as ActionTab)} key={call.callId}>
        <Tabs.List>
          {allowed.classify && (
            <Tabs.Tab value="classify">
              {t.classify}
              {shortcut('C')}
            </Tabs.Tab>
          )}
          {allowed.refer && (
            <Tabs.Tab value="refer">
              {t.refer}
              {shortcut('R')}
            </Tabs.Tab>
          )}
          {allowed.close && (
            <Tabs.Tab value="close">
              {t.close}
              {shortcut('X')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        {allowed.classify && (
          <Tabs.Panel value="classify" pt="sm">
            <ClassifyForm call={call} onDone={classified} firstField={classifyField} />
          </Tabs.Panel>
        )}
        {allowed.refer && (
          <Tabs.Panel value="refer" pt="sm">
            <ReferForm
              call={call}
              onDone={() => {
                setReferred(true);
                onWritten();
              }}
              firstField={referField}
            />
          </Tabs.Panel>
        )}
        {allowed.close && (
          <Tabs.Panel value="close" pt="sm">
            <CloseForm
              key={referred ? 'referred' : 'new'}
              call={call}
              suggested={referred ? 'referred' : null}
              firstField={closeField}
              onDone={(answer) => {
                onChanged({ ...call, version: answer.version, status: 'closed' });
                onWritten();
              }}
            />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}
