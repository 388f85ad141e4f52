import { Alert, Button, Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../../../api/errors.js';
import { common } from '../../../i18n/common.js';
import { useTexts } from '../../../i18n/i18n.js';
import { errorMessage } from '../../../shared/PageState.js';
import { texts } from './texts.js';

interface Props {
  opened: boolean;
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
  /** A wider frame for long forms (the facts' correction). */
  size?: string;
}

/**
 * The frame of every action form: a modal that traps focus (first field focused with `data-autofocus`), Escape
 * cancels, Enter in a field or Ctrl+Enter anywhere submits. An error the API gave for a field is shown by the
 * field itself; anything else (a 409, a 422 of the state) appears above the buttons in the API's words.
 */
export function CommandModal({ opened, title, submitLabel, pending, error, onClose, onSubmit, children, size = 'lg' }: Props) {
  const t = useTexts(texts);
  const c = useTexts(common);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  const general = error && !(error instanceof ApiError && error.fields.length > 0) ? errorMessage(error, c.networkError) : null;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': c.cancel }}>
      <form
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.ctrlKey) submit(event);
        }}
        noValidate
      >
        <Stack gap="sm">
          {children}
          {general && (
            <Alert color="red" role="alert" title={c.error}>
              {general}
            </Alert>
          )}
          {error instanceof ApiError && error.fields.length > 0 && (
            <Text size="sm" c="red.8" role="alert">
              {error.message}
            </Text>
          )}
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed">
              <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> {t.toSave} · <Kbd>Esc</Kbd> {t.toCancel}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {c.cancel}
              </Button>
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface DateTimeProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  autoFocus?: boolean;
  description?: string;
}

/** A Lima wall-clock date and time (the native control is fully keyboard-operable); sent with its -05:00 offset. */
export function DateTimeField({ label, value, onChange, error, autoFocus, description }: DateTimeProps) {
  return (
    <TextInput
      type="datetime-local"
      label={label}
      description={description}
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-autofocus={autoFocus || undefined}
    />
  );
}
