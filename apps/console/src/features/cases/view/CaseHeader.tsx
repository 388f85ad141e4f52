import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { placeLabel } from '../../../shared/ubigeo.js';
import { codeLabels, label } from '../../../i18n/codes.js';
import { correctionTexts } from './correction-texts.js';
import { QualificationView } from './QualificationView.js';
import { fill, texts } from './texts.js';
import type { SafeCase } from './use-case.js';

const STATUS_COLOR: Record<string, string> = { open: 'blue', referred: 'violet', closed: 'gray' };

/** Who registered the case, where, why, its state and its links to the other institutions' records. */
export function CaseHeader({ view, trialIds }: { view: SafeCase; trialIds: string[] }) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const r = useTexts(correctionTexts);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2}>
              {t.title}{' '}
              {view.registryNumber && (
                <Text span inherit ff="monospace" data-testid="registry-number" aria-label={`${r.registryNumber} ${view.registryNumber}`}>
                  {view.registryNumber}
                </Text>
              )}{' '}
              · {view.policeUnit}
            </Title>
            <Text size="sm" c="dimmed" ff="monospace">
              {view.caseId}
            </Text>
          </div>
          <Badge size="lg" color={STATUS_COLOR[view.status] ?? 'gray'} data-testid="case-status">
            {label(k.caseStatuses, view.status)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Field name={t.place} value={placeLabel(view.ubigeo)} />
          <Field name={t.source} value={label(k.sources, view.source)} />
          <Field name={t.registeredAt} value={formatDateTime(view.registeredAt, language)} />
          <Field name={t.occurredAt} value={view.occurredAt ? formatDate(view.occurredAt, language) : '—'} />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={600}>
            {t.purposes}
          </Text>
          <Group gap={6} mt={4}>
            {view.purposes.length === 0 && <Text size="sm">—</Text>}
            {view.purposes.map((purpose) => (
              <Badge key={purpose} color="grape" variant="light">
                {label(k.purposes, purpose)}
              </Badge>
            ))}
          </Group>
        </div>
        <QualificationView view={view} />
        <Group gap="lg">
          <Text size="sm" fw={600}>
            {t.links}:
          </Text>
          {view.referralId && (
            <Text size="sm">
              {t.referral}{' '}
              <Text span ff="monospace" size="sm">
                {view.referralId.slice(0, 8)}
              </Text>
            </Text>
          )}
          {view.prosecutionIds.map((id) => (
            <Anchor key={id} component={Link} to={`/fiscalia/${id}`} size="sm">
              {t.prosecution} {id.slice(0, 8)}
            </Anchor>
          ))}
          {trialIds.map((id) => (
            <Anchor key={id} component={Link} to={`/juicios/${id}`} size="sm">
              {t.trial} {id.slice(0, 8)}
            </Anchor>
          ))}
          {!view.referralId && view.prosecutionIds.length === 0 && trialIds.length === 0 && <Text size="sm">—</Text>}
        </Group>
        {view.status === 'closed' && (
          <Text size="sm">{fill(t.closedBecause, { date: formatDateTime(view.closedAt, language), reason: view.reason ?? '' })}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function Field({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
