import { Alert, Button, Group, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { codeLabels } from '../../i18n/codes.js';
import { common } from '../../i18n/common.js';
import { useLanguage, useTexts } from '../../i18n/i18n.js';
import { formatDateTime } from '../../shared/format.js';
import { placeByCode } from '../../shared/ubigeo.js';
import { referralTexts } from './texts.js';
import type { ReferralNotice } from './use-referral-notifications.js';

/**
 * The latest new or overdue referral, announced (role=alert) at the bottom right, below the header's controls and
 * out of their way, and under a drawer or dialog (Mantine's 200); its button opens the referral in the queue. Words say which it is, not only the colour.
 */
export function ReferralAlert({ notice, onClose }: { notice: ReferralNotice; onClose(): void }) {
  const t = useTexts(referralTexts);
  const c = useTexts(common);
  const codes = useTexts(codeLabels);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const overdue = notice.kind === 'overdue';
  const department = notice.department === 'unknown' ? c.unknown : (placeByCode(notice.department)?.name ?? notice.department);
  return (
    <Alert
      role="alert"
      aria-live="assertive"
      data-testid="referral-alert"
      data-notice-id={notice.referralId}
      color={overdue ? 'red.8' : 'blue'}
      variant="filled"
      withCloseButton
      closeButtonLabel={t.close}
      onClose={onClose}
      title={overdue ? t.alertOverdue : t.alertNew}
      style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 150, maxWidth: 420 }}
    >
      <Text size="sm">
        {t.alertBody(codes.destinations[notice.destination] ?? notice.destination, department, formatDateTime(notice.deadlineAt, language))}
      </Text>
      <Group mt="xs">
        <Button
          size="compact-sm"
          variant="white"
          color="dark"
          onClick={() => {
            onClose();
            void navigate(`/derivaciones?abrir=${notice.referralId}`);
          }}
        >
          {t.openInQueue}
        </Button>
      </Group>
    </Alert>
  );
}
