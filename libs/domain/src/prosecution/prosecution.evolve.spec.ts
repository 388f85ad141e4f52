import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import type { ProsecutionEvent } from './prosecution.events.js';
import { accused, archived, decider, dismissed, formalized, HISTORY, opened, preliminaryOpened } from './prosecution.fixtures.js';
import { nextProsecutionStages } from './prosecution.transitions.js';

const FACTS = { ...opened.data };
const PRELIMINARY_AT = preliminaryOpened.data.occurredAt;

describe('evolve', () => {
  it('starts unopened', () => {
    expect(decider.initialState()).toEqual({ status: 'unopened' });
  });

  it('keeps the facts and the date of each stage reached', () => {
    expect(fold(decider, HISTORY.opened)).toEqual({ status: 'opened', ...FACTS, lastOccurredAt: FACTS.openedAt });
    expect(fold(decider, HISTORY.preliminary)).toEqual({
      status: 'preliminary',
      ...FACTS,
      lastOccurredAt: PRELIMINARY_AT,
      preliminaryInvestigationAt: PRELIMINARY_AT,
    });
    expect(fold(decider, HISTORY['archived after preliminary'])).toEqual({
      status: 'archived',
      ...FACTS,
      lastOccurredAt: archived.data.occurredAt,
      preliminaryInvestigationAt: PRELIMINARY_AT,
      archivedAt: archived.data.occurredAt,
      archiveReason: archived.data.reason,
    });
    expect(fold(decider, HISTORY.accused)).toEqual({
      status: 'accused',
      ...FACTS,
      lastOccurredAt: accused.data.occurredAt,
      preliminaryInvestigationAt: PRELIMINARY_AT,
      formalizedAt: formalized.data.occurredAt,
      accusedAt: accused.data.occurredAt,
    });
    expect(fold(decider, HISTORY.dismissed)).toEqual({
      status: 'dismissed',
      ...FACTS,
      lastOccurredAt: dismissed.data.occurredAt,
      preliminaryInvestigationAt: PRELIMINARY_AT,
      formalizedAt: formalized.data.occurredAt,
      dismissedAt: dismissed.data.occurredAt,
      dismissalReason: null,
    });
  });

  it('records no preliminary date for a prosecution archived straight from the referral', () => {
    expect(fold(decider, HISTORY['archived from opened'])).toMatchObject({
      status: 'archived',
      preliminaryInvestigationAt: null,
      archivedAt: PRELIMINARY_AT,
    });
  });

  it('ignores events that do not apply, without throwing', () => {
    expect(fold(decider, [preliminaryOpened, formalized, accused])).toEqual({ status: 'unopened' });
    const reopened = { ...opened, data: { ...opened.data, office: 'Otra fiscalía' } };
    expect(fold(decider, [opened, reopened])).toEqual(fold(decider, [opened]));
    expect(fold(decider, [opened, accused])).toEqual(fold(decider, [opened]));
    expect(fold(decider, [opened, formalized])).toEqual(fold(decider, [opened]));
    expect(fold(decider, [...HISTORY.preliminary, dismissed])).toEqual(fold(decider, HISTORY.preliminary));
    expect(fold(decider, [...HISTORY.formalized, archived])).toEqual(fold(decider, HISTORY.formalized));
    expect(fold(decider, [...HISTORY.dismissed, accused])).toEqual(fold(decider, HISTORY.dismissed));
    expect(fold(decider, [...HISTORY.accused, dismissed])).toEqual(fold(decider, HISTORY.accused));
    const unknown = { type: 'ProsecutionReopened', data: {} } as unknown as ProsecutionEvent;
    expect(fold(decider, [opened, unknown])).toEqual(fold(decider, [opened]));
  });

  it('keeps stray keys of a stored event out of the state', () => {
    const stray = { ...opened, data: { ...opened.data, status: 'accused', actor: 'x' } } as ProsecutionEvent;
    expect(fold(decider, [stray])).toEqual(fold(decider, [opened]));
  });
});

describe('nextProsecutionStages', () => {
  it.each([
    ['opened', ['preliminary-investigation', 'archive']],
    ['preliminary', ['archive', 'formalization']],
    ['formalized', ['accusation', 'dismissal']],
    ['accused', []],
    ['archived from opened', []],
    ['dismissed', []],
  ])('offers from %s: %j', (status, stages) => {
    expect(nextProsecutionStages(fold(decider, HISTORY[status]))).toEqual(stages);
  });

  it('offers nothing before the opening', () => {
    expect(nextProsecutionStages(decider.initialState())).toEqual([]);
  });
});
