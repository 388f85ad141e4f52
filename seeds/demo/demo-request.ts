import type { UbigeoCatalog } from '#domain';
import { SeededRandom } from './random.js';

export const DEMO_SEED = 20250101;
export const DEMO_YEAR = 2025;
/** The first instant after the demo year in Lima (UTC-5 all year): nothing in the demo happens at or after it. */
export const DEMO_YEAR_END = Date.UTC(DEMO_YEAR + 1, 0, 1, 5);

/** One HTTP request of the API, exactly as the loader sends it (path relative to /api/v1). */
export interface DemoRequest {
  method: 'POST';
  path: string;
  body: Record<string, unknown>;
  /** Sent as the Idempotency-Key header; creates carry their id in the body instead and need none. */
  idempotencyKey?: string;
}

/** The requests of one story (a call and whatever followed it, or a case), to be sent in order. */
export interface DemoJourney {
  /** Id of the record the journey starts with (a call or a case). */
  id: string;
  requests: DemoRequest[];
}

export const post = (path: string, body: Record<string, unknown>, idempotencyKey?: string): DemoRequest =>
  idempotencyKey === undefined ? { method: 'POST', path, body } : { method: 'POST', path, body, idempotencyKey };

/** Body fields that date a step, in the order they are looked up (a case's `occurredAt` is the facts' date, not the step's). */
const STEP_DATE_FIELDS = [
  'receivedAt',
  'referredAt',
  'registeredAt',
  'acceptedAt',
  'rejectedAt',
  'completedAt',
  'revokedAt',
  'conductedAt',
  'openedAt',
  'ruledAt',
  'appealedAt',
  'finalAt',
  'closedAt',
  'occurredAt',
] as const;

/** When the act a request records happened; undefined for undated steps (re-classification, people added). */
export function stepDate(request: DemoRequest): string | undefined {
  for (const field of STEP_DATE_FIELDS) {
    const value = request.body[field];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * The clock of one journey: each step moves it forward by a random gap, never past the end of the demo period
 * (the end of the demo year, or now if that came first). A step that cannot fit returns null: the story stops
 * there, as a real one would still be waiting.
 */
export class JourneyClock {
  constructor(
    private readonly random: SeededRandom,
    private ms: number,
    private readonly limit: number,
  ) {}

  get now(): string {
    return new Date(this.ms).toISOString();
  }

  /** Advances by minHours to maxHours (whole seconds), shortened to what is left of the period. */
  advance(minHours: number, maxHours: number): string | null {
    const min = Math.max(1, Math.round(minHours * 3600));
    const left = Math.floor((this.limit - this.ms) / 1000);
    if (left < min) return null;
    this.ms += this.random.int(min, Math.min(Math.round(maxHours * 3600), left)) * 1000;
    return this.now;
  }
}

/** The last instant a demo step may take: the end of the demo year, or an hour before `now` if that is earlier. */
export function demoLimit(now: string): number {
  return Math.min(DEMO_YEAR_END - 1000, Date.parse(now) - 3_600_000);
}

export const DAY = 24;

/** What every follow-up generator shares: its own random stream (so the calls' draws never shift), places, clock limit. */
export interface DemoContext {
  random: SeededRandom;
  ubigeo: UbigeoCatalog;
  districts: Map<string, string[]>;
  limit: number;
  /** Numbers the fictitious names (Persona Demo 0001, …) across the whole demo. */
  people: { named: number };
}

export function createContext(
  ubigeo: UbigeoCatalog,
  districts: Map<string, string[]>,
  now: string,
  seed: number,
  people = { named: 0 },
): DemoContext {
  return { random: new SeededRandom(seed), ubigeo, districts, limit: demoLimit(now), people };
}

export const clockAt = (context: DemoContext, start: string): JourneyClock =>
  new JourneyClock(context.random, Date.parse(start), context.limit);
