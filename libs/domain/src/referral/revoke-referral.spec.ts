import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { accepted, decider, OTHER_REFERRAL_ID, REFERRAL_ID, revoke, revoked, sent, STREAMS } from './referral.fixtures.js';

const revokedWith = (data: Partial<typeof revoked.data>) => ({ ...revoked, data: { ...revoked.data, ...data } });

describe('RevokeReferral', () => {
  it('revokes a sent referral with its reason, the time in UTC', () => {
    given(decider, [sent])
      .when(revoke({ referralId: REFERRAL_ID.toUpperCase() }))
      .then([revoked]);
  });

  it('revokes an accepted referral', () => {
    given(decider, [sent, accepted]).when(revoke()).then([revoked]);
  });

  it('leaves a revoked referral without acceptance when it was only sent', () => {
    given(decider, [sent])
      .when(revoke())
      .thenState({ status: 'revoked', ...sent.data, acceptedAt: null, linkedCaseId: null, ...revoked.data });
  });

  it('keeps the acceptance of a referral revoked after it', () => {
    given(decider, [sent, accepted])
      .when(revoke())
      .thenState({ status: 'revoked', ...sent.data, ...accepted.data, ...revoked.data });
  });

  it('accepts a revocation at the moment of sending with a reason of exactly 500 characters', () => {
    const reason = 'x'.repeat(500);
    given(decider, [sent])
      .when(revoke({ revokedAt: '2026-03-01T15:16:00Z', reason }))
      .then([revokedWith({ revokedAt: '2026-03-01T15:16:00.000Z', reason })]);
  });

  it('refuses to revoke an accepted referral before its acceptance', () => {
    given(decider, [sent, accepted])
      .when(revoke({ revokedAt: '2026-03-01T15:16:30Z' }))
      .thenFieldErrors(['revokedAt']);
    given(decider, [sent])
      .when(revoke({ revokedAt: '2026-03-01T15:16:30Z' }))
      .then([revokedWith({ revokedAt: '2026-03-01T15:16:30.000Z' })]);
  });

  it.each([
    ['revokedAt', { revokedAt: '2026-03-01T15:15:59Z' }],
    ['revokedAt', { revokedAt: '2026-03-01T15:25:01Z' }],
    ['revokedAt', { revokedAt: 'mañana' }],
    ['reason', { reason: '' }],
    ['reason', { reason: undefined }],
    ['reason', { reason: 'x'.repeat(501) }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [sent]).when(revoke(data)).thenFieldErrors([field]);
  });

  it('lists every field problem at once', () => {
    given(decider, [sent])
      .when(revoke({ revokedAt: 1, reason: 2 }))
      .thenFieldErrors(['revokedAt', 'reason']);
  });

  it('refuses a referral that was never sent, or another one', () => {
    given(decider, []).when(revoke()).thenThrows(NotFound, 'referral_not_found');
    given(decider, [sent])
      .when(revoke({ referralId: OTHER_REFERRAL_ID }))
      .thenThrows(NotFound, 'referral_not_found');
  });

  it.each(['rejected', 'completed', 'revoked'] as const)('refuses a %s referral', (status) => {
    given(decider, STREAMS[status]).when(revoke()).thenThrows(NotAllowed, 'referral_closed');
  });
});
