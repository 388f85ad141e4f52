import { Button, Group, Kbd, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { placeByCode } from '../../shared/ubigeo.js';
import { common } from '../../i18n/common.js';
import { codeLabels } from '../../i18n/codes.js';
import { rowKeys } from '../cases/search/row-keys.js';
import classes from './queue.module.css';
import { referralTexts } from './texts.js';
import type { PendingReferral } from './types.js';
import { urgencyOf, WaitingBadge } from './WaitingBadge.js';

interface Props {
  referrals: PendingReferral[];
  onAttend(referral: PendingReferral): void;
}

/** The queue as the API orders it (oldest first): how long each referral has waited, from where, to whom. */
export function ReferralQueue({ referrals, onAttend }: Props) {
  const t = useTexts(referralTexts);
  const c = useTexts(common);
  const codes = useTexts(codeLabels);
  const { language } = useLanguage();
  const department = (code: string) => (code === 'unknown' ? c.unknown : `${placeByCode(code)?.name ?? code} (${code})`);
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {t.keysHint}
        </Text>
        <Text size="xs" aria-hidden="true">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> <Kbd>Enter</Kbd>
        </Text>
      </Group>
      <Table verticalSpacing={6} data-testid="referral-queue">
        <Table.Caption>{t.count(referrals.length)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.waiting}</Table.Th>
            <Table.Th>{t.sentAt}</Table.Th>
            <Table.Th>{t.destination}</Table.Th>
            <Table.Th>{t.department}</Table.Th>
            <Table.Th>{t.from}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t.attend}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((referral) => {
            const urgency = urgencyOf(referral.hoursWaiting);
            return (
              <Table.Tr
                key={referral.referralId}
                tabIndex={0}
                data-referral-id={referral.referralId}
                className={`${classes.row} ${urgency === 'ok' ? '' : classes[urgency]}`}
                onKeyDown={rowKeys(() => onAttend(referral))}
                onClick={() => onAttend(referral)}
              >
                <Table.Td>
                  <WaitingBadge hours={referral.hoursWaiting} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(referral.referredAt, language)}</Table.Td>
                <Table.Td>{codes.destinations[referral.destination] ?? referral.destination}</Table.Td>
                <Table.Td>{department(referral.department)}</Table.Td>
                <Table.Td>{codes.sourceKinds[referral.sourceKind] ?? referral.sourceKind}</Table.Td>
                <Table.Td>
                  {/* The row is the keyboard stop (Enter); this button is for the mouse, not a second Tab stop. */}
                  <Button
                    size="compact-sm"
                    tabIndex={-1}
                    onClick={(e) => {
                      e.stopPropagation();
                      onAttend(referral);
                    }}
                  >
                    {t.attend}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
