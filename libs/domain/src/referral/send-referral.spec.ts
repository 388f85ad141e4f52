import { describe, it } from '@jest/globals';
import { InvalidCommand, NotAllowed } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { DEFAULT_REFERRAL_DEADLINE_MINUTES } from './referral.codes.js';
import { CALL_ID, decider, REFERRAL_ID, send, sent, STREAMS } from './referral.fixtures.js';

const sentWith = (data: Partial<typeof sent.data>) => ({ ...sent, data: { ...sent.data, ...data } });

describe('SendReferral', () => {
  it('sends a referral, normalizing ids to lower case and the time to UTC', () => {
    given(decider, [])
      .when(send({ referralId: REFERRAL_ID.toUpperCase(), source: { kind: 'hotline_call', id: CALL_ID.toUpperCase() } }))
      .then([sent]);
  });

  it('leaves a sent referral with its facts', () => {
    given(decider, [])
      .when(send())
      .thenState({ status: 'sent', ...sent.data });
  });

  it('records absent unit name and place as null', () => {
    given(decider, [])
      .when(send({ unitName: undefined, ubigeo: null }))
      .then([sentWith({ unitName: null, ubigeo: null })]);
  });

  it.each(['15', '1501', '080101'])('accepts the department, province or district code %s', (code) => {
    given(decider, [])
      .when(send({ ubigeo: code }))
      .then([sentWith({ ubigeo: code })]);
  });

  it.each(['PNP', 'MINISTERIO_PUBLICO', 'MIMP', 'DEMUNA', 'SHELTER', 'OTHER'] as const)('sends to %s', (to) => {
    given(decider, [])
      .when(send({ to }))
      .then([sentWith({ to, deadlineMinutes: DEFAULT_REFERRAL_DEADLINE_MINUTES[to] })]);
  });

  it.each(['case', 'victim'] as const)('refers a %s whatever the call flag says', (kind) => {
    const source = { kind, id: CALL_ID };
    given(decider, [])
      .when(send({ source, sourceTraffickingRelated: undefined }))
      .then([sentWith({ source })]);
    given(decider, [])
      .when(send({ source, sourceTraffickingRelated: false }))
      .then([sentWith({ source })]);
  });

  it('accepts a unit name of exactly 200 characters and a time 5 minutes after now', () => {
    const unitName = 'ñ'.repeat(200);
    given(decider, [])
      .when(send({ unitName, referredAt: '2026-03-01T15:25:00Z' }))
      .then([sentWith({ unitName, referredAt: '2026-03-01T15:25:00.000Z' })]);
  });

  it('records the deadline in force: the one given, else the documented default of the destination', () => {
    given(decider, [])
      .when(send({ deadlineMinutes: 90 }))
      .then([sentWith({ deadlineMinutes: 90 })]);
    given(decider, [])
      .when(send({ to: 'SHELTER', deadlineMinutes: undefined }))
      .then([sentWith({ to: 'SHELTER', deadlineMinutes: 72 * 60 })]);
    given(decider, [])
      .when(send({ deadlineMinutes: 365 * 24 * 60 }))
      .then([sentWith({ deadlineMinutes: 365 * 24 * 60 })]);
  });

  it.each([0, -60, 1.5, '60', 365 * 24 * 60 + 1, Number.NaN])('refuses the deadline %p, naming deadlineMinutes', (deadlineMinutes) => {
    given(decider, []).when(send({ deadlineMinutes })).thenFieldErrors(['deadlineMinutes']);
  });

  it.each([false, null, undefined, 'true'])('refuses a call whose trafficking flag is %p', (flag) => {
    given(decider, [])
      .when(send({ sourceTraffickingRelated: flag }))
      .thenThrows(NotAllowed, 'call_not_trafficking_related');
  });

  it('reports field problems before the call eligibility', () => {
    given(decider, [])
      .when(send({ sourceTraffickingRelated: false, referredAt: 'ayer' }))
      .thenFieldErrors(['referredAt']);
  });

  it.each([
    ['referralId', { referralId: 'not-a-uuid' }],
    ['source.id', { source: { kind: 'hotline_call' as const, id: 42 } }],
    ['unitName', { unitName: 'x'.repeat(201) }],
    ['unitName', { unitName: 7 }],
    ['ubigeo', { ubigeo: '15010' }],
    ['ubigeo', { ubigeo: 150101 }],
    ['ubigeo', { ubigeo: '159999' }],
    ['referredAt', { referredAt: '2026-03-01' }],
    ['referredAt', { referredAt: '2026-03-01T10:16:00' }],
    ['referredAt', { referredAt: '2026-02-30T10:16:00-05:00' }],
    ['referredAt', { referredAt: '2026-03-01T15:25:01Z' }],
    ['referredAt', { referredAt: '1999-12-31T23:59:59Z' }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, []).when(send(data)).thenFieldErrors([field]);
  });

  it('lists every field problem at once, a missing source included', () => {
    given(decider, [])
      .when(send({ referralId: 1, source: undefined, unitName: false, ubigeo: 'Lima', referredAt: 'ayer' }))
      .thenFieldErrors(['referralId', 'source.id', 'unitName', 'ubigeo', 'referredAt']);
  });

  it('turns a missing data object into field problems, not a crash', () => {
    given(decider, [])
      .when({ ...send(), data: undefined as never })
      .thenFieldErrors(['referralId', 'source.id', 'referredAt']);
  });

  it.each(['sent', 'accepted', 'rejected', 'completed', 'revoked'] as const)('refuses to send a %s referral again', (status) => {
    given(decider, STREAMS[status]).when(send()).thenThrows(NotAllowed, 'referral_already_sent');
  });

  it('checks the state before the fields', () => {
    given(decider, STREAMS.sent)
      .when(send({ referredAt: 'ayer' }))
      .thenThrows(NotAllowed, 'referral_already_sent');
    given(decider, [])
      .when(send({ referredAt: 'ayer' }))
      .thenThrows(InvalidCommand);
  });
});
