import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { decider, OTHER_REFERRAL_ID, REFERRAL_ID, reject, rejected, sent, STREAMS } from './referral.fixtures.js';

const rejectedWith = (data: Partial<typeof rejected.data>) => ({ ...rejected, data: { ...rejected.data, ...data } });

describe('RejectReferral', () => {
  it('rejects a sent referral with its reason, the time in UTC', () => {
    given(decider, [sent])
      .when(reject({ referralId: REFERRAL_ID.toUpperCase() }))
      .then([rejected]);
  });

  it('leaves a rejected referral that keeps the sending facts', () => {
    given(decider, [sent])
      .when(reject())
      .thenState({ status: 'rejected', ...sent.data, ...rejected.data });
  });

  it('accepts a rejection at the moment of sending with a reason of exactly 500 characters', () => {
    const reason = 'x'.repeat(500);
    given(decider, [sent])
      .when(reject({ rejectedAt: '2026-03-01T15:16:00Z', reason }))
      .then([rejectedWith({ rejectedAt: '2026-03-01T15:16:00.000Z', reason })]);
  });

  it.each([
    ['rejectedAt', { rejectedAt: '2026-03-01T15:15:59Z' }],
    ['rejectedAt', { rejectedAt: '2026-03-01T15:25:01Z' }],
    ['rejectedAt', { rejectedAt: '2026-03-01' }],
    ['reason', { reason: '' }],
    ['reason', { reason: '   ' }],
    ['reason', { reason: undefined }],
    ['reason', { reason: 'x'.repeat(501) }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [sent]).when(reject(data)).thenFieldErrors([field]);
  });

  it('lists every field problem at once', () => {
    given(decider, [sent])
      .when(reject({ rejectedAt: null, reason: null }))
      .thenFieldErrors(['rejectedAt', 'reason']);
  });

  it('refuses a referral that was never sent, or another one', () => {
    given(decider, []).when(reject()).thenThrows(NotFound, 'referral_not_found');
    given(decider, [sent])
      .when(reject({ referralId: OTHER_REFERRAL_ID }))
      .thenThrows(NotFound, 'referral_not_found');
  });

  it.each(['accepted', 'rejected', 'completed', 'revoked'] as const)('refuses a %s referral', (status) => {
    given(decider, STREAMS[status]).when(reject()).thenThrows(NotAllowed, 'referral_not_pending');
  });
});
