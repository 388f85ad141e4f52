import { Grid, Group, Kbd, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { can, useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { minPosition, rememberPosition } from '../../shared/read-your-writes.js';
import { CallForm } from './CallForm.js';
import { NextActions, type ActionTab } from './NextActions.js';
import { RecentCalls } from './RecentCalls.js';
import { texts } from './texts.js';
import type { CallListItem, SelectedCall } from './types.js';
import { callOf, useCallDraft } from './use-call-draft.js';
import { useRecordCall } from './use-record-call.js';

/**
 * The hotline operator's screen: record the call on the left while the caller talks, then act on it (classify,
 * refer, close) and see it among the recent calls on the right, without leaving the page.
 */

function fromRow(row: CallListItem): SelectedCall {
  return {
    callId: row.callId,
    version: row.version,
    topic: row.topic,
    traffickingRelated: row.traffickingRelated,
    status: row.status,
    receivedAt: row.receivedAt,
  };
}

export default function CallsPage() {
  const t = useTexts(texts);
  const me = useMe().data;
  // What the role may do comes from the API's policy table (GET /me), never from a rule of the console's own.
  const allowed = {
    classify: can(me, 'POST /api/v1/hotline-calls/{callId}/classification'),
    refer: can(me, 'POST /api/v1/hotline-calls/{callId}/referrals'),
    close: can(me, 'POST /api/v1/hotline-calls/{callId}/closure'),
  };
  const canList = can(me, 'GET /api/v1/hotline-calls');
  const { draft, change, clear } = useCallDraft();
  const firstField = useRef<HTMLInputElement>(null);
  const firstRow = useRef<HTMLButtonElement>(null);
  const [selected, setSelected] = useState<SelectedCall | null>(null);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ tab: ActionTab; request: number }>({ tab: 'classify', request: 0 });
  // Read-your-writes: bumped after every write so the list is asked again with the new minPosition.
  const [position, setPosition] = useState<number | undefined>(() => minPosition());
  const written = useCallback(() => setPosition(minPosition()), []);

  const focusForm = useCallback(() => firstField.current?.focus(), []);
  useEffect(focusForm, [focusForm]);

  const record = useRecordCall((answer, call) => {
    rememberPosition(answer);
    written();
    clear();
    setJustSaved(answer.callId);
    setSelected({
      callId: answer.callId,
      version: answer.version,
      topic: call.topic ?? 'other',
      status: 'open',
      receivedAt: call.receivedAt,
    });
    setFocus((current) => ({ ...current, tab: 'classify' }));
    // The next caller may already be waiting: back to the first field.
    requestAnimationFrame(focusForm);
  });

  const openActions = (tab: ActionTab) => {
    if (selected && allowed[tab]) setFocus((current) => ({ tab, request: current.request + 1 }));
  };
  const openRow = (row: CallListItem) => {
    setSelected(fromRow(row));
    setJustSaved(null);
    setFocus((current) => ({ tab: current.tab, request: current.request + 1 }));
  };

  // The list is the API's newer word on the open call (its version after someone else's change, whether it is
  // trafficking-related after a re-classification): the panel follows it, never going back to an older version.
  const syncRow = useCallback((row: CallListItem) => {
    setSelected((current) => {
      if (!current || current.callId !== row.callId || row.version < current.version) return current;
      const next = fromRow(row);
      return JSON.stringify(next) === JSON.stringify(current) ? current : next;
    });
  }, []);

  useHotkeys(
    [
      ['alt+N', focusForm, { usePhysicalKeys: true }],
      ['alt+L', () => firstRow.current?.focus(), { usePhysicalKeys: true }],
      ['alt+C', () => openActions('classify'), { usePhysicalKeys: true }],
      ['alt+R', () => openActions('refer'), { usePhysicalKeys: true }],
      ['alt+X', () => openActions('close'), { usePhysicalKeys: true }],
    ],
    [],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Title order={1} size="h3">
          {t.title}
        </Title>
        <Text size="xs" c="dimmed" ta="right">
          <VisuallyHidden>{t.shortcuts}: </VisuallyHidden>
          <Kbd size="xs">Ctrl+Enter</Kbd> {t.shortcutSave} · <Kbd size="xs">Alt+N</Kbd> {t.shortcutNew} · <Kbd size="xs">Alt+L</Kbd>{' '}
          {t.shortcutList}
          {' · '}
          <Kbd size="xs">Alt+C</Kbd>/<Kbd size="xs">R</Kbd>/<Kbd size="xs">X</Kbd> {t.shortcutActions}
        </Text>
      </Group>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={5}>
          <CallForm
            draft={draft}
            change={change}
            save={record.state}
            firstField={firstField}
            onSubmit={() => record.save(callOf(draft))}
            onRetry={() => record.retryNow(callOf(draft))}
          />
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="md">
            {selected && (allowed.classify || allowed.refer || allowed.close) && (
              <NextActions
                call={selected}
                focus={focus}
                justSaved={justSaved === selected.callId}
                onTab={(tab) => setFocus((current) => ({ tab, request: current.request }))}
                onChanged={setSelected}
                onWritten={written}
                onEscape={focusForm}
                onDismiss={() => {
                  setSelected(null);
                  setJustSaved(null);
                  focusForm();
                }}
                allowed={allowed}
              />
            )}
            {canList && (
              <RecentCalls
                position={position}
                selectedId={selected?.callId ?? null}
                onOpen={openRow}
                onSelectedRow={syncRow}
                firstRow={firstRow}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
