import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { classified, close, closed, decider, received } from './hotline-call.fixtures.js';

describe('CloseHotlineCall', () => {
  it('closes an open call with its outcome, the time normalized to UTC', () => {
    given(decider, [received]).when(close('2026-03-01T10:18:00-05:00', 'referred')).then([closed]);
  });

  it('leaves a closed state that keeps the facts and the trafficking flag', () => {
    given(decider, [received, classified('trafficking', 'information')])
      .when(close())
      .thenState({
        status: 'closed',
        closedAt: '2026-03-01T15:18:00.000Z',
        outcome: 'referred',
        receivedAt: '2026-03-01T15:15:00.000Z',
        topic: 'trafficking',
        traffickingRelated: true,
      });
  });

  it('accepts a close at the very moment of receipt', () => {
    given(decider, [received])
      .when(close('2026-03-01T15:15:00Z', 'dropped'))
      .then([{ ...closed, data: { ...closed.data, closedAt: '2026-03-01T15:15:00.000Z', outcome: 'dropped' } }]);
  });

  it.each([
    ['before the call was received', '2026-03-01T15:14:59Z'],
    ['more than 5 minutes after now', '2026-03-01T15:25:01Z'],
    ['without offset', '2026-03-01T10:18:00'],
    ['as a date only', '2026-03-01'],
    ['as an impossible date', '2026-02-30T10:18:00-05:00'],
  ])('refuses a closing time %s', (_label, closedAt) => {
    given(decider, [received]).when(close(closedAt)).thenFieldErrors(['closedAt']);
  });

  it('refuses a call that was never recorded', () => {
    given(decider, []).when(close()).thenThrows(NotFound, 'call_not_found');
  });

  it('refuses to close a call twice', () => {
    given(decider, [received, closed]).when(close()).thenThrows(NotAllowed, 'call_closed');
  });
});
