import { Badge, Group, Text, Timeline } from '@mantine/core';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageState } from '../../../shared/PageState.js';
import { codeLabels, label } from '../../../i18n/codes.js';
import { fill, texts } from './texts.js';
import type { CaseTimeline } from './types.js';

interface Props {
  query: { data?: CaseTimeline; isPending: boolean; isError: boolean; error: unknown; refetch(): unknown };
}

/**
 * Every milestone across institutions, oldest first, with the delays Meta 13 is about: days since the previous
 * milestone and since first contact (calendar days in Lima, computed by the API).
 */
export function CaseTimelineView({ query }: Props) {
  const t = useTexts(texts);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const milestones = query.data?.milestones ?? [];
  if (!query.data) return <PageState query={query} />;
  if (milestones.length === 0) return <PageState empty emptyText={t.timelineEmpty} />;
  return (
    <Timeline active={milestones.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
      {milestones.map((m, index) => (
        <Timeline.Item
          key={`${m.stream}-${m.milestone}-${index}`}
          title={
            <Text fw={600} size="sm">
              {language === 'es' ? m.label : m.labelEn}
            </Text>
          }
        >
          <Group gap={6} wrap="wrap">
            <Badge variant="outline" color="gray" size="sm">
              {label(k.institutions, m.institution)}
            </Badge>
            <Text size="sm">{formatDateTime(m.occurredAt, language)}</Text>
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {index > 0 && `${fill(t.daysSincePrevious, { n: m.daysSincePrevious })} · `}
            {fill(t.daysSinceFirst, { n: m.daysSinceFirstContact })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
