import type { TypedRecordedEvent } from '#event-store';
import {
  CRIMINAL_NETWORK_EVENT_TYPES,
  HOTLINE_CALL_EVENT_TYPES,
  POLICE_CASE_EVENT_TYPES,
  PROSECUTION_EVENT_TYPES,
  REFERRAL_EVENT_TYPES,
  TRIAL_EVENT_TYPES,
  VICTIM_ASSISTANCE_EVENT_TYPES,
  WITNESS_PROTECTION_EVENT_TYPES,
  type CriminalNetworkEvent,
  type HotlineCallEvent,
  type PoliceCaseEvent,
  type ProsecutionEvent,
  type ReferralEvent,
  type TrialEvent,
  type VictimAssistanceEvent,
  type WitnessProtectionEvent,
} from '#domain';

/** Every event the registry's streams record. */
export type RegistryEvent =
  | HotlineCallEvent
  | ReferralEvent
  | PoliceCaseEvent
  | ProsecutionEvent
  | TrialEvent
  | CriminalNetworkEvent
  | WitnessProtectionEvent
  | VictimAssistanceEvent;

/** An event as a projection receives it: `switch (event.type)` narrows `event.data` to the domain's own type. */
export type Recorded<E extends RegistryEvent = RegistryEvent> = TypedRecordedEvent<E>;

/** Every event type of every stream, for the projections that see the whole log (the statistics ledger). */
export const REGISTRY_EVENT_TYPES = [
  ...HOTLINE_CALL_EVENT_TYPES,
  ...REFERRAL_EVENT_TYPES,
  ...POLICE_CASE_EVENT_TYPES,
  ...PROSECUTION_EVENT_TYPES,
  ...TRIAL_EVENT_TYPES,
  ...CRIMINAL_NETWORK_EVENT_TYPES,
  ...WITNESS_PROTECTION_EVENT_TYPES,
  ...VICTIM_ASSISTANCE_EVENT_TYPES,
] as const satisfies readonly RegistryEvent['type'][];

/**
 * Compile-time check that each stream's list names every type of its union (the domain's `satisfies` only checks
 * the other direction), so a new event type is never silently left out of what projections handle.
 */
type Missing<E extends RegistryEvent, L extends readonly string[]> = Exclude<E['type'], L[number]>;
const _exhaustive: [
  Missing<HotlineCallEvent, typeof HOTLINE_CALL_EVENT_TYPES>,
  Missing<ReferralEvent, typeof REFERRAL_EVENT_TYPES>,
  Missing<PoliceCaseEvent, typeof POLICE_CASE_EVENT_TYPES>,
  Missing<ProsecutionEvent, typeof PROSECUTION_EVENT_TYPES>,
  Missing<TrialEvent, typeof TRIAL_EVENT_TYPES>,
  Missing<CriminalNetworkEvent, typeof CRIMINAL_NETWORK_EVENT_TYPES>,
  Missing<WitnessProtectionEvent, typeof WITNESS_PROTECTION_EVENT_TYPES>,
  Missing<VictimAssistanceEvent, typeof VICTIM_ASSISTANCE_EVENT_TYPES>,
] extends [never, never, never, never, never, never, never, never]
  ? true
  : never = true;
