import { Conflict, NotAllowed } from '../shared/errors.js';

/** The case does not list her (or her assistance record is another case's): the police case's own "not found". */
export { victimNotFound as assistedVictimNotFound } from '../police-case/police-case.errors.js';

export const assistedVictimVoided = (): NotAllowed =>
  new NotAllowed('assisted_victim_voided', 'La víctima fue anulada en su caso', 'The victim was voided in her case');

export const assistanceConsentRequired = (): NotAllowed =>
  new NotAllowed(
    'assistance_consent_required',
    'Se requiere el consentimiento de la víctima (Ley 29733) antes de registrar la atención',
    "The victim's consent (Ley 29733) is required before recording assistance",
  );

export const shelterStayNotAllowed = (): NotAllowed =>
  new NotAllowed(
    'shelter_stay_not_allowed',
    'Solo ingresa a un albergue quien no está albergada, y solo egresa quien lo está',
    'Only a victim not sheltered is admitted, and only a sheltered one exits',
  );

export const assistanceActIdInUse = (): Conflict =>
  new Conflict('assistance_act_id_in_use', 'El actId ya se usó para otro acto de atención', 'The actId is already used by another act', [
    {
      field: 'actId',
      reason: 'ya se usó para otro acto; omítalo o use uno nuevo',
      reasonEn: 'already used by another act; omit it or use a new one',
    },
  ]);
