import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import { MAX_SENTENCE_YEARS, TRIAL_STREAM_PREFIX, trialStreamName, VERDICTS } from './trial.codes.js';
import type { TrialCommand } from './trial.commands.js';
import { TRIAL_EVENT_TYPES, type TrialEvent } from './trial.events.js';
import { appeal, declareFinal, decider, HISTORY, metadata, NOW, open, rule, TRIAL_ID } from './trial.fixtures.js';

const later = { now: '2026-09-02T10:00:00Z', actor: 'api-retry' };

describe('trial decider', () => {
  it.each<[string, TrialCommand, readonly TrialEvent[]]>([
    ['OpenTrial', open(), []],
    ['IssueRuling', rule({ sentenceYears: 8.5 }), HISTORY.opened],
    ['AppealRuling', appeal(), HISTORY.ruled],
    ['DeclareRulingFinal', declareFinal(), HISTORY.ruled],
  ])('produces byte-identical %s events on a retry at another time by another actor', (_name, command, history) => {
    const first = decider.decide(command, fold(decider, history));
    const retry = decider.decide({ ...command, metadata: later }, fold(decider, history));
    expect(first).toHaveLength(1);
    expect(JSON.stringify(retry)).toBe(JSON.stringify(first));
    expect(JSON.stringify(first)).not.toContain(metadata.actor);
    expect(JSON.stringify(first)).not.toContain(NOW);
  });

  it('refuses an unknown command type at run time', () => {
    const command = { type: 'ReopenTrial', data: {}, metadata } as never;
    expect(() => decider.decide(command, decider.initialState())).toThrow(TypeError);
  });

  it('lists the four event types', () => {
    expect([...TRIAL_EVENT_TYPES]).toEqual(['TrialOpened', 'RulingIssued', 'RulingAppealed', 'RulingBecameFinal']);
  });

  it('has two verdicts and a 35-year ceiling', () => {
    expect([...VERDICTS]).toEqual(['conviction', 'acquittal']);
    expect(MAX_SENTENCE_YEARS).toBe(35);
  });

  it('names the stream with the lower-case id', () => {
    expect(TRIAL_STREAM_PREFIX).toBe('trial-');
    expect(trialStreamName(TRIAL_ID.toUpperCase())).toBe(`trial-${TRIAL_ID}`);
  });
});
