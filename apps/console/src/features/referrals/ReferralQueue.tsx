import { Badge, Button, Group, Kbd, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { placeByCode } from '../../shared/ubigeo.js';
import { common } from '../../i18n/common.js';
import { codeLabels } from '../../i18n/codes.js';
import { rowKeys } from '../cases/search/row-keys.js';
import classes from './queue.module.css';
import { referralTexts } from './texts.js';
import type { PendingReferral } from './types.js';
import { WaitingBadge } from './WaitingBadge.js';

interface Props {
  referrals: PendingReferral[];
  /** `accepted`: the referrals accepted and not completed, with when and whether the answer was on time. */
  queue: 'pending' | 'accepted';
  onAttend(referral: PendingReferral): void;
}

/** The queue as the API orders it (overdue first, then by deadline): its deadline, how long it waited, from where, to whom. */
export function ReferralQueue({ referrals, queue, onAttend }: Props) {
  const t = useTexts(referralTexts);
  const c = useTexts(common);
  const codes = useTexts(codeLabels);
  const { language } = useLanguage();
  // Only pending referrals are attended here; the accepted ones are followed up in their case.
  const attending = queue === 'pending';
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
        <Table.Caption>{queue === 'accepted' ? t.acceptedCount(referrals.length) : t.count(referrals.length)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{queue === 'accepted' ? t.answer : t.waiting}</Table.Th>
            <Table.Th>{t.deadline}</Table.Th>
            <Table.Th>{queue === 'accepted' ? t.acceptedAt : t.sentAt}</Table.Th>
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
            return (
              <Table.Tr
                key={referral.referralId}
                data-referral-id={referral.referralId}
                className={`${classes.row} ${referral.overdue ? classes.danger : ''}`}
                {...(attending ? { tabIndex: 0, onKeyDown: rowKeys(() => onAttend(referral)), onClick: () => onAttend(referral) } : {})}
              >
                <Table.Td>
                  {queue === 'accepted' ? (
                    <Badge
                      color={referral.answeredLate ? 'red.8' : 'gray'}
                      variant={referral.answeredLate ? 'filled' : 'outline'}
                      c={referral.answeredLate ? undefined : 'dark.6'}
                    >
                      {referral.answeredLate ? t.answeredLate : t.answeredOnTime}
                    </Badge>
                  ) : (
                    <WaitingBadge row={referral} />
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(referral.deadlineAt, language)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(queue === 'accepted' ? (referral.acceptedAt ?? referral.referredAt) : referral.referredAt, language)}
                </Table.Td>
                <Table.Td>{codes.destinations[referral.destination] ?? referral.destination}</Table.Td>
                <Table.Td>{department(referral.department)}</Table.Td>
                <Table.Td>{codes.sourceKinds[referral.sourceKind] ?? referral.sourceKind}</Table.Td>
                <Table.Td>
                  {/* The row is the keyboard stop (Enter); this button is for the mouse, not a second Tab stop. */}
                  {attending && (
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
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
