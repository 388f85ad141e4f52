import { Text, Timeline } from '@mantine/core';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { STATUS_ORDER } from './stages.js';
import { codeLabels } from '../../i18n/codes.js';
import { texts } from './texts.js';
import type { Prosecution } from './types.js';

/** The stages in legal order with their dates; an archive or dismissal shows as the end where it happened. */
export function StageTimeline({ prosecution }: { prosecution: Prosecution }) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const dates: Record<string, string | null | undefined> = {
    opened: prosecution.openedAt,
    preliminary: prosecution.preliminaryInvestigationAt,
    formalized: prosecution.formalizedAt,
    accused: prosecution.accusedAt,
  };
  const reached = STATUS_ORDER.filter((status) => dates[status]);
  const end =
    prosecution.status === 'archived'
      ? { name: k.stages.archive, at: prosecution.archivedAt, reason: prosecution.archiveReason }
      : prosecution.status === 'dismissed'
        ? { name: k.stages.dismissal, at: prosecution.dismissedAt, reason: prosecution.dismissalReason }
        : null;
  const steps = end ? reached : STATUS_ORDER;
  return (
    <Timeline active={reached.length - 1 + (end ? 1 : 0)} bulletSize={16} lineWidth={2} data-testid="stages">
      {steps.map((status) => (
        <Timeline.Item
          key={status}
          title={
            <Text fw={600} size="sm">
              {t.steps[status]}
            </Text>
          }
        >
          <Text size="sm" c={dates[status] ? undefined : 'dimmed'}>
            {dates[status] ? formatDateTime(dates[status], language) : t.pending}
          </Text>
        </Timeline.Item>
      ))}
      {end && (
        <Timeline.Item
          color="red"
          title={
            <Text fw={600} size="sm">
              {end.name}
            </Text>
          }
        >
          <Text size="sm">{formatDateTime(end.at, language)}</Text>
          {end.reason && (
            <Text size="sm" c="dimmed">
              {end.reason}
            </Text>
          )}
        </Timeline.Item>
      )}
    </Timeline>
  );
}
