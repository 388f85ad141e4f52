import { NotAllowed, NotFound } from '../shared/errors.js';

export const callNotFound = (): NotFound =>
  new NotFound('call_not_found', 'La llamada no está registrada', 'The call has not been recorded');

export const callAlreadyRecorded = (): NotAllowed =>
  new NotAllowed('call_already_recorded', 'La llamada ya fue registrada', 'The call has already been recorded');

export const callClosed = (): NotAllowed =>
  new NotAllowed('call_closed', 'La llamada está cerrada y no admite cambios', 'The call is closed and cannot change');
