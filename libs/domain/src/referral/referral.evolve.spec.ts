import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import type { ReferralEvent } from './referral.events.js';
import { accepted, completed, decider, rejected, revoked, sent, STREAMS } from './referral.fixtures.js';

describe('evolve', () => {
  it('starts unsent', () => {
    expect(decider.initialState()).toEqual({ status: 'unsent' });
  });

  it('holds the facts of each status', () => {
    expect(fold(decider, STREAMS.sent)).toEqual({ status: 'sent', ...sent.data });
    expect(fold(decider, STREAMS.accepted)).toEqual({ status: 'accepted', ...sent.data, ...accepted.data });
    expect(fold(decider, STREAMS.rejected)).toEqual({ status: 'rejected', ...sent.data, ...rejected.data });
    expect(fold(decider, STREAMS.completed)).toEqual({
      status: 'completed',
      ...sent.data,
      ...accepted.data,
      ...completed.data,
    });
    expect(fold(decider, STREAMS.revoked)).toEqual({
      status: 'revoked',
      ...sent.data,
      acceptedAt: null,
      linkedCaseId: null,
      ...revoked.data,
    });
    expect(fold(decider, [sent, accepted, revoked])).toEqual({
      status: 'revoked',
      ...sent.data,
      ...accepted.data,
      ...revoked.data,
    });
  });

  it('keeps no stray key of a stored event', () => {
    const noisy = { ...sent, data: { ...sent.data, status: 'completed', source: { ...sent.data.source, extra: 1 } } };
    expect(fold(decider, [noisy as ReferralEvent])).toEqual(fold(decider, [sent]));
  });

  it('ignores events that do not apply, without throwing', () => {
    expect(fold(decider, [accepted, rejected, completed, revoked])).toEqual({ status: 'unsent' });
    const resent = { ...sent, data: { ...sent.data, to: 'MIMP' as const } };
    expect(fold(decider, [sent, resent])).toEqual(fold(decider, [sent]));
    expect(fold(decider, [sent, completed])).toEqual(fold(decider, [sent]));
    expect(fold(decider, [sent, rejected, accepted, revoked])).toEqual(fold(decider, [sent, rejected]));
    expect(fold(decider, [sent, accepted, accepted, rejected])).toEqual(fold(decider, [sent, accepted]));
    expect(fold(decider, [...STREAMS.completed, revoked, completed])).toEqual(fold(decider, STREAMS.completed));
    expect(fold(decider, [sent, revoked, accepted, revoked])).toEqual(fold(decider, [sent, revoked]));
    const unknown = { type: 'ReferralForwarded', data: {} } as unknown as ReferralEvent;
    expect(fold(decider, [sent, unknown])).toEqual(fold(decider, [sent]));
  });
});
