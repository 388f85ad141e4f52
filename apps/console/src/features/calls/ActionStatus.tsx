import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError, NetworkError } from '../../api/errors.js';
import { common } from '../../i18n/common.js';
import { useTexts } from '../../i18n/i18n.js';
import { errorMessage } from '../../shared/PageState.js';

interface Props {
  error: unknown;
  done: boolean;
  doneText: string;
  onRetry(): void;
}

/**
 * The outcome of a next action: the API's own message (a 422 "not trafficking-related", a 409 version conflict),
 * a retry when the answer was lost (same key, so never twice), or a short confirmation read out by screen readers.
 */
export function ActionStatus({ error, done, doneText, onRetry }: Props) {
  const c = useTexts(common);
  if (error) {
    const lost = error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
    const onlyFields = error instanceof ApiError && error.status === 400 && error.fields.length > 0;
    return (
      <Alert color="red" role="alert" p="xs" style={{ flex: 1 }}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{onlyFields ? (error as ApiError).message : errorMessage(error, c.networkError)}</Text>
          {lost && (
            <Button size="xs" variant="outline" color="red" onClick={onRetry}>
              {c.retry}
            </Button>
          )}
        </Group>
      </Alert>
    );
  }
  return (
    <Text size="sm" c="var(--mantine-color-green-light-color)" role="status" fw={500}>
      {done ? `✓ ${doneText}` : ''}
    </Text>
  );
}

/** Ctrl+Enter submits the action's form from any of its fields, as on the call form. */
export function submitOnCtrlEnter(submit: () => void) {
  return (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      submit();
    }
  };
}
