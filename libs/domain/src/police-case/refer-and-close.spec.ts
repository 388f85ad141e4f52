import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { close, closed, decider, OTHER_CASE_ID, PROSECUTION_ID, refer, referred, registered } from './police-case.fixtures.js';

describe('ReferToProsecutor', () => {
  it('sends the case to the prosecutor, the ids lower-cased and the time in UTC', () => {
    given(decider, [registered])
      .when(refer({ prosecutionId: PROSECUTION_ID.toUpperCase() }))
      .then([referred]);
  });

  it('leaves a referred case that keeps the prosecution id', () => {
    given(decider, [registered])
      .when(refer())
      .thenState({ status: 'referred', prosecutionIds: [PROSECUTION_ID], registeredAt: registered.data.registeredAt });
  });

  it.each([
    ['referredAt', { referredAt: '2026-03-01T13:59:59Z' }],
    ['referredAt', { referredAt: '2026-03-01T15:25:01Z' }],
    ['referredAt', { referredAt: '2026-03-01T10:10:00' }],
    ['office', { office: '' }],
    ['office', { office: 'x'.repeat(201) }],
    ['prosecutionId', { prosecutionId: 'FPE-2026-14' }],
    ['prosecutionId', { prosecutionId: undefined }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [registered]).when(refer(data)).thenFieldErrors([field]);
  });

  it('refuses a case that was never registered', () => {
    given(decider, []).when(refer()).thenThrows(NotFound, 'case_not_found');
  });

  it('refuses a command naming another case than the stream holds', () => {
    given(decider, [registered])
      .when(refer({ caseId: OTHER_CASE_ID }))
      .thenThrows(NotFound, 'case_not_found');
  });

  it('refuses to refer a case twice', () => {
    given(decider, [registered, referred]).when(refer()).thenThrows(NotAllowed, 'case_already_referred');
  });

  it('refuses a closed case', () => {
    given(decider, [registered, closed]).when(refer()).thenThrows(NotAllowed, 'case_closed');
  });
});

describe('CloseCase', () => {
  it('closes an open case, the time normalized to UTC', () => {
    given(decider, [registered]).when(close()).then([closed]);
  });

  it('closes a referred case, keeping the prosecution id', () => {
    given(decider, [registered, referred])
      .when(close())
      .thenState({ status: 'closed', closedAt: closed.data.closedAt, reason: closed.data.reason, prosecutionIds: [PROSECUTION_ID] });
  });

  it('accepts a close at the very moment of registration', () => {
    given(decider, [registered])
      .when(close({ closedAt: '2026-03-01T14:00:00Z' }))
      .then([{ ...closed, data: { ...closed.data, closedAt: '2026-03-01T14:00:00.000Z' } }]);
  });

  it.each([
    ['closedAt', { closedAt: '2026-03-01T13:59:59Z' }],
    ['closedAt', { closedAt: '2026-03-01T15:25:01Z' }],
    ['closedAt', { closedAt: '2026-02-30T10:00:00-05:00' }],
    ['reason', { reason: undefined }],
    ['reason', { reason: '  ' }],
    ['reason', { reason: 'x'.repeat(501) }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, [registered]).when(close(data)).thenFieldErrors([field]);
  });

  it('refuses a case that was never registered', () => {
    given(decider, []).when(close()).thenThrows(NotFound, 'case_not_found');
  });

  it('refuses a command naming another case than the stream holds', () => {
    given(decider, [registered])
      .when(close({ caseId: 'not-a-uuid' }))
      .thenThrows(NotFound, 'case_not_found');
  });

  it('refuses to close a case twice', () => {
    given(decider, [registered, closed]).when(close()).thenThrows(NotAllowed, 'case_closed');
  });
});
