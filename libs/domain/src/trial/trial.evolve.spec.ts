import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import type { TrialEvent } from './trial.events.js';
import { appealed, becameFinal, decider, HISTORY, opened, reruled, ruled, rulingOf } from './trial.fixtures.js';

const { trialId, prosecutionId, caseId, openedAt, court } = opened.data;
const FACTS = { trialId, prosecutionId, caseId, court, openedAt };
const APPEAL = { appealedAt: appealed.data.appealedAt, appellant: appealed.data.appellant };

describe('evolve', () => {
  it('starts unopened', () => {
    expect(decider.initialState()).toEqual({ status: 'unopened' });
  });

  it('keeps the facts, every ruling and every appeal', () => {
    expect(fold(decider, HISTORY.opened)).toEqual({ status: 'opened', ...FACTS, rulings: [], appeals: [], lastRuling: null });
    expect(fold(decider, HISTORY.ruled)).toEqual({
      status: 'ruled',
      ...FACTS,
      rulings: [rulingOf(ruled)],
      appeals: [],
      lastRuling: rulingOf(ruled),
    });
    expect(fold(decider, HISTORY.appealed)).toEqual({
      status: 'appealed',
      ...FACTS,
      rulings: [rulingOf(ruled)],
      appeals: [APPEAL],
      lastRuling: rulingOf(ruled),
      ...APPEAL,
    });
    expect(fold(decider, HISTORY['ruled again'])).toEqual({
      status: 'ruled',
      ...FACTS,
      rulings: [rulingOf(ruled), rulingOf(reruled)],
      appeals: [APPEAL],
      lastRuling: rulingOf(reruled),
    });
    expect(fold(decider, HISTORY.final)).toEqual({
      status: 'final',
      ...FACTS,
      rulings: [rulingOf(ruled)],
      appeals: [],
      lastRuling: rulingOf(ruled),
      finalAt: becameFinal.data.finalAt,
    });
  });

  it('shares no array with the events it folds', () => {
    const state = fold(decider, HISTORY.ruled);
    expect(state.status === 'ruled' && state.lastRuling.defendants).not.toBe(ruled.data.defendants);
  });

  it('ignores events that do not apply, without throwing', () => {
    expect(fold(decider, [ruled, appealed, becameFinal])).toEqual({ status: 'unopened' });
    const reopened = { ...opened, data: { ...opened.data, court: 'Otro juzgado' } };
    expect(fold(decider, [opened, reopened])).toEqual(fold(decider, [opened]));
    expect(fold(decider, [opened, appealed])).toEqual(fold(decider, [opened]));
    expect(fold(decider, [opened, becameFinal])).toEqual(fold(decider, [opened]));
    expect(fold(decider, [...HISTORY.ruled, reruled])).toEqual(fold(decider, HISTORY.ruled));
    expect(fold(decider, [...HISTORY.appealed, appealed])).toEqual(fold(decider, HISTORY.appealed));
    expect(fold(decider, [...HISTORY.appealed, becameFinal])).toEqual(fold(decider, HISTORY.appealed));
    expect(fold(decider, [...HISTORY.final, appealed, reruled])).toEqual(fold(decider, HISTORY.final));
    const unknown = { type: 'TrialSuspended', data: {} } as unknown as TrialEvent;
    expect(fold(decider, [opened, unknown])).toEqual(fold(decider, [opened]));
  });

  it('replays a malformed stored ruling without throwing and keeps stray keys out', () => {
    const malformed = { ...ruled, data: { ...ruled.data, defendants: undefined } } as unknown as TrialEvent;
    expect(fold(decider, [opened, malformed])).toMatchObject({ status: 'ruled', lastRuling: { defendants: [] } });
    const stray = { ...opened, data: { ...opened.data, status: 'final', actor: 'x' } } as TrialEvent;
    expect(fold(decider, [stray])).toEqual(fold(decider, [opened]));
  });
});
