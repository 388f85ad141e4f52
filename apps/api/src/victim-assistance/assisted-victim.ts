import { departmentOfUbigeo, type AssistedVictim, type PoliceCaseState } from '#domain';

type Place = { ubigeo: string } | { country: string } | null | undefined;
const isAbroad = (place: Place) => place !== null && place !== undefined && 'country' in place;

/**
 * The victim as her case knows her, for the assistance decider: null when the case does not list her. Places
 * are absent from cases registered before they existed: such a case has no place abroad.
 */
export function assistedVictimOf(state: PoliceCaseState, victimId: string): AssistedVictim | null {
  if (state.status === 'unregistered') return null;
  const victim = state.victims.find((v) => v.victimId === victimId.toLowerCase());
  if (!victim) return null;
  const places = state.places ?? { recruitment: null, transit: [], exploitation: null };
  return {
    caseId: state.caseId,
    voided: victim.voided,
    department: departmentOfUbigeo(state.ubigeo),
    ubigeo: state.ubigeo,
    sex: victim.sex,
    age: victim.age,
    ageGroup: victim.ageGroup,
    nationality: victim.nationality,
    abroad: isAbroad(places.recruitment) || isAbroad(places.exploitation) || (places.transit ?? []).some(isAbroad),
    notBefore: state.occurredAt ?? state.registeredAt,
  };
}
