import { NotAllowed, NotFound } from '../shared/errors.js';

export const trialNotFound = (): NotFound =>
  new NotFound('trial_not_found', 'El juicio no está registrado', 'The trial has not been opened');

export const trialAlreadyOpened = (): NotAllowed =>
  new NotAllowed('trial_already_opened', 'El juicio ya fue registrado', 'The trial has already been opened');

export const prosecutionNotAccused = (): NotAllowed =>
  new NotAllowed(
    'prosecution_not_accused',
    'El juicio requiere una investigación fiscal con acusación',
    'The trial needs an accused prosecution',
  );

/** A final ruling (cosa juzgada) is not reopened in this registry; a review (revisión) would be a new record. */
export const trialFinal = (): NotAllowed =>
  new NotAllowed('trial_final', 'La sentencia del juicio está firme y no admite cambios', "The trial's ruling is final and cannot change");

export const rulingNotAllowed = (): NotAllowed =>
  new NotAllowed(
    'ruling_not_allowed',
    'Solo se dicta sentencia en un juicio abierto o con la sentencia apelada',
    'A ruling is issued only in an opened trial or after an appeal',
  );

export const appealNotAllowed = (): NotAllowed =>
  new NotAllowed('appeal_not_allowed', 'Solo se apela una sentencia dictada', 'Only an issued ruling can be appealed');

export const finalityNotAllowed = (): NotAllowed =>
  new NotAllowed(
    'finality_not_allowed',
    'Solo queda firme una sentencia dictada y no apelada',
    'Only an issued ruling that is not under appeal can become final',
  );
