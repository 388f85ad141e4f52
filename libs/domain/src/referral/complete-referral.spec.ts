import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { accepted, complete, completed, decider, OTHER_REFERRAL_ID, REFERRAL_ID, sent, STREAMS } from './referral.fixtures.js';

const completedWith = (data: Partial<typeof completed.data>) => ({ ...completed, data: { ...completed.data, ...data } });

describe('CompleteReferral', () => {
  it('completes an accepted referral successfully, the time in UTC', () => {
    given(decider, [sent, accepted])
      .when(complete({ referralId: REFERRAL_ID.toUpperCase() }))
      .then([completed]);
  });

  it('records an absent reason of a successful referral as null', () => {
    given(decider, [sent, accepted])
      .when(complete({ reason: undefined }))
      .then([completedWith({ reason: null })]);
    given(decider, [sent, accepted])
      .when(complete({ reason: null }))
      .then([completedWith({ reason: null })]);
  });

  it('completes unsuccessfully with a reason', () => {
    given(decider, [sent, accepted])
      .when(complete({ successful: false, reason: 'unreachable' }))
      .then([completedWith({ successful: false, reason: 'unreachable' })]);
  });

  it('leaves a completed referral that keeps the sending and acceptance facts', () => {
    given(decider, [sent, accepted])
      .when(complete())
      .thenState({ status: 'completed', ...sent.data, ...accepted.data, ...completed.data });
  });

  it('accepts a completion at the moment of acceptance', () => {
    given(decider, [sent, accepted])
      .when(complete({ completedAt: '2026-03-01T15:17:00Z' }))
      .then([completedWith({ completedAt: '2026-03-01T15:17:00.000Z' })]);
  });

  it.each([
    ['completedAt', { completedAt: '2026-03-01T15:16:59Z' }],
    ['completedAt', { completedAt: '2026-03-01T15:25:01Z' }],
    ['completedAt', { completedAt: '2026-03-01T10:18:00' }],
    ['successful', { successful: 'yes' }],
    ['successful', { successful: undefined }],
    ['reason', { successful: false, reason: undefined }],
    ['reason', { successful: false, reason: null }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [sent, accepted]).when(complete(data)).thenFieldErrors([field]);
  });

  it('does not demand a reason when success itself is invalid', () => {
    given(decider, [sent, accepted])
      .when(complete({ successful: 0, reason: null }))
      .thenFieldErrors(['successful']);
  });

  it('lists every field problem at once', () => {
    given(decider, [sent, accepted])
      .when(complete({ completedAt: 'ayer', successful: null }))
      .thenFieldErrors(['completedAt', 'successful']);
  });

  it('refuses a referral that was never sent, or another one', () => {
    given(decider, []).when(complete()).thenThrows(NotFound, 'referral_not_found');
    given(decider, [sent, accepted])
      .when(complete({ referralId: OTHER_REFERRAL_ID }))
      .thenThrows(NotFound, 'referral_not_found');
  });

  it.each(['sent', 'rejected', 'completed', 'revoked'] as const)('refuses a %s referral', (status) => {
    given(decider, STREAMS[status]).when(complete()).thenThrows(NotAllowed, 'referral_not_accepted');
  });
});
