import { NotAllowed, NotFound } from '../shared/errors.js';

export const caseNotFound = (): NotFound =>
  new NotFound('case_not_found', 'La denuncia no está registrada', 'The case has not been registered');

export const caseAlreadyRegistered = (): NotAllowed =>
  new NotAllowed('case_already_registered', 'La denuncia ya fue registrada', 'The case has already been registered');

export const caseClosed = (): NotAllowed =>
  new NotAllowed('case_closed', 'La denuncia está cerrada y no admite cambios', 'The case is closed and cannot change');

export const caseAlreadyReferred = (): NotAllowed =>
  new NotAllowed(
    'case_already_referred',
    'La denuncia ya fue remitida a la fiscalía',
    'The case has already been referred to the prosecutor',
  );

const onField = (field: string, reason: string, reasonEn: string) => [{ field, reason, reasonEn }];

export const victimNotFound = (): NotFound =>
  new NotFound(
    'victim_not_found',
    'La víctima no figura en la denuncia',
    'The victim is not listed in the case',
    onField('victimId', 'no figura en la denuncia', 'not listed in the case'),
  );

export const suspectNotFound = (): NotFound =>
  new NotFound(
    'suspect_not_found',
    'La persona investigada no figura en la denuncia',
    'The suspect is not listed in the case',
    onField('suspectId', 'no figura en la denuncia', 'not listed in the case'),
  );

export const victimVoided = (): NotAllowed =>
  new NotAllowed(
    'victim_voided',
    'La víctima fue anulada y no admite cambios',
    'The victim was voided and cannot change',
    onField('victimId', 'anulada: no admite correcciones ni otra anulación', 'voided: no correction nor second voiding'),
  );

export const suspectVoided = (): NotAllowed =>
  new NotAllowed(
    'suspect_voided',
    'La persona investigada fue anulada y no admite cambios',
    'The suspect was voided and cannot change',
    onField('suspectId', 'anulada: no admite otra anulación', 'voided: cannot be voided again'),
  );

export const caseNotClosed = (): NotAllowed =>
  new NotAllowed(
    'case_not_closed',
    'Solo se reabre una denuncia cerrada',
    'Only a closed case can be reopened',
    onField('caseId', 'la denuncia no está cerrada', 'the case is not closed'),
  );

export const caseAlreadySameFacts = (): NotAllowed =>
  new NotAllowed(
    'case_already_same_facts',
    'La denuncia ya fue marcada como los mismos hechos que otra',
    'The case has already been marked as the same facts as another',
    onField('caseId', 'ya está marcada como los mismos hechos de otra denuncia', 'already marked as the same facts as another case'),
  );

export const registryNumberAssigned = (): NotAllowed =>
  new NotAllowed(
    'registry_number_assigned',
    'La denuncia ya tiene otro número de registro',
    'The case already has another registry number',
    onField('registryNumber', 'el número de registro no cambia una vez asignado', 'a registry number never changes once assigned'),
  );
