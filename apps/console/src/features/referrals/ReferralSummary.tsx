import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { placeLabel } from '../../shared/ubigeo.js';
import { codeLabels } from '../../i18n/codes.js';
import { referralTexts } from './texts.js';
import type { PendingReferral, ReferralDetail } from './types.js';
import { WaitingBadge } from './WaitingBadge.js';

/** What the referral says (no personal data: the call's summary stays behind its own audited read). */
export function ReferralSummary({ row, detail }: { row: PendingReferral; detail: ReferralDetail }) {
  const t = useTexts(referralTexts);
  const codes = useTexts(codeLabels);
  const { language } = useLanguage();
  const item = (label: string, value: React.ReactNode) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Stack>
  );
  return (
    <SimpleGrid cols={3} spacing="sm" component="section" aria-label={t.details}>
      {item(t.waiting, <WaitingBadge row={row} />)}
      {item(t.sentAt, formatDateTime(detail.referredAt, language))}
      {item(t.from, codes.sourceKinds[detail.source.kind] ?? detail.source.kind)}
      {item(t.destination, codes.destinations[detail.to] ?? detail.to)}
      {item(
        t.place,
        detail.ubigeo ? placeLabel(detail.ubigeo) : placeLabel(row.department === 'unknown' ? null : row.department) || t.none,
      )}
      {item(t.unit, detail.unitName ?? t.none)}
    </SimpleGrid>
  );
}
