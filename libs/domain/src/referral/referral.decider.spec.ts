import { describe, expect, it } from '@jest/globals';
import { DomainError, NotAllowed, NotFound } from '../shared/errors.js';
import { given } from '../testing/given-when-then.js';
import { REFERRAL_STREAM_PREFIX, referralStreamName } from './referral.codes.js';
import type { ReferralCommand } from './referral.commands.js';
import { REFERRAL_EVENT_TYPES } from './referral.events.js';
import { accept, accepted, complete, decider, NOW, reject, REFERRAL_ID, revoke, send, sent, STREAMS } from './referral.fixtures.js';
import type { ReferralState } from './referral.state.js';

type Status = ReferralState['status'];
const COMMANDS: Record<string, () => ReferralCommand> = { send, accept, reject, complete, revoke };

/** Every status × every command: the event type it produces, or the refusal code. */
const MATRIX: Record<Status, Record<keyof typeof COMMANDS, string>> = {
  unsent: {
    send: 'ReferralSent',
    accept: 'referral_not_found',
    reject: 'referral_not_found',
    complete: 'referral_not_found',
    revoke: 'referral_not_found',
  },
  sent: {
    send: 'referral_already_sent',
    accept: 'ReferralAccepted',
    reject: 'ReferralRejected',
    complete: 'referral_not_accepted',
    revoke: 'ReferralRevoked',
  },
  accepted: {
    send: 'referral_already_sent',
    accept: 'referral_not_pending',
    reject: 'referral_not_pending',
    complete: 'ReferralCompleted',
    revoke: 'ReferralRevoked',
  },
  rejected: {
    send: 'referral_already_sent',
    accept: 'referral_not_pending',
    reject: 'referral_not_pending',
    complete: 'referral_not_accepted',
    revoke: 'referral_closed',
  },
  completed: {
    send: 'referral_already_sent',
    accept: 'referral_not_pending',
    reject: 'referral_not_pending',
    complete: 'referral_not_accepted',
    revoke: 'referral_closed',
  },
  revoked: {
    send: 'referral_already_sent',
    accept: 'referral_not_pending',
    reject: 'referral_not_pending',
    complete: 'referral_not_accepted',
    revoke: 'referral_closed',
  },
};

const CASES = Object.entries(MATRIX).flatMap(([status, row]) =>
  Object.entries(row).map(([command, outcome]) => [status as Status, command, outcome] as const),
);

describe('the referral state machine', () => {
  it.each(CASES)('in %s, %s gives %s', (status, command, outcome) => {
    const build = COMMANDS[command]!;
    if (outcome.startsWith('Referral')) {
      const produced = decider.decide(build(), given(decider, STREAMS[status]).state());
      expect(produced.map((event) => event.type)).toEqual([outcome]);
    } else {
      const errorClass = outcome === 'referral_not_found' ? NotFound : NotAllowed;
      given(decider, STREAMS[status]).when(build()).thenThrows(errorClass, outcome);
    }
  });

  it('gives every refusal a Spanish and an English message', () => {
    for (const [status, command] of CASES) {
      try {
        decider.decide(COMMANDS[command]!(), given(decider, STREAMS[status]).state());
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        expect(error.messageEs.length * error.messageEn.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses an unknown command type at run time', () => {
    const command = { type: 'ForwardReferral', data: {}, metadata: { now: NOW, actor: 'x' } } as never;
    expect(() => decider.decide(command, decider.initialState())).toThrow(TypeError);
  });
});

describe('retries', () => {
  const retried = (command: ReferralCommand): ReferralCommand => ({
    ...command,
    metadata: { now: '2026-03-01T16:00:00.000Z', actor: 'api-retry' },
  });

  it.each([
    ['send', send(), []],
    ['accept', accept(), [sent]],
    ['reject', reject(), [sent]],
    ['complete', complete(), [sent, accepted]],
    ['revoke', revoke(), [sent, accepted]],
  ] as const)('%s produces byte-identical events at another time by another actor', (_label, command, events) => {
    const state = given(decider, events).state();
    const first = JSON.stringify(decider.decide(command, state));
    expect(JSON.stringify(decider.decide(retried(command), state))).toBe(first);
    expect(first).not.toContain('operator-7');
    expect(first).not.toContain(NOW);
  });
});

describe('REFERRAL_EVENT_TYPES and stream names', () => {
  it('lists the five event types', () => {
    expect([...REFERRAL_EVENT_TYPES]).toEqual([
      'ReferralSent',
      'ReferralAccepted',
      'ReferralRejected',
      'ReferralCompleted',
      'ReferralRevoked',
    ]);
  });

  it('names one stream for both spellings of an id', () => {
    expect(REFERRAL_STREAM_PREFIX).toBe('referral-');
    expect(referralStreamName(REFERRAL_ID.toUpperCase())).toBe(`referral-${REFERRAL_ID}`);
  });
});
