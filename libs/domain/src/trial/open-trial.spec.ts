import { describe, it } from '@jest/globals';
import { NotAllowed } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { CASE_ID, decider, HISTORY, open, opened, PROSECUTION_ID, TRIAL_ID, wire } from './trial.fixtures.js';

describe('OpenTrial', () => {
  it('opens a trial, normalizing the ids to lower case and the time to UTC', () => {
    given(decider, [])
      .when(open({ trialId: TRIAL_ID.toUpperCase(), prosecutionId: PROSECUTION_ID.toUpperCase(), caseId: CASE_ID.toUpperCase() }))
      .then([opened]);
  });

  it.each([null, undefined])('records a case id given as %s as null', (caseId) => {
    given(decider, [])
      .when(open({ caseId }))
      .then([{ ...opened, data: { ...opened.data, caseId: null } }]);
  });

  it('leaves an opened state with no ruling yet', () => {
    given(decider, [])
      .when(open())
      .thenState({ status: 'opened', trialId: TRIAL_ID, court: opened.data.court, rulings: [], lastRuling: null });
  });

  it('tolerates an opening time up to 5 minutes after now', () => {
    given(decider, [])
      .when(open({ openedAt: '2026-09-01T15:05:00Z' }))
      .then([{ ...opened, data: { ...opened.data, openedAt: '2026-09-01T15:05:00.000Z' } }]);
  });

  it('refuses a trial whose prosecution has not filed an accusation', () => {
    given(decider, [])
      .when(open({ prosecutionAccused: false }))
      .thenThrows(NotAllowed, 'prosecution_not_accused');
  });

  it('reports the missing accusation before the problems of the form', () => {
    given(decider, [])
      .when(open({ prosecutionAccused: false, court: '', trialId: 'x' }))
      .thenThrows(NotAllowed, 'prosecution_not_accused');
  });

  it.each(['opened', 'ruled', 'appealed', 'ruled again'])('refuses to open a trial already %s', (status) => {
    given(decider, HISTORY[status]).when(open()).thenThrows(NotAllowed, 'trial_already_opened');
  });

  it('refuses to open a final trial as final', () => {
    given(decider, HISTORY.final).when(open()).thenThrows(NotAllowed, 'trial_final');
  });

  it.each([
    ['trialId', { trialId: 'trial-1' }],
    ['prosecutionId', { prosecutionId: null }],
    ['prosecutionAccused', { prosecutionAccused: 'true' }],
    ['prosecutionAccused', { prosecutionAccused: undefined }],
    ['caseId', { caseId: 'case-1' }],
    ['caseId', { caseId: 42 }],
    ['court', { court: '' }],
    ['court', { court: '  ' }],
    ['court', { court: 'J'.repeat(201) }],
    ['openedAt', { openedAt: '2026-05-04' }],
    ['openedAt', { openedAt: '2026-05-04T09:00:00' }],
    ['openedAt', { openedAt: '2026-09-01T15:05:01Z' }],
    ['openedAt', { openedAt: '1999-12-31T23:59:59Z' }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, []).when(open(data)).thenFieldErrors([field]);
  });

  it('accepts a court name of exactly 200 characters', () => {
    const court = 'J'.repeat(200);
    given(decider, [])
      .when(open({ court }))
      .then([{ ...opened, data: { ...opened.data, court } }]);
  });

  it('lists every field problem at once', () => {
    given(decider, [])
      .when(open({ trialId: 1, prosecutionId: '', prosecutionAccused: 1, caseId: 'x', openedAt: 'ayer', court: null }))
      .thenFieldErrors(['trialId', 'prosecutionId', 'prosecutionAccused', 'caseId', 'openedAt', 'court']);
  });

  it('turns a command without data into field problems, not a crash', () => {
    given(decider, [])
      .when({ ...open(), data: wire(null) })
      .thenFieldErrors(['trialId', 'prosecutionId', 'prosecutionAccused', 'openedAt', 'court']);
  });
});
