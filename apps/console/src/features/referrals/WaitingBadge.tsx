import { Badge, Group, Text } from '@mantine/core';
import { useTexts } from '../../i18n/i18n.js';
import { referralTexts } from './texts.js';
import type { PendingReferral } from './types.js';

/**
 * Hours waiting, and whether the referral is past its deadline (the API's `overdue`: the deadline recorded on the
 * referral), in words as well as colour (WCAG 1.4.1): "Vencida" white on red 8 (5.6:1), "En plazo" dark text on
 * light gray, both above 4.5:1.
 */
export function WaitingBadge({ row }: { row: Pick<PendingReferral, 'hoursWaiting' | 'overdue'> }) {
  const t = useTexts(referralTexts);
  return (
    <Group gap={6} wrap="nowrap">
      <Text fw={700} size="sm" style={{ minWidth: 48, textAlign: 'right' }}>
        {t.hours(row.hoursWaiting)}
      </Text>
      {row.overdue ? (
        <Badge color="red.8" variant="filled" data-testid="overdue-badge">
          {t.overdue}
        </Badge>
      ) : (
        <Badge color="gray" variant="outline" c="dark.6">
          {t.onTime}
        </Badge>
      )}
    </Group>
  );
}
