import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { appeal, appealed, decider, HISTORY, OTHER_TRIAL_ID, reruled, ruled, rulingOf, TRIAL_ID } from './trial.fixtures.js';

describe('AppealRuling', () => {
  it('appeals an issued ruling, normalizing the id and the time', () => {
    given(decider, HISTORY.ruled)
      .when(appeal({ trialId: TRIAL_ID.toUpperCase() }))
      .then([appealed]);
  });

  it.each([null, undefined])('records an appellant given as %s as null', (appellant) => {
    given(decider, HISTORY.ruled)
      .when(appeal({ appellant }))
      .then([{ ...appealed, data: { ...appealed.data, appellant: null } }]);
  });

  it('appeals a second-instance ruling too', () => {
    given(decider, HISTORY['ruled again'])
      .when(appeal({ appealedAt: '2026-08-10T10:00:00-05:00', appellant: 'Ministerio Público' }))
      .then([{ ...appealed, data: { ...appealed.data, appealedAt: '2026-08-10T15:00:00.000Z', appellant: 'Ministerio Público' } }]);
  });

  it('leaves an appealed state that keeps the appealed ruling', () => {
    given(decider, HISTORY.ruled)
      .when(appeal())
      .thenState({
        status: 'appealed',
        appealedAt: appealed.data.appealedAt,
        appellant: 'Defensa técnica',
        lastRuling: rulingOf(ruled),
        appeals: [{ appealedAt: appealed.data.appealedAt, appellant: 'Defensa técnica' }],
      });
  });

  it.each(['opened', 'appealed'])('refuses an appeal on a trial %s', (status) => {
    given(decider, HISTORY[status]).when(appeal()).thenThrows(NotAllowed, 'appeal_not_allowed');
  });

  it('refuses an appeal on a final trial', () => {
    given(decider, HISTORY.final).when(appeal()).thenThrows(NotAllowed, 'trial_final');
  });

  it('refuses a trial that was never opened', () => {
    given(decider, []).when(appeal()).thenThrows(NotFound, 'trial_not_found');
  });

  it('refuses a command naming another trial', () => {
    given(decider, HISTORY.ruled)
      .when(appeal({ trialId: OTHER_TRIAL_ID }))
      .thenThrows(NotFound, 'trial_not_found');
  });

  it.each([
    ['before the ruling', '2026-06-01T09:59:59-05:00', HISTORY.ruled],
    ['before the last ruling', reruled.data.ruledAt.replace('15:00:00.000Z', '14:59:59Z'), HISTORY['ruled again']],
    ['more than 5 minutes after now', '2026-09-01T15:05:01Z', HISTORY.ruled],
    ['as a date only', '2026-06-10', HISTORY.ruled],
  ])('refuses an appeal date %s', (_label, appealedAt, history) => {
    given(decider, history).when(appeal({ appealedAt })).thenFieldErrors(['appealedAt']);
  });

  it('accepts an appeal on the very instant of the ruling', () => {
    given(decider, HISTORY.ruled)
      .when(appeal({ appealedAt: '2026-06-01T15:00:00Z' }))
      .then([{ ...appealed, data: { ...appealed.data, appealedAt: '2026-06-01T15:00:00.000Z' } }]);
  });

  it.each(['A'.repeat(201), 42])('refuses the appellant %j', (appellant) => {
    given(decider, HISTORY.ruled).when(appeal({ appellant })).thenFieldErrors(['appellant']);
  });

  it('accepts an appellant of exactly 200 characters', () => {
    const appellant = 'A'.repeat(200);
    given(decider, HISTORY.ruled)
      .when(appeal({ appellant }))
      .then([{ ...appealed, data: { ...appealed.data, appellant } }]);
  });
});
