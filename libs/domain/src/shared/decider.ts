/**
 * A decider is the whole behaviour of one stream type as three pure functions (Jérémie Chassaing's pattern,
 * as in Emmett): `decide` turns a command into events or throws a typed DomainError, `evolve` folds events
 * into state and never throws, `initialState` is the state of a stream that does not exist yet.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** What every command carries besides its data: who acts and when. Deciders never read a clock. */
export interface CommandMetadata {
  /** The moment the registry handles the command (ISO 8601, UTC). */
  now: string;
  /** Opaque actor reference (user id or service name). */
  actor: string;
}

/** An event as deciders see it: a type, its data, nothing else. Envelopes belong to the event store. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

export function fold<Event, State>(decider: Decider<unknown, Event, State>, events: readonly Event[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
