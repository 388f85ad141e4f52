import { Alert, Divider, Drawer, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { can, useMe } from '../../auth/use-me.js';
import { useTexts } from '../../i18n/i18n.js';
import { newId } from '../../shared/ids.js';
import { PageState } from '../../shared/PageState.js';
import { registryNumberOf } from '../cases/register/draft.js';
import { RegisterCaseForm } from '../cases/register/RegisterCaseForm.js';
import { LinkCaseForm } from './LinkCaseForm.js';
import { ReferralSummary } from './ReferralSummary.js';
import { RejectForm } from './RejectForm.js';
import { referralTexts } from './texts.js';
import type { Outcome, PendingReferral } from './types.js';
import { useReferral } from './use-referrals.js';

interface Props {
  row: PendingReferral;
  onClose(): void;
  onDone(outcome: Outcome): void;
}

/**
 * Attending one referral: register a case from it (pre-filled), link it to an existing case, or reject it. Each
 * tab is offered when GET /me allows its endpoint. Escape closes; the draft of a case stays for the next time.
 */
export function ReferralDrawer({ row, onClose, onDone }: Props) {
  const t = useTexts(referralTexts);
  const me = useMe();
  const detail = useReferral(row.referralId);
  // One key per intended accept/reject while this drawer is open: a retry of the same action is the same command.
  const [acceptKey] = useState(newId);
  const [rejectKey] = useState(newId);
  const mayRegister = can(me.data, 'POST /api/v1/cases');
  const maySearch = can(me.data, 'GET /api/v1/cases');
  const mayAccept = can(me.data, 'POST /api/v1/referrals/{referralId}/accept');
  const mayReject = can(me.data, 'POST /api/v1/referrals/{referralId}/reject');
  const first = mayRegister ? 'register' : mayAccept ? 'link' : 'reject';
  const referral = detail.data;
  return (
    <Drawer opened onClose={onClose} position="right" size={960} title={t.drawerTitle} closeButtonProps={{ 'aria-label': t.close }}>
      {!referral ? (
        <PageState query={detail} />
      ) : (
        <Stack gap="md">
          <ReferralSummary row={row} detail={referral} />
          <Divider />
          {referral.status !== 'sent' ? (
            <Alert color="gray" role="status">
              {t.notPending}
            </Alert>
          ) : (
            <Tabs defaultValue={first} keepMounted={false}>
              <Tabs.List>
                {mayRegister && <Tabs.Tab value="register">{t.tabRegister}</Tabs.Tab>}
                {mayAccept && <Tabs.Tab value="link">{maySearch ? t.tabLink : t.tabAccept}</Tabs.Tab>}
                {mayReject && <Tabs.Tab value="reject">{t.tabReject}</Tabs.Tab>}
              </Tabs.List>
              {mayRegister && (
                <Tabs.Panel value="register" pt="md">
                  <RegisterCaseForm
                    draftName={`case-register:referral:${referral.referralId}`}
                    heading={false}
                    sourceLocked
                    prefill={{
                      source: referral.source.kind === 'hotline_call' ? 'hotline_referral' : 'other_institution',
                      referralId: referral.referralId,
                      ubigeo: referral.ubigeo ?? (row.department === 'unknown' ? null : row.department),
                      policeUnit: referral.unitName,
                    }}
                    onRegistered={(answer) =>
                      onDone({ kind: 'registered', caseId: answer.caseId, registryNumber: registryNumberOf(answer) })
                    }
                  />
                </Tabs.Panel>
              )}
              {mayAccept && (
                <Tabs.Panel value="link" pt="md">
                  <LinkCaseForm
                    referral={referral}
                    idempotencyKey={acceptKey}
                    withSearch={maySearch}
                    onAccepted={(_, caseId) => onDone(caseId ? { kind: 'linked', caseId } : { kind: 'accepted' })}
                  />
                </Tabs.Panel>
              )}
              {mayReject && (
                <Tabs.Panel value="reject" pt="md">
                  <RejectForm referral={referral} idempotencyKey={rejectKey} onRejected={() => onDone({ kind: 'rejected' })} />
                </Tabs.Panel>
              )}
            </Tabs>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
