import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { can, useMe } from '../../auth/use-me.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDate } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { placeLabel } from '../../shared/ubigeo.js';
import { codeLabels, label } from '../../i18n/codes.js';
import { texts } from './texts.js';
import { useCaseList, useProsecution } from './use-justice.js';

/**
 * /justicia — the entry for prosecutors and judges: cases the police sent to the prosecutor (GET /cases?status=
 * referred; closed ones may have gone on to trial too), linking to each prosecution. No personal field is listed.
 */
export default function JusticePage() {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const me = useMe();
  const [status, setStatus] = useState<'referred' | 'closed'>('referred');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1];
  const list = useCaseList(status, cursor);
  const items = list.data?.items ?? [];
  const mayOpenCase = can(me.data, 'GET /api/v1/cases/{caseId}');
  const mayReadProsecution = can(me.data, 'GET /api/v1/prosecutions/{prosecutionId}');
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t.listTitle}</Title>
        <Text size="sm" c="dimmed">
          {t.listIntro}
        </Text>
      </div>
      <Group>
        <Text size="sm" fw={500} id="status-filter">
          {t.status}
        </Text>
        <SegmentedControl
          aria-labelledby="status-filter"
          value={status}
          onChange={(value) => {
            setStatus(value === 'closed' ? 'closed' : 'referred');
            setCursors([null]);
          }}
          data={[
            { value: 'referred', label: t.referred },
            { value: 'closed', label: t.closed },
          ]}
        />
      </Group>
      <Paper withBorder p="md">
        {!list.data ? (
          <PageState query={list} />
        ) : items.length === 0 ? (
          <PageState empty />
        ) : (
          <Table striped highlightOnHover data-testid="justice-cases" aria-label={t.listTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.registeredAt}</Table.Th>
                <Table.Th>{t.policeUnit}</Table.Th>
                <Table.Th>{t.place}</Table.Th>
                <Table.Th>{t.purposes}</Table.Th>
                <Table.Th>{t.people}</Table.Th>
                <Table.Th>{t.open}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.caseId}>
                  <Table.Td>{formatDate(item.registeredAt, language)}</Table.Td>
                  <Table.Td>{item.policeUnit}</Table.Td>
                  <Table.Td>{placeLabel(item.ubigeo)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.purposes.map((p) => (
                        <Badge key={p} color="grape" size="sm">
                          {label(k.purposes, p)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {item.victims} / {item.suspects}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      {item.prosecutionId && (
                        <Anchor component={Link} to={`/fiscalia/${item.prosecutionId}`} size="sm">
                          {t.prosecutionLink}
                        </Anchor>
                      )}
                      {item.prosecutionId && mayReadProsecution && <TrialLink prosecutionId={item.prosecutionId} />}
                      {mayOpenCase && (
                        <Anchor component={Link} to={`/casos/${item.caseId}`} size="sm">
                          {t.caseLink}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.data?.nextCursor && (
          <Group justify="center" mt="sm">
            <Button variant="default" onClick={() => setCursors([...cursors, list.data!.nextCursor])}>
              {t.more}
            </Button>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

/** The trial that judges a prosecution, named by GET /prosecutions/{id} (`trialId`); nothing while there is none. */
function TrialLink({ prosecutionId }: { prosecutionId: string }) {
  const t = useTexts(texts);
  const trialId = useProsecution(prosecutionId).data?.trialId;
  return trialId ? (
    <Anchor component={Link} to={`/juicios/${trialId}`} size="sm">
      {t.trialLink}
    </Anchor>
  ) : null;
}
