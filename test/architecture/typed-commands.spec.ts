import { describe, expect, it } from '@jest/globals';
import type { Unstamped } from '../../apps/api/src/shared/command-service.js';
import type { CommandOf } from '../../apps/api/src/shared/stream-types.js';
import { createHotlineCallDecider, initialHotlineCallState } from '#domain';

/**
 * Every command an endpoint sends is its stream's own command type, checked by the compiler: `npm test` type-checks
 * this file (`tsc --noEmit`), and each line marked `@ts-expect-error` must BE an error, or the check fails with
 * "Unused '@ts-expect-error' directive". So a misspelt type, a code outside its list or a field of another command
 * cannot reach a decider.
 */
type CallCommand = Unstamped<CommandOf<'hotlineCall'>>;

const record: CallCommand = {
  type: 'RecordHotlineCall',
  data: {
    callId: '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f',
    receivedAt: '2026-11-30T15:00:00Z',
    channel: 'phone',
    language: 'qu',
    anonymous: true,
    topic: 'trafficking',
  },
};

// @ts-expect-error a misspelt command type
const misspelt: CallCommand = { type: 'RecordHotlinecall', data: record.data };
// @ts-expect-error a channel that is not one of the codes
const badChannel: CallCommand = { type: 'RecordHotlineCall', data: { ...record.data, channel: 'fax' } };
// @ts-expect-error a topic in Spanish instead of its code
const badTopic: CallCommand = { type: 'ClassifyHotlineCall', data: { callId: record.data.callId, topic: 'trata' } };
// @ts-expect-error a referral's command sent to the hotline-call stream
const otherStream: CallCommand = { type: 'SendReferral', data: { referralId: record.data.callId } };
// @ts-expect-error the stream kind itself is checked
const unknownKind: Unstamped<CommandOf<'hotlineCalls'>> = record;
const ruling = { trialId: record.data.callId, ruledAt: record.data.receivedAt, defendants: [] };
// @ts-expect-error a verdict outside the codes
const badVerdict: Unstamped<CommandOf<'trial'>> = { type: 'IssueRuling', data: { ...ruling, verdict: 'guilty' } };

describe('typed commands', () => {
  it('accepts a well-typed command, and the decider takes it as it is', () => {
    const decider = createHotlineCallDecider({ ubigeo: { isKnown: () => true } });
    const events = decider.decide(
      { ...record, metadata: { now: '2026-12-01T00:00:00Z', actor: 'operator:test' } } as CommandOf<'hotlineCall'>,
      initialHotlineCallState(),
    );
    expect(events.map((e) => e.type)).toEqual(['HotlineCallReceived']);
    expect([misspelt, badChannel, badTopic, otherStream, unknownKind, badVerdict]).toHaveLength(6);
  });
});
