import { Alert, Anchor, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/use-me.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { PageState } from '../../shared/PageState.js';
import { minPosition } from '../../shared/read-your-writes.js';
import { QueueFiltersBar } from './QueueFiltersBar.js';
import { ReferralDrawer } from './ReferralDrawer.js';
import { ReferralQueue } from './ReferralQueue.js';
import { referralTexts } from './texts.js';
import type { Outcome, PendingReferral, QueueFilters } from './types.js';
import { usePendingReferrals } from './use-referrals.js';
import { RegistryNumber } from '../cases/register/RegistryNumber.js';

/**
 * /derivaciones: the queue of pending referrals of the user's departments and institution, oldest first, refreshed
 * by itself. Enter on a row opens what can be done with it; what was done is said here, with a link to the case.
 */
export default function ReferralsPage() {
  const me = useMe();
  if (!me.data) return <PageState query={me} />;
  return <Queue />;
}

/** Opens on every destination: the API already lists only those addressed to the user's institution. */
function Queue() {
  const t = useTexts(referralTexts);
  const { language } = useLanguage();
  const [filters, setFilters] = useState<QueueFilters>({ destination: null, department: null, olderThanHours: '' });
  const [position, setPosition] = useState(minPosition);
  const [open, setOpen] = useState<PendingReferral | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'pending' | 'accepted'>('pending');
  const queue = usePendingReferrals(filters, position, status);
  // ?abrir=<id>: the alert's "open in the queue" opens that referral's actions as soon as its row is listed.
  const [params, setParams] = useSearchParams();
  const wanted = params.get('abrir');
  useEffect(() => {
    if (!wanted) return;
    if (status !== 'pending') setStatus('pending');
    const row = queue.data?.referrals.find((r) => r.referralId === wanted);
    if (!row) return;
    setOutcome(null);
    setOpen(row);
    setParams({}, { replace: true });
  }, [wanted, queue.data, status, setParams]);

  // The confirmation takes the focus: the row the user came from is gone from the queue.
  useEffect(() => {
    if (outcome) confirmation.current?.focus();
  }, [outcome]);

  const done = (result: Outcome) => {
    setOpen(null);
    setOutcome(result);
    setPosition(minPosition()); // read-your-writes: the next queue waits for this write
  };
  const referrals = queue.data?.referrals ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{status === 'accepted' ? t.acceptedTitle : t.title}</Title>
        <Text size="sm" c="dimmed">
          {status === 'accepted' ? t.acceptedIntro : t.intro}
        </Text>
      </div>
      <SegmentedControl
        aria-label={t.queueKind}
        value={status}
        onChange={(value) => setStatus(value === 'accepted' ? 'accepted' : 'pending')}
        data={[
          { value: 'pending', label: t.tabPending },
          { value: 'accepted', label: t.tabAccepted },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {outcome && <Confirmation outcome={outcome} innerRef={confirmation} onClose={() => setOutcome(null)} />}
      <QueueFiltersBar filters={filters} onChange={setFilters} />
      {queue.data && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {queue.isFetching
            ? t.refreshing
            : t.refreshed(formatDateTime(new Date(queue.dataUpdatedAt).toISOString(), language), queue.data.asOf.globalPosition)}
        </Text>
      )}
      {!queue.data ? (
        <PageState query={queue} />
      ) : referrals.length === 0 ? (
        <>
          {queue.isError && <PageState query={queue} />}
          <PageState empty emptyText={status === 'accepted' ? t.acceptedEmpty : t.empty} />
        </>
      ) : (
        <>
          {queue.isError && <PageState query={queue} />}
          <ReferralQueue
            referrals={referrals}
            queue={status}
            onAttend={(referral) => {
              setOutcome(null);
              setOpen(referral);
            }}
          />
        </>
      )}
      {open && <ReferralDrawer key={open.referralId} row={open} onClose={() => setOpen(null)} onDone={done} />}
    </Stack>
  );
}

function Confirmation({ outcome, innerRef, onClose }: { outcome: Outcome; innerRef: React.Ref<HTMLDivElement>; onClose(): void }) {
  const t = useTexts(referralTexts);
  const title = { registered: t.doneRegistered, linked: t.doneLinked, accepted: t.doneAccepted, rejected: t.doneRejected }[outcome.kind];
  return (
    <Alert
      ref={innerRef}
      tabIndex={-1}
      color="green"
      role="status"
      withCloseButton
      closeButtonLabel={t.close}
      onClose={onClose}
      title={
        <Text fw={700} size="sm" c="dark.7">
          {title}
        </Text>
      }
      data-testid="referral-outcome"
    >
      {outcome.kind === 'registered' && <RegistryNumber value={outcome.registryNumber} />}
      {'caseId' in outcome && (
        <Group gap="xs">
          <Anchor component={Link} to={`/casos/${outcome.caseId}`}>
            {t.openCase}
          </Anchor>
        </Group>
      )}
    </Alert>
  );
}
