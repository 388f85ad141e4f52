import { Badge, Group, Text } from '@mantine/core';
import { useTexts } from '../../i18n/i18n.js';
import { referralTexts } from './texts.js';

export type Urgency = 'danger' | 'warning' | 'ok';

/** The queue's deadlines: past 24 h a referral is late, past 72 h overdue (the hotline protocol's follow-up points). */
export function urgencyOf(hours: number): Urgency {
  return hours >= 72 ? 'danger' : hours >= 24 ? 'warning' : 'ok';
}

/**
 * Hours waiting, with the urgency in words as well as colour (WCAG 1.4.1). Danger is white on red 8 (5.6:1), late is
 * black on yellow 4 (autoContrast), on time is dark text on light gray: all above 4.5:1.
 */
export function WaitingBadge({ hours }: { hours: number }) {
  const t = useTexts(referralTexts);
  const urgency = urgencyOf(hours);
  const label = urgency === 'danger' ? t.overdue72 : urgency === 'warning' ? t.overdue24 : t.onTime;
  return (
    <Group gap={6} wrap="nowrap">
      <Text fw={700} size="sm" style={{ minWidth: 48, textAlign: 'right' }}>
        {t.hours(hours)}
      </Text>
      {urgency === 'danger' && (
        <Badge color="red.8" variant="filled">
          {label}
        </Badge>
      )}
      {urgency === 'warning' && (
        <Badge color="yellow.4" variant="filled" autoContrast>
          {label}
        </Badge>
      )}
      {urgency === 'ok' && (
        <Badge color="gray" variant="outline" c="dark.6">
          {label}
        </Badge>
      )}
    </Group>
  );
}
