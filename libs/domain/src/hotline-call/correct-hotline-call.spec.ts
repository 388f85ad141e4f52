import { describe, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { CALL_ID, classified, closed, correct, decider, received } from './hotline-call.fixtures.js';

describe('CorrectHotlineCall', () => {
  it('records only the fields that really change, normalized and in a fixed order', () => {
    given(decider, [received])
      .when(
        correct({
          summary: 'Oferta de trabajo en minería ilegal',
          channel: 'phone',
          callerUbigeo: '080101',
          receivedAt: '2026-03-01T10:05:00-05:00',
        }),
      )
      .then([
        {
          type: 'HotlineCallCorrected',
          data: {
            callId: CALL_ID,
            changes: {
              receivedAt: '2026-03-01T15:05:00.000Z',
              callerUbigeo: '080101',
              summary: 'Oferta de trabajo en minería ilegal',
            },
            reason: 'Error de digitación',
          },
        },
      ]);
  });

  it('clears the caller place and the summary with null', () => {
    given(decider, [received])
      .when(correct({ callerUbigeo: null, summary: null, anonymous: true }))
      .then([
        {
          type: 'HotlineCallCorrected',
          data: {
            callId: CALL_ID,
            changes: { callerUbigeo: null, anonymous: true, summary: null },
            reason: 'Error de digitación',
          },
        },
      ]);
  });

  it('does nothing when every value is already the current one', () => {
    given(decider, [received])
      .when(correct({ receivedAt: '2026-03-01T15:15:00Z', channel: 'phone', language: 'es', anonymous: false }))
      .then([]);
  });

  it('ignores keys whose value is undefined', () => {
    given(decider, [received])
      .when(correct({ channel: 'whatsapp', language: undefined }))
      .then([
        {
          type: 'HotlineCallCorrected',
          data: { callId: CALL_ID, changes: { channel: 'whatsapp' }, reason: 'Error de digitación' },
        },
      ]);
  });

  it('updates the state and keeps the topic', () => {
    given(decider, [received, classified('trafficking', 'information')])
      .when(correct({ language: 'qu', callerUbigeo: '08' }))
      .thenState({ status: 'open', language: 'qu', callerUbigeo: '08', topic: 'trafficking', traffickingRelated: true });
  });

  it.each([
    ['an empty object', {}],
    ['only undefined values', { channel: undefined }],
    ['null', null],
    ['an array', ['channel']],
    ['a string', 'channel=web'],
  ])('refuses changes given as %s', (_label, changes) => {
    given(decider, [received]).when(correct(changes)).thenFieldErrors(['changes']);
  });

  it('refuses the topic: a call changes topic by re-classification', () => {
    given(decider, [received])
      .when(correct({ topic: 'trafficking' }))
      .thenFieldErrors(['changes.topic']);
  });

  it('refuses unknown keys, each by name', () => {
    given(decider, [received])
      .when(correct({ status: 'closed', callId: CALL_ID, channel: 'web' }))
      .thenFieldErrors(['changes.status', 'changes.callId']);
  });

  it('validates every value like a new call', () => {
    given(decider, [received])
      .when(
        correct({
          receivedAt: '2026-03-01T10:15:00',
          callerUbigeo: '999999',
          anonymous: 'no',
          summary: 'x'.repeat(4001),
        }),
      )
      .thenFieldErrors(['changes.receivedAt', 'changes.callerUbigeo', 'changes.anonymous', 'changes.summary']);
  });

  it.each([
    ['more than 5 minutes after now', '2026-03-01T15:25:01Z'],
    ['before 2000', '1999-12-31T23:59:59Z'],
  ])('refuses a receipt time %s', (_label, receivedAt) => {
    given(decider, [received]).when(correct({ receivedAt })).thenFieldErrors(['changes.receivedAt']);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'x'.repeat(501)],
  ])('requires a reason (%s)', (_label, reason) => {
    given(decider, [received])
      .when({ ...correct({ channel: 'web' }), data: { callId: CALL_ID, changes: { channel: 'web' }, reason: reason as never } })
      .thenFieldErrors(['reason']);
  });

  it('lists change and reason problems together', () => {
    given(decider, [received]).when(correct({}, '')).thenFieldErrors(['changes', 'reason']);
  });

  it('refuses a call that was never recorded', () => {
    given(decider, [])
      .when(correct({ channel: 'web' }))
      .thenThrows(NotFound, 'call_not_found');
  });

  it('refuses a closed call', () => {
    given(decider, [received, closed])
      .when(correct({ channel: 'web' }))
      .thenThrows(NotAllowed, 'call_closed');
  });
});
