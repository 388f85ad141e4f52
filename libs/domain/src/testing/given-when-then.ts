/**
 * Decider tests read as the business states them: given these past events, when this command, then these
 * events (or this refusal). No database, no clock: time comes in the command's metadata.
 *
 * Note: `when(...)` returns an object with a `then` method, which makes it "thenable"; call one of the
 * assertions on it, never `await` it or return it bare from a test.
 */
import { expect } from '@jest/globals';
import { fold, type Decider } from '../shared/decider.js';
import { DomainError } from '../shared/errors.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface WhenClause<Event, State> {
  /** The command is accepted and produces exactly these events ([] for a no-op). */
  then(expected: readonly Event[]): void;
  /** The command is accepted; the state after folding the given and produced events matches `expected`. */
  thenState(expected: Partial<State>): void;
  /** The command is refused with this error class and, if given, this DomainError code. */
  thenThrows(errorClass: ErrorClass, code?: string): void;
  /** The command is refused as invalid with problems on exactly these fields, each with both texts. */
  thenFieldErrors(fields: readonly string[]): void;
}

export interface GivenClause<Command, Event, State> {
  when(command: Command): WhenClause<Event, State>;
  /** The state the given events fold into. */
  state(): State;
}

export function given<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[] = [],
): GivenClause<Command, Event, State> {
  const state = () => fold(decider as Decider<unknown, Event, State>, events);

  function refusal(command: Command): unknown {
    try {
      const produced = decider.decide(command, state());
      throw new Error(`Expected the command to be refused, but it produced ${JSON.stringify(produced)}`);
    } catch (error) {
      return error;
    }
  }

  return {
    state,
    when: (command) => ({
      then(expected) {
        expect(decider.decide(command, state())).toEqual(expected);
      },
      thenState(expected) {
        const produced = decider.decide(command, state());
        const after = fold(decider as Decider<unknown, Event, State>, [...events, ...produced]);
        expect(after).toMatchObject(expected as Record<string, unknown>);
      },
      thenThrows(errorClass, code) {
        const error = refusal(command);
        // Rethrowing an unexpected error shows its message and stack, which toBeInstanceOf would hide.
        if (!(error instanceof errorClass)) throw error;
        if (code !== undefined) expect((error as DomainError).code).toBe(code);
      },
      thenFieldErrors(fields) {
        const error = refusal(command);
        if (!(error instanceof DomainError)) throw error;
        const problems = (error as DomainError).fields;
        expect((error as DomainError).kind).toBe('invalid');
        expect(problems.map((problem) => problem.field).sort()).toEqual([...fields].sort());
        for (const problem of problems) {
          expect(problem.reason).toEqual(expect.any(String));
          expect(problem.reasonEn).toEqual(expect.any(String));
          expect(problem.reason.length * problem.reasonEn.length).toBeGreaterThan(0);
        }
      },
    }),
  };
}
