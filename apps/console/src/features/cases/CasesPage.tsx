import { Alert, Anchor, Button, Drawer, Group, Kbd, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { can, useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { PageState } from '../../shared/PageState.js';
import { minPosition } from '../../shared/read-your-writes.js';
import { registryNumberOf, type CaseRegistered } from './register/draft.js';
import { RegisterCaseForm } from './register/RegisterCaseForm.js';
import { RegistryNumber } from './register/RegistryNumber.js';
import { CaseSearch } from './search/CaseSearch.js';
import { DocumentSearch } from './search/DocumentSearch.js';
import { searchTexts } from './search/texts.js';
import type { CaseRow } from './search/types.js';

/**
 * /casos: find a case by non-personal filters (or, for the roles the API allows, by a victim's document with a stated
 * purpose) and open it; police register walk-in denunciations here.
 */
export default function CasesPage() {
  const t = useTexts(searchTexts);
  const me = useMe();
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<CaseRegistered | null>(null);
  const [position, setPosition] = useState(minPosition);
  const mayRegister = can(me.data, 'POST /api/v1/cases');
  useHotkeys([
    [
      'alt+N',
      () => {
        if (mayRegister) setRegistering(true);
      },
    ],
  ]);
  if (!me.data) return <PageState query={me} />;

  const open = (row: CaseRow) => navigate(`/casos/${row.caseId}`);
  const onRegistered = (answer: CaseRegistered) => {
    setRegistering(false);
    setRegistered(answer);
    setPosition(minPosition());
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t.title}</Title>
          <Text size="sm" c="dimmed">
            {t.intro}
          </Text>
        </div>
        {mayRegister && (
          <Group gap="xs">
            <Text size="xs" aria-hidden="true">
              <Kbd>Alt</Kbd> + <Kbd>N</Kbd>
            </Text>
            <Button onClick={() => setRegistering(true)} aria-keyshortcuts="Alt+N">
              {t.newCase}
            </Button>
          </Group>
        )}
      </Group>
      {registered && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          onClose={() => setRegistered(null)}
          title={
            <Text fw={700} size="sm" c="dark.7">
              {t.registered}
            </Text>
          }
        >
          <RegistryNumber value={registryNumberOf(registered)} />
          <Anchor component={Link} to={`/casos/${registered.caseId}`}>
            {t.openCase}
          </Anchor>
        </Alert>
      )}
      {me.data.personalData.documentSearch && can(me.data, 'POST /api/v1/cases/search') ? (
        <Tabs defaultValue="filters" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="filters">{t.filters}</Tabs.Tab>
            <Tabs.Tab value="document">{t.documentTitle}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="filters" pt="md">
            <CaseSearch onChoose={open} actionLabel={t.open} position={position} />
          </Tabs.Panel>
          <Tabs.Panel value="document" pt="md">
            <DocumentSearch onChoose={open} actionLabel={t.open} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <CaseSearch onChoose={open} actionLabel={t.open} position={position} />
      )}
      <Drawer
        opened={registering}
        onClose={() => setRegistering(false)}
        position="right"
        size="xl"
        title={t.newCase}
        closeButtonProps={{ 'aria-label': t.close }}
      >
        <RegisterCaseForm
          draftName="case-register:walk-in"
          heading={false}
          prefill={{ source: 'walk_in' }}
          onRegistered={onRegistered}
          onCancel={() => setRegistering(false)}
        />
      </Drawer>
    </Stack>
  );
}
