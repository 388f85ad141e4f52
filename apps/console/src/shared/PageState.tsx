import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { ApiError, NetworkError } from '../api/errors.js';
import { common } from '../i18n/common.js';
import { useTexts } from '../i18n/i18n.js';

interface QueryLike {
  isPending?: boolean;
  isError?: boolean;
  error?: unknown;
  refetch?: () => unknown;
}

interface Props {
  query?: QueryLike;
  loading?: boolean;
  empty?: boolean;
  emptyText?: string;
  error?: unknown;
}

/**
 * The loading, empty and error states every screen shares: what is happening, in the user's language, and a way
 * out (retry). The API's own message is shown as it came, already in the requested language.
 */
export function PageState({ query, loading, empty, emptyText, error }: Props) {
  const t = useTexts(common);
  const failure = error ?? (query?.isError ? query.error : undefined);
  if (failure) {
    return (
      <Alert color="red" title={t.error} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{errorMessage(failure, t.networkError)}</Text>
          {query?.refetch && (
            <Button size="xs" variant="outline" color="red" onClick={() => query.refetch?.()}>
              {t.retry}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  if (loading || query?.isPending) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader size="sm" aria-hidden="true" />
        <Text ml="sm" size="sm">
          {t.loading}
        </Text>
      </Center>
    );
  }
  if (empty)
    return (
      <Text c="dimmed" py="lg" ta="center">
        {emptyText ?? t.empty}
      </Text>
    );
  return null;
}

export function errorMessage(error: unknown, offline: string): string {
  if (error instanceof NetworkError) return offline;
  if (error instanceof ApiError) {
    const fields = error.fields.map((problem) => `${problem.field}: ${problem.reason}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
