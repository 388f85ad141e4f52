import { Button, Group, Kbd, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { fieldErrors, unwrap } from '../../api/errors.js';
import { useTexts } from '../../i18n/i18n.js';
import { newId } from '../../shared/ids.js';
import { PageState } from '../../shared/PageState.js';
import { rememberPosition } from '../../shared/read-your-writes.js';
import { DEPARTMENTS } from '../../shared/ubigeo.js';
import { texts } from './texts.js';

type Kind = 'monthly' | 'inei-annual';

/**
 * Publish (freeze) a report. The publication id is made here once per intended publication and kept until it
 * succeeds, so a retry after a lost answer returns the same publication instead of a second one.
 */
export function PublishForm() {
  const t = useTexts(texts);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('monthly');
  const [period, setPeriod] = useState('');
  const [department, setDepartment] = useState('');
  const [publicationId, setPublicationId] = useState(newId);
  const publish = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/publications', {
          body: { publicationId, kind, period: period.trim(), ...(kind === 'monthly' && department ? { department } : {}) },
        }),
      ),
    onSuccess: (answer) => {
      rememberPosition(answer);
      notifications.show({ color: 'teal', message: answer?.replayed ? t.replayed : t.published(answer?.period ?? period) });
      setPublicationId(newId());
      void queryClient.invalidateQueries({ queryKey: ['publications'] });
    },
  });
  const problems = fieldErrors(publish.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!publish.isPending) publish.mutate();
  };
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      // Different content is a different publication: a new id, or the API would refuse it as a conflict.
      setPublicationId(newId());
    };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publish-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="publish-title">
            {t.publishTitle}
          </Title>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select
              label={t.kind}
              w={240}
              value={kind}
              allowDeselect={false}
              error={problems.kind}
              data={[
                { value: 'monthly', label: t.monthly },
                { value: 'inei-annual', label: t.annual },
              ]}
              onChange={(v) => change(setKind)((v ?? 'monthly') as Kind)}
            />
            <TextInput
              label={t.period}
              description={t.periodHint}
              w={260}
              value={period}
              required
              error={problems.period}
              onChange={(e) => change(setPeriod)(e.currentTarget.value)}
            />
            {kind === 'monthly' && (
              <Select
                label={t.department}
                w={220}
                value={department}
                searchable
                allowDeselect={false}
                error={problems.department}
                data={[{ value: '', label: t.allPeru }, ...DEPARTMENTS.map((d) => ({ value: d.code, label: d.name }))]}
                onChange={(v) => change(setDepartment)(v ?? '')}
              />
            )}
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={publish.isPending}>
              {t.publish}
            </Button>
            <Text size="sm" c="dimmed">
              <Kbd>Enter</Kbd> {t.publishHint}
            </Text>
          </Group>
          {publish.isError && Object.keys(problems).length === 0 && <PageState error={publish.error} />}
        </Stack>
      </form>
    </Paper>
  );
}
