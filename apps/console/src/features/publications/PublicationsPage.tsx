import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { unwrap } from '../../api/errors.js';
import { can, useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { PublicationsTable } from './PublicationsTable.js';
import { PublishForm } from './PublishForm.js';
import { RevisionsModal } from './RevisionsModal.js';
import { RevisionTrianglePanel } from './RevisionTrianglePanel.js';
import { texts } from './texts.js';
import type { Publication } from './types.js';

/** Frozen reports (analysts publish, auditors check): the list, publishing, revisions and the exact bytes. */
export default function PublicationsPage() {
  const t = useTexts(texts);
  const me = useMe();
  const [open, setOpen] = useState<Publication | null>(null);
  const list = useQuery({
    queryKey: ['publications'],
    queryFn: () => unwrap(api.GET('/api/v1/publications')),
  });
  const publications = list.data?.publications ?? [];
  return (
    <Stack gap="md" maw={1280}>
      <Title order={1} size="h2">
        {t.title}
      </Title>
      <Text size="sm">{t.intro}</Text>
      {can(me.data, 'POST /api/v1/publications') && <PublishForm />}
      <Paper withBorder p="md" component="section" aria-labelledby="publications-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="publications-title">
            {t.listTitle}
          </Title>
          {list.data && publications.length > 0 ? (
            <PublicationsTable publications={publications} onRevisions={setOpen} />
          ) : (
            <PageState query={list} empty={list.isSuccess} emptyText={t.empty} />
          )}
        </Stack>
      </Paper>
      {can(me.data, 'GET /api/v1/statistics/revision-triangle') && <RevisionTrianglePanel scope={me.data?.departments ?? []} />}
      {open && <RevisionsModal publication={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
