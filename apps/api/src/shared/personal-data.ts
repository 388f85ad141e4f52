import type { PoliceCaseState } from '#domain';

/** An erased victim keeps its record (sex, age, nationality count in the statistics); its personal fields are null. */
export function markErasedVictims(state: PoliceCaseState, erased: ReadonlySet<string>): PoliceCaseState {
  if (state.status === 'unregistered' || erased.size === 0) return state;
  return { ...state, victims: state.victims.map((v) => (erased.has(v.victimId) ? { ...v, erased: true } : v)) };
}

/**
 * A case as its views show it once a victim is erased: the erased victim's age only as its group (ageGroup stays,
 * age is null), her nationality as it is, and the case's place only as its department (the UBIGEO's first two
 * digits), so that the exact district and age cannot single her out again. The statistics are unchanged.
 */
export function coarsenErased<S extends object>(state: S): S {
  const view = state as { victims?: Array<{ erased?: boolean; age?: unknown }>; ubigeo?: unknown };
  if (!view.victims?.some((v) => v.erased)) return state;
  return {
    ...state,
    ...(typeof view.ubigeo === 'string' ? { ubigeo: view.ubigeo.slice(0, 2) } : {}),
    victims: view.victims.map((v) => (v.erased ? { ...v, age: null } : v)),
  };
}

/** A case's answer: the victims' personal parts as they are, or each `null` when withheld (no purpose, no need to know). */
export function casePersonalView<S extends object>(state: S, disclose: boolean): S & { personalDataWithheld: boolean } {
  const victims = (state as { victims?: Array<{ personal: unknown }> }).victims;
  if (disclose || !victims) return { ...state, personalDataWithheld: !disclose };
  return { ...state, victims: victims.map((v) => ({ ...v, personal: null })), personalDataWithheld: true };
}
