import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import { given } from '../testing/given-when-then.js';
import type { HotlineCallEvent } from './hotline-call.events.js';
import { CALL_ID, classified, closed, decider, received, record } from './hotline-call.fixtures.js';

const corrected = (changes: object): HotlineCallEvent =>
  ({ type: 'HotlineCallCorrected', data: { callId: CALL_ID, changes, reason: 'Error' } }) as HotlineCallEvent;

describe('evolve', () => {
  it('starts unrecorded', () => {
    expect(decider.initialState()).toEqual({ status: 'unrecorded' });
  });

  it('opens a received call with its facts', () => {
    expect(given(decider, [received]).state()).toEqual({
      status: 'open',
      ...received.data,
      traffickingRelated: false,
    });
  });

  it('marks a call received as trafficking as trafficking-related', () => {
    given(decider, [])
      .when(record({ topic: 'trafficking' }))
      .thenState({ status: 'open', topic: 'trafficking', traffickingRelated: true });
  });

  it('follows re-classification in and out of trafficking', () => {
    const toTrafficking = classified('trafficking', 'information');
    expect(fold(decider, [received, toTrafficking])).toMatchObject({ topic: 'trafficking', traffickingRelated: true });
    expect(fold(decider, [received, toTrafficking, classified('missing_person', 'trafficking')])).toMatchObject({
      topic: 'missing_person',
      traffickingRelated: false,
    });
  });

  it('applies only correctable fields of a correction', () => {
    const state = fold(decider, [received, corrected({ channel: 'web', status: 'closed', topic: 'trafficking' })]);
    expect(state).toMatchObject({ status: 'open', channel: 'web', topic: 'information', traffickingRelated: false });
  });

  it('closes an open call', () => {
    expect(fold(decider, [received, closed])).toEqual({
      status: 'closed',
      ...received.data,
      traffickingRelated: false,
      closedAt: closed.data.closedAt,
      outcome: closed.data.outcome,
    });
  });

  it('ignores events that do not apply, without throwing', () => {
    expect(fold(decider, [classified('trafficking', 'information'), corrected({ channel: 'web' }), closed])).toEqual({
      status: 'unrecorded',
    });
    const second = { ...received, data: { ...received.data, channel: 'email' as const } };
    expect(fold(decider, [received, second])).toEqual(fold(decider, [received]));
    const reclosed = { ...closed, data: { ...closed.data, outcome: 'duplicate' as const } };
    expect(fold(decider, [received, closed, reclosed])).toEqual(fold(decider, [received, closed]));
    const unknown = { type: 'HotlineCallArchived', data: {} } as unknown as HotlineCallEvent;
    expect(fold(decider, [received, unknown])).toEqual(fold(decider, [received]));
  });

  it('refuses an unknown command type at run time', () => {
    const command = { type: 'DeleteHotlineCall', data: {}, metadata: { now: '', actor: '' } } as never;
    expect(() => decider.decide(command, decider.initialState())).toThrow(TypeError);
  });
});
