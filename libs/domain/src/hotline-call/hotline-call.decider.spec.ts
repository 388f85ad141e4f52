import { describe, expect, it } from '@jest/globals';
import { NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { HOTLINE_CALL_EVENT_TYPES } from './hotline-call.events.js';
import { CALL_ID, classified, classify, closed, decider, NOW, OTHER_CALL_ID, received, record } from './hotline-call.fixtures.js';

describe('RecordHotlineCall', () => {
  it('records a call, normalizing the id to lower case and the time to UTC', () => {
    given(decider, [])
      .when(record({ callId: CALL_ID.toUpperCase() }))
      .then([received]);
  });

  it('records absent caller place and summary as null', () => {
    given(decider, [])
      .when(record({ callerUbigeo: undefined, summary: undefined, anonymous: true }))
      .then([{ ...received, data: { ...received.data, callerUbigeo: null, summary: null, anonymous: true } }]);
  });

  it.each(['15', '1501', '080101'])('accepts the department, province or district code %s', (code) => {
    given(decider, [])
      .when(record({ callerUbigeo: code }))
      .then([{ ...received, data: { ...received.data, callerUbigeo: code } }]);
  });

  it('keeps a sealed summary as the opaque string it received', () => {
    const sealed = 'v1.' + 'A'.repeat(3997);
    given(decider, [])
      .when(record({ summary: sealed }))
      .then([{ ...received, data: { ...received.data, summary: sealed } }]);
  });

  it('tolerates a receipt time up to 5 minutes after now', () => {
    given(decider, [])
      .when(record({ receivedAt: '2026-03-01T15:25:00Z' }))
      .then([{ ...received, data: { ...received.data, receivedAt: '2026-03-01T15:25:00.000Z' } }]);
  });

  it('produces byte-identical events on a retry at another time by another actor', () => {
    const first = decider.decide(record(), decider.initialState());
    const retry = decider.decide({ ...record(), metadata: { now: '2026-03-01T16:00:00Z', actor: 'api-retry' } }, decider.initialState());
    expect(JSON.stringify(retry)).toBe(JSON.stringify(first));
    expect(JSON.stringify(first)).not.toContain('operator-7');
    expect(JSON.stringify(first)).not.toContain(NOW);
  });

  it.each([
    ['callId', { callId: 'not-a-uuid' }],
    ['receivedAt', { receivedAt: '2026-03-01' }],
    ['receivedAt', { receivedAt: '2026-03-01T10:15:00' }],
    ['receivedAt', { receivedAt: '2026-02-30T10:15:00-05:00' }],
    ['receivedAt', { receivedAt: '2026-03-01T15:25:01Z' }],
    ['receivedAt', { receivedAt: '1999-12-31T23:59:59Z' }],
    ['callerUbigeo', { callerUbigeo: '15010' }],
    ['callerUbigeo', { callerUbigeo: 150101 }],
    ['callerUbigeo', { callerUbigeo: '159999' }],
    ['anonymous', { anonymous: 'yes' }],
    ['anonymous', { anonymous: undefined }],
    ['summary', { summary: 'x'.repeat(4001) }],
    ['summary', { summary: 42 }],
  ])('refuses an invalid %s (%j)', (field, data) => {
    given(decider, []).when(record(data)).thenFieldErrors([field]);
  });

  it('lists every field problem at once', () => {
    given(decider, [])
      .when(record({ callId: 42, receivedAt: 'ayer', anonymous: 0 }))
      .thenFieldErrors(['callId', 'receivedAt', 'anonymous']);
  });

  it('refuses to record a call twice', () => {
    given(decider, [received]).when(record()).thenThrows(NotAllowed, 'call_already_recorded');
    given(decider, [received, closed]).when(record()).thenThrows(NotAllowed, 'call_already_recorded');
  });
});

describe('ClassifyHotlineCall', () => {
  it('re-classifies a call, keeping the previous topic and the reason', () => {
    given(decider, [received])
      .when(classify('trafficking', 'Captación con oferta de empleo falsa'))
      .then([
        {
          type: 'HotlineCallClassified',
          data: {
            callId: CALL_ID,
            topic: 'trafficking',
            previousTopic: 'information',
            reason: 'Captación con oferta de empleo falsa',
          },
        },
      ]);
  });

  it('records an absent reason as null', () => {
    given(decider, [received])
      .when(classify('trafficking'))
      .then([classified('trafficking', 'information')]);
  });

  it('makes a call trafficking-related and back', () => {
    given(decider, [received]).when(classify('trafficking')).thenState({ status: 'open', topic: 'trafficking', traffickingRelated: true });
    given(decider, [received, classified('trafficking', 'information')])
      .when(classify('labour_complaint'))
      .thenState({ status: 'open', topic: 'labour_complaint', traffickingRelated: false });
  });

  it('does nothing when the topic is already the current one', () => {
    given(decider, [received]).when(classify('information')).then([]);
    given(decider, [received, classified('trafficking', 'information')])
      .when(classify('trafficking'))
      .then([]);
  });

  it('refuses a too long reason', () => {
    given(decider, [received])
      .when(classify('trafficking', 'x'.repeat(501)))
      .thenFieldErrors(['reason']);
  });

  it('accepts a reason of exactly 500 characters', () => {
    const reason = 'x'.repeat(500);
    const expected = classified('trafficking', 'information');
    given(decider, [received])
      .when(classify('trafficking', reason))
      .then([{ ...expected, data: { ...expected.data, reason } }]);
  });

  it('refuses a call that was never recorded', () => {
    given(decider, []).when(classify('trafficking')).thenThrows(NotFound, 'call_not_found');
  });

  it('refuses a command naming another call than the stream holds', () => {
    given(decider, [received])
      .when(classify('trafficking', null, OTHER_CALL_ID))
      .thenThrows(NotFound, 'call_not_found');
  });

  it('accepts the call id in upper case', () => {
    given(decider, [received])
      .when(classify('trafficking', null, CALL_ID.toUpperCase()))
      .then([classified('trafficking', 'information')]);
  });

  it('refuses a closed call', () => {
    given(decider, [received, closed]).when(classify('trafficking')).thenThrows(NotAllowed, 'call_closed');
  });
});

describe('HOTLINE_CALL_EVENT_TYPES', () => {
  it('lists the four event types', () => {
    expect([...HOTLINE_CALL_EVENT_TYPES]).toEqual([
      'HotlineCallReceived',
      'HotlineCallClassified',
      'HotlineCallCorrected',
      'HotlineCallClosed',
    ]);
  });
});
