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
