import { describe, expect, it } from '@jest/globals';
import { createHotlineCallDecider, limaMonth, type HotlineCallState } from '../../libs/domain/src/index.js';
import { loadCatalogs, projectRoot } from '../../libs/platform/src/index.js';
import { DEMO_YEAR, generateHotlineDemo } from './hotline-demo.js';

const { ubigeo } = loadCatalogs(`${projectRoot()}/seeds`);
const NOW = '2026-11-27T12:00:00.000Z';

describe('demo hotline year', () => {
  const journeys = generateHotlineDemo(ubigeo, NOW);

  it('is the same on every run', () => {
    expect(generateHotlineDemo(ubigeo, NOW)).toEqual(journeys);
    expect(new Set(journeys.map((j) => j.callId)).size).toBe(journeys.length);
  });

  it('passes the decider, and every command records something (so an interrupted load can resume)', () => {
    const decider = createHotlineCallDecider({ ubigeo });
    for (const journey of journeys) {
      let state: HotlineCallState = decider.initialState();
      for (const command of journey.commands) {
        const events = decider.decide(command, state);
        expect(events.length).toBeGreaterThan(0);
        state = events.reduce(decider.evolve, state);
      }
    }
  });

  it('looks like a year of the hotline: mostly information, about 9% trafficking, all months, most regions', () => {
    const records = journeys.map((j) => j.commands[0]).filter((c) => c.type === 'RecordHotlineCall');
    const trafficking = records.filter((c) => c.data.topic === 'trafficking').length;
    expect(trafficking / records.length).toBeGreaterThan(0.07);
    expect(trafficking / records.length).toBeLessThan(0.11);
    const months = new Set(records.map((c) => limaMonth(c.data.receivedAt)));
    expect([...months].sort()).toEqual(Array.from({ length: 12 }, (_, m) => `${DEMO_YEAR}-${String(m + 1).padStart(2, '0')}`));
    const departments = new Set(records.map((c) => c.data.callerUbigeo?.slice(0, 2) ?? 'unknown'));
    expect(departments.size).toBe(26); // 25 departments and calls without a place
    const closed = journeys.filter((j) => j.commands.at(-1)?.type === 'CloseHotlineCall').length;
    expect(closed / journeys.length).toBeGreaterThan(0.9);
  });
});
