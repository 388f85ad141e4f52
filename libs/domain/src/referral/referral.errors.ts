import { NotAllowed, NotFound } from '../shared/errors.js';

export const referralNotFound = (): NotFound =>
  new NotFound('referral_not_found', 'La derivación no está registrada', 'The referral has not been sent');

export const referralAlreadySent = (): NotAllowed =>
  new NotAllowed('referral_already_sent', 'La derivación ya fue enviada', 'The referral has already been sent');

/** Only a referral still awaiting the receiving institution's answer can be accepted or rejected. */
export const referralNotPending = (): NotAllowed =>
  new NotAllowed('referral_not_pending', 'La derivación ya no está pendiente de respuesta', 'The referral is no longer awaiting an answer');

export const referralNotAccepted = (): NotAllowed =>
  new NotAllowed('referral_not_accepted', 'Solo se puede concluir una derivación aceptada', 'Only an accepted referral can be completed');

export const referralClosed = (): NotAllowed =>
  new NotAllowed('referral_closed', 'La derivación está cerrada y no admite cambios', 'The referral is closed and cannot change');

/** Referrals feed the trafficking statistics: a call about anything else must not be counted as one. */
export const callNotTraffickingRelated = (): NotAllowed =>
  new NotAllowed(
    'call_not_trafficking_related',
    'Solo se puede derivar una llamada clasificada como relacionada con trata',
    'Only a call classified as trafficking-related can be referred',
  );
