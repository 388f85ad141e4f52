import { describe, expect, it } from '@jest/globals';
import { PROSECUTION_STAGES, PROSECUTION_STREAM_PREFIX, prosecutionStreamName } from './prosecution.codes.js';
import { PROSECUTION_EVENT_TYPES } from './prosecution.events.js';
import { decider, HISTORY, metadata, NOW, open, PROSECUTION_ID, stage } from './prosecution.fixtures.js';
import { fold } from '../shared/decider.js';

const later = { now: '2026-06-02T10:00:00Z', actor: 'api-retry' };

describe('prosecution decider', () => {
  it('produces byte-identical events on a retry at another time by another actor', () => {
    const commands = [
      { command: open(), history: [] },
      { command: stage('archive', '2026-02-10T09:00:00-05:00', 'Sin indicios'), history: HISTORY.opened },
      { command: stage('dismissal', '2026-04-10T09:00:00-05:00', null), history: HISTORY.formalized },
    ];
    for (const { command, history } of commands) {
      const first = decider.decide(command, fold(decider, history));
      const retry = decider.decide({ ...command, metadata: later } as typeof command, fold(decider, history));
      expect(JSON.stringify(retry)).toBe(JSON.stringify(first));
      expect(JSON.stringify(first)).not.toContain(metadata.actor);
      expect(JSON.stringify(first)).not.toContain(NOW);
    }
  });

  it('refuses an unknown command type at run time', () => {
    const command = { type: 'DeleteProsecution', data: {}, metadata } as never;
    expect(() => decider.decide(command, decider.initialState())).toThrow(TypeError);
  });

  it('lists the six event types', () => {
    expect([...PROSECUTION_EVENT_TYPES]).toEqual([
      'ProsecutionOpened',
      'PreliminaryInvestigationOpened',
      'ProsecutionArchived',
      'InvestigationFormalized',
      'AccusationFiled',
      'ProsecutionDismissed',
    ]);
  });

  it('names the stages as the URLs do', () => {
    expect([...PROSECUTION_STAGES]).toEqual(['preliminary-investigation', 'archive', 'formalization', 'accusation', 'dismissal']);
  });

  it('names the stream with the lower-case id', () => {
    expect(PROSECUTION_STREAM_PREFIX).toBe('prosecution-');
    expect(prosecutionStreamName(PROSECUTION_ID.toUpperCase())).toBe(`prosecution-${PROSECUTION_ID}`);
  });
});
