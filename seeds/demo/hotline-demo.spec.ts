import { describe, expect, it } from '@jest/globals';
import { createHotlineCallDecider, limaMonth, type HotlineCallCommand, type HotlineCallState } from '#domain';
import { loadCatalogs, projectRoot } from '#platform';
import { DEMO_YEAR, type DemoRequest } from './demo-request.js';
import { generateDemoYear } from './demo-year.js';
import { generateHotlineCalls } from './hotline-demo.js';

const { ubigeo } = loadCatalogs(`${projectRoot()}/seeds`);
const NOW = '2026-11-27T12:00:00.000Z';

/** The command the hotline-calls controller makes of a request (path /hotline-calls[/:callId/:action]). */
function toCommand(request: DemoRequest): HotlineCallCommand {
  const [, callId, action] = request.path.split('/').slice(1);
  const { reason, ...changes } = request.body;
  const [type, data] =
    action === undefined
      ? ['RecordHotlineCall', request.body]
      : action === 'classification'
        ? ['ClassifyHotlineCall', { callId, ...request.body }]
        : action === 'correction'
          ? ['CorrectHotlineCall', { callId, changes, reason }]
          : ['CloseHotlineCall', { callId, ...request.body }];
  return { type, data, metadata: { now: NOW, actor: 'demo-test' } } as HotlineCallCommand;
}

describe('demo hotline year', () => {
  const calls = generateHotlineCalls(ubigeo, NOW);
  const records = calls.map((c) => c.requests[0].body);

  it('is the same on every run, one id per call', () => {
    expect(generateHotlineCalls(ubigeo, NOW)).toEqual(calls);
    expect(new Set(calls.map((c) => c.callId)).size).toBe(calls.length);
    expect(records.every((r, i) => r.callId === calls[i].callId)).toBe(true);
  });

  it('passes the decider, and every request records something (so an interrupted load can resume)', () => {
    const decider = createHotlineCallDecider({ ubigeo });
    for (const journey of generateDemoYear(ubigeo, NOW)) {
      let state: HotlineCallState = decider.initialState();
      for (const request of journey.requests.filter((r) =>
        /^\/hotline-calls(\/[^/]+\/(classification|correction|closure))?$/.test(r.path),
      )) {
        const events = decider.decide(toCommand(request), state);
        expect(events.length).toBeGreaterThan(0);
        state = events.reduce(decider.evolve, state);
      }
    }
  });

  it('looks like a year of the hotline: mostly information, about 9% trafficking, all months, most regions', () => {
    const trafficking = records.filter((r) => r.topic === 'trafficking').length;
    expect(trafficking / records.length).toBeGreaterThan(0.07);
    expect(trafficking / records.length).toBeLessThan(0.11);
    const months = new Set(records.map((r) => limaMonth(r.receivedAt as string)));
    expect([...months].sort()).toEqual(Array.from({ length: 12 }, (_, m) => `${DEMO_YEAR}-${String(m + 1).padStart(2, '0')}`));
    const departments = new Set(records.map((r) => (r.callerUbigeo as string | null)?.slice(0, 2) ?? 'unknown'));
    expect(departments.size).toBe(26); // 25 departments and calls without a place
    const closed = calls.filter((c) => c.closure !== null).length;
    expect(closed / calls.length).toBeGreaterThan(0.9);
    expect(calls.every((c) => c.closure === null || limaMonth(c.closure.closedAt) <= `${DEMO_YEAR}-12`)).toBe(true);
  });

  it('sends ids in the body for the record, and a per-call Idempotency-Key for every later step', () => {
    const steps = calls.flatMap((c) => c.requests.slice(1));
    expect(calls.every((c) => c.requests[0].idempotencyKey === undefined)).toBe(true);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((r) => r.idempotencyKey === `demo-${r.path.split('/')[2]}-${r.path.split('/')[3]}`)).toBe(true);
  });
});
