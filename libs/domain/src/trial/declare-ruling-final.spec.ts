import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { becameFinal, declareFinal, decider, HISTORY, OTHER_TRIAL_ID, ruled, rulingOf, TRIAL_ID } from './trial.fixtures.js';

describe('DeclareRulingFinal', () => {
  it('makes a first-instance ruling final with its verdict', () => {
    given(decider, HISTORY.ruled)
      .when(declareFinal({ trialId: TRIAL_ID.toUpperCase() }))
      .then([becameFinal]);
  });

  it('carries the verdict of the last ruling, not of the first', () => {
    given(decider, HISTORY['ruled again'])
      .when(declareFinal())
      .then([{ ...becameFinal, data: { ...becameFinal.data, verdict: 'acquittal' } }]);
  });

  it('leaves a final state', () => {
    given(decider, HISTORY.ruled)
      .when(declareFinal())
      .thenState({ status: 'final', finalAt: becameFinal.data.finalAt, rulings: [rulingOf(ruled)] });
  });

  it.each(['opened', 'appealed'])('refuses finality on a trial %s', (status) => {
    given(decider, HISTORY[status]).when(declareFinal()).thenThrows(NotAllowed, 'finality_not_allowed');
  });

  it('refuses to make a final trial final again', () => {
    given(decider, HISTORY.final).when(declareFinal()).thenThrows(NotAllowed, 'trial_final');
  });

  it('refuses a trial that was never opened', () => {
    given(decider, []).when(declareFinal()).thenThrows(NotFound, 'trial_not_found');
  });

  it('refuses a command naming another trial', () => {
    given(decider, HISTORY.ruled)
      .when(declareFinal({ trialId: OTHER_TRIAL_ID }))
      .thenThrows(NotFound, 'trial_not_found');
  });

  it.each([
    ['before the ruling', '2026-06-01T09:59:59-05:00'],
    ['more than 5 minutes after now', '2026-09-01T15:05:01Z'],
    ['without offset', '2026-08-20T10:00:00'],
    ['missing', undefined],
  ])('refuses a finality date %s', (_label, finalAt) => {
    given(decider, HISTORY.ruled).when(declareFinal({ finalAt })).thenFieldErrors(['finalAt']);
  });

  it('accepts finality on the very instant of the ruling', () => {
    given(decider, HISTORY.ruled)
      .when(declareFinal({ finalAt: ruled.data.ruledAt }))
      .then([{ ...becameFinal, data: { ...becameFinal.data, finalAt: ruled.data.ruledAt } }]);
  });
});
