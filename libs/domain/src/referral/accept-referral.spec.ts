import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { accept, accepted, CASE_ID, decider, OTHER_REFERRAL_ID, REFERRAL_ID, sent, STREAMS } from './referral.fixtures.js';

const acceptedWith = (data: Partial<typeof accepted.data>) => ({ ...accepted, data: { ...accepted.data, ...data } });

describe('AcceptReferral', () => {
  it('accepts a sent referral, linking the receiving record, ids lower-cased and the time in UTC', () => {
    given(decider, [sent])
      .when(accept({ referralId: REFERRAL_ID.toUpperCase(), linkedCaseId: CASE_ID.toUpperCase() }))
      .then([accepted]);
  });

  it('records an absent linked case as null', () => {
    given(decider, [sent])
      .when(accept({ linkedCaseId: undefined }))
      .then([acceptedWith({ linkedCaseId: null })]);
  });

  it('leaves an accepted referral that keeps the sending facts', () => {
    given(decider, [sent])
      .when(accept())
      .thenState({ status: 'accepted', ...sent.data, acceptedAt: accepted.data.acceptedAt, linkedCaseId: CASE_ID });
  });

  it('accepts at the very moment of sending', () => {
    given(decider, [sent])
      .when(accept({ acceptedAt: '2026-03-01T15:16:00Z' }))
      .then([acceptedWith({ acceptedAt: '2026-03-01T15:16:00.000Z' })]);
  });

  it.each([
    ['acceptedAt', { acceptedAt: '2026-03-01T15:15:59Z' }],
    ['acceptedAt', { acceptedAt: '2026-03-01T15:25:01Z' }],
    ['acceptedAt', { acceptedAt: '2026-03-01T10:17:00' }],
    ['acceptedAt', { acceptedAt: undefined }],
    ['linkedCaseId', { linkedCaseId: 'CASO-2026-001' }],
    ['linkedCaseId', { linkedCaseId: 12 }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [sent]).when(accept(data)).thenFieldErrors([field]);
  });

  it('lists every field problem at once', () => {
    given(decider, [sent])
      .when(accept({ acceptedAt: 'ayer', linkedCaseId: '' }))
      .thenFieldErrors(['acceptedAt', 'linkedCaseId']);
  });

  it('refuses a referral that was never sent', () => {
    given(decider, []).when(accept()).thenThrows(NotFound, 'referral_not_found');
  });

  it.each([OTHER_REFERRAL_ID, 'not-a-uuid', undefined])('refuses a command naming another referral (%p)', (referralId) => {
    given(decider, [sent]).when(accept({ referralId })).thenThrows(NotFound, 'referral_not_found');
  });

  it.each(['accepted', 'rejected', 'completed', 'revoked'] as const)('refuses a %s referral', (status) => {
    given(decider, STREAMS[status]).when(accept()).thenThrows(NotAllowed, 'referral_not_pending');
  });

  it('checks the state before the fields', () => {
    given(decider, STREAMS.rejected)
      .when(accept({ acceptedAt: 'ayer' }))
      .thenThrows(NotAllowed, 'referral_not_pending');
  });
});
