import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { PROSECUTION_STAGES, type ProsecutionStage } from './prosecution.codes.js';
import {
  accused,
  archived,
  decider,
  dismissed,
  formalized,
  HISTORY,
  LOCAL,
  opened,
  OTHER_PROSECUTION_ID,
  preliminaryOpened,
  PROSECUTION_ID,
  stage,
  validStage,
} from './prosecution.fixtures.js';

describe('RecordProsecutionStage: the legal order', () => {
  it('opens the preliminary investigation of an opened prosecution', () => {
    given(decider, [opened]).when(stage('preliminary-investigation', LOCAL.preliminary)).then([preliminaryOpened]);
  });

  it('archives an opened prosecution straight away, with its reason', () => {
    const reason = 'No se acreditó la captación';
    given(decider, [opened])
      .when(stage('archive', LOCAL.preliminary, reason))
      .then([{ ...archived, data: { ...archived.data, occurredAt: '2026-02-10T14:00:00.000Z' } }]);
  });

  it('archives after the preliminary investigation', () => {
    given(decider, [opened, preliminaryOpened])
      .when(stage('archive', LOCAL.archive, 'No se acreditó la captación'))
      .then([archived]);
  });

  it('formalizes the investigation after the preliminary one', () => {
    given(decider, [opened, preliminaryOpened]).when(stage('formalization', LOCAL.formalization)).then([formalized]);
  });

  it('files the accusation of a formalized investigation', () => {
    given(decider, HISTORY.formalized).when(stage('accusation', LOCAL.accusation)).then([accused]);
  });

  it('dismisses a formalized investigation, with or without a reason', () => {
    given(decider, HISTORY.formalized).when(stage('dismissal', LOCAL.dismissal)).then([dismissed]);
    given(decider, HISTORY.formalized)
      .when(stage('dismissal', LOCAL.dismissal, null))
      .then([dismissed]);
    given(decider, HISTORY.formalized)
      .when(stage('dismissal', LOCAL.dismissal, 'Prescripción'))
      .then([{ ...dismissed, data: { ...dismissed.data, reason: 'Prescripción' } }]);
  });

  it('accepts the prosecution id in upper case', () => {
    given(decider, [opened])
      .when(stage('preliminary-investigation', LOCAL.preliminary, undefined, PROSECUTION_ID.toUpperCase()))
      .then([preliminaryOpened]);
  });

  // Written out rather than derived from the transition table, so that the table itself is under test.
  it.each<[string, ProsecutionStage]>([
    ['opened', 'formalization'],
    ['opened', 'accusation'],
    ['opened', 'dismissal'],
    ['preliminary', 'preliminary-investigation'],
    ['preliminary', 'accusation'],
    ['preliminary', 'dismissal'],
    ['formalized', 'preliminary-investigation'],
    ['formalized', 'archive'],
    ['formalized', 'formalization'],
    ['accused', 'preliminary-investigation'],
    ['accused', 'archive'],
    ['accused', 'formalization'],
    ['accused', 'accusation'],
    ['accused', 'dismissal'],
  ])('refuses from %s the stage %s as out of order', (status, stageCode) => {
    given(decider, HISTORY[status]).when(validStage(stageCode)).thenThrows(NotAllowed, 'stage_out_of_order');
  });

  it('reports the order before the problems of the date or the reason', () => {
    given(decider, [opened])
      .when(stage('accusation', 'ayer', 42))
      .thenThrows(NotAllowed, 'stage_out_of_order');
  });

  it.each(
    ['archived from opened', 'archived after preliminary', 'dismissed'].flatMap((status) =>
      PROSECUTION_STAGES.map((code) => [status, code] as const),
    ),
  )('refuses on a prosecution %s the stage %s as closed', (status, stageCode) => {
    given(decider, HISTORY[status]).when(validStage(stageCode)).thenThrows(NotAllowed, 'prosecution_closed');
  });
});

describe('RecordProsecutionStage: the stream', () => {
  it('refuses a prosecution that was never opened', () => {
    given(decider, []).when(validStage('preliminary-investigation')).thenThrows(NotFound, 'prosecution_not_found');
  });

  it.each([OTHER_PROSECUTION_ID, 'not-a-uuid', null])('refuses a command naming another prosecution (%s)', (id) => {
    given(decider, [opened])
      .when(stage('preliminary-investigation', LOCAL.preliminary, undefined, id))
      .thenThrows(NotFound, 'prosecution_not_found');
  });
});

describe('RecordProsecutionStage: field problems', () => {
  it.each([
    ['before the previous stage', '2026-02-10T08:59:59-05:00'],
    ['more than 5 minutes after now', '2026-06-01T15:05:01Z'],
    ['without offset', '2026-03-10T09:00:00'],
    ['as a date only', '2026-03-10'],
    ['as an impossible date', '2026-02-30T09:00:00-05:00'],
    ['as a number', 20260310],
  ])('refuses a stage date %s', (_label, occurredAt) => {
    given(decider, [opened, preliminaryOpened]).when(stage('formalization', occurredAt)).thenFieldErrors(['occurredAt']);
  });

  it('accepts a stage on the same instant as the previous one', () => {
    given(decider, [opened, preliminaryOpened])
      .when(stage('formalization', LOCAL.preliminary))
      .then([{ ...formalized, data: { ...formalized.data, occurredAt: preliminaryOpened.data.occurredAt } }]);
  });

  it('refuses a stage before the opening date', () => {
    given(decider, [opened]).when(stage('preliminary-investigation', '2026-01-10T08:59:59-05:00')).thenFieldErrors(['occurredAt']);
  });

  it.each([undefined, null, '', '   ', 'x'.repeat(501), 42])('refuses to archive with the reason %j', (reason) => {
    given(decider, [opened])
      .when(stage('archive', LOCAL.preliminary, reason))
      .thenFieldErrors(['reason']);
  });

  it('accepts an archive reason of exactly 500 characters', () => {
    const reason = 'x'.repeat(500);
    given(decider, [opened, preliminaryOpened])
      .when(stage('archive', LOCAL.archive, reason))
      .then([{ ...archived, data: { ...archived.data, reason } }]);
  });

  it.each(['x'.repeat(501), 42])('refuses a dismissal reason %j', (reason) => {
    given(decider, HISTORY.formalized)
      .when(stage('dismissal', LOCAL.dismissal, reason))
      .thenFieldErrors(['reason']);
  });

  it.each<[string, ProsecutionStage]>([
    ['opened', 'preliminary-investigation'],
    ['preliminary', 'formalization'],
    ['formalized', 'accusation'],
  ])('refuses a reason on a stage that records none (%s → %s)', (status, stageCode) => {
    given(decider, HISTORY[status])
      .when(stage(stageCode, LOCAL.dismissal, 'Motivo'))
      .thenFieldErrors(['reason']);
  });

  it('accepts a null reason on a stage that records none', () => {
    given(decider, [opened])
      .when(stage('preliminary-investigation', LOCAL.preliminary, null))
      .then([preliminaryOpened]);
  });

  it('lists every field problem of a stage at once', () => {
    given(decider, [opened])
      .when(stage('preliminary-investigation', 'mañana', 7))
      .thenFieldErrors(['occurredAt', 'reason']);
  });
});
