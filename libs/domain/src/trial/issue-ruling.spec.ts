import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import type { RulingIssued } from './trial.events.js';
import {
  appealed,
  decider,
  HISTORY,
  opened,
  OTHER_TRIAL_ID,
  reruled,
  rule,
  ruled,
  rulingOf,
  SUSPECT_A,
  SUSPECT_B,
  TRIAL_ID,
} from './trial.fixtures.js';

const with_ = (data: Partial<RulingIssued['data']>, base: RulingIssued = ruled): RulingIssued => ({
  ...base,
  data: { ...base.data, ...data },
});

describe('IssueRuling', () => {
  it('issues a first-instance conviction, normalizing ids and time', () => {
    given(decider, [opened])
      .when(rule({ trialId: TRIAL_ID.toUpperCase(), defendants: [SUSPECT_A.toUpperCase(), SUSPECT_B] }))
      .then([ruled]);
  });

  it.each([8.5, 0.25, 35])('accepts a sentence of %s years', (sentenceYears) => {
    given(decider, [opened])
      .when(rule({ sentenceYears }))
      .then([with_({ sentenceYears })]);
  });

  it.each([null, undefined])('issues an acquittal with the sentence given as %s', (sentenceYears) => {
    given(decider, [opened])
      .when(rule({ verdict: 'acquittal', sentenceYears }))
      .then([with_({ verdict: 'acquittal', sentenceYears: null })]);
  });

  it('issues the second instance after an appeal', () => {
    given(decider, HISTORY.appealed)
      .when(rule({ ruledAt: '2026-08-03T10:00:00-05:00', verdict: 'acquittal', sentenceYears: null }))
      .then([reruled]);
  });

  it('counts the instance on from every earlier ruling', () => {
    const reappealed = { ...appealed, data: { ...appealed.data, appealedAt: '2026-08-10T15:00:00.000Z' } };
    given(decider, [...HISTORY['ruled again'], reappealed])
      .when(rule({ ruledAt: '2026-08-30T10:00:00-05:00' }))
      .then([with_({ ruledAt: '2026-08-30T15:00:00.000Z', instance: 3 })]);
  });

  it('leaves a ruled state with the ruling as the last one', () => {
    given(decider, HISTORY.appealed)
      .when(rule({ ruledAt: '2026-08-03T10:00:00-05:00', verdict: 'acquittal', sentenceYears: null }))
      .thenState({ status: 'ruled', lastRuling: rulingOf(reruled) });
  });

  it.each(['ruled', 'ruled again'])('refuses a ruling on a trial already %s', (status) => {
    given(decider, HISTORY[status]).when(rule()).thenThrows(NotAllowed, 'ruling_not_allowed');
  });

  it('refuses a ruling on a final trial', () => {
    given(decider, HISTORY.final).when(rule()).thenThrows(NotAllowed, 'trial_final');
  });

  it('reports the state before the problems of the form', () => {
    given(decider, HISTORY.ruled)
      .when(rule({ ruledAt: 'hoy', defendants: [] }))
      .thenThrows(NotAllowed, 'ruling_not_allowed');
  });

  it('refuses a trial that was never opened', () => {
    given(decider, []).when(rule()).thenThrows(NotFound, 'trial_not_found');
  });

  it.each([OTHER_TRIAL_ID, 'trial-1', undefined])('refuses a command naming another trial (%s)', (trialId) => {
    given(decider, [opened]).when(rule({ trialId })).thenThrows(NotFound, 'trial_not_found');
  });
});

describe('IssueRuling: field problems', () => {
  it.each([
    ['before the trial was opened', '2026-05-04T08:59:59-05:00'],
    ['more than 5 minutes after now', '2026-09-01T15:05:01Z'],
    ['without offset', '2026-06-01T10:00:00'],
    ['as a date only', '2026-06-01'],
  ])('refuses a ruling date %s', (_label, ruledAt) => {
    given(decider, [opened]).when(rule({ ruledAt })).thenFieldErrors(['ruledAt']);
  });

  it('refuses a second-instance ruling dated before the appeal', () => {
    given(decider, HISTORY.appealed)
      .when(rule({ ruledAt: '2026-06-10T09:59:59-05:00' }))
      .thenFieldErrors(['ruledAt']);
  });

  it('accepts a ruling on the very instant of the appeal', () => {
    given(decider, HISTORY.appealed)
      .when(rule({ ruledAt: '2026-06-10T10:00:00-05:00' }))
      .then([with_({ ruledAt: '2026-06-10T15:00:00.000Z', instance: 2 })]);
  });

  it.each([undefined, null, 0, -1, 35.01, '10', Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a conviction with the sentence %s',
    (sentenceYears) => {
      given(decider, [opened]).when(rule({ sentenceYears })).thenFieldErrors(['sentenceYears']);
    },
  );

  it.each([5, 0, '10'])('refuses an acquittal with the sentence %j', (sentenceYears) => {
    given(decider, [opened])
      .when(rule({ verdict: 'acquittal', sentenceYears }))
      .thenFieldErrors(['sentenceYears']);
  });

  it.each([
    ['absent', undefined, ['defendants']],
    ['empty', [], ['defendants']],
    ['not a list', SUSPECT_A, ['defendants']],
    ['with a non-UUID', [SUSPECT_A, 'suspect-2'], ['defendants[1]']],
    ['with a repeated id in another case', [SUSPECT_A, SUSPECT_B, SUSPECT_A.toUpperCase()], ['defendants[2]']],
    ['with several bad items', [42, SUSPECT_A, SUSPECT_A], ['defendants[0]', 'defendants[2]']],
  ])('refuses defendants %s', (_label, defendants, fields) => {
    given(decider, [opened]).when(rule({ defendants })).thenFieldErrors(fields);
  });

  it('lists every field problem at once', () => {
    given(decider, [opened])
      .when(rule({ ruledAt: 'hoy', verdict: 'conviction', sentenceYears: null, defendants: [] }))
      .thenFieldErrors(['ruledAt', 'sentenceYears', 'defendants']);
  });
});
