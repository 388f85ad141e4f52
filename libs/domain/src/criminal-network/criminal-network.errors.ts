import { Conflict, NotAllowed, NotFound } from '../shared/errors.js';

export const networkNotFound = (): NotFound =>
  new NotFound('network_not_found', 'La red criminal no está registrada', 'The criminal network has not been identified');

export const networkAlreadyIdentified = (): NotAllowed =>
  new NotAllowed('network_already_identified', 'La red criminal ya fue registrada', 'The criminal network has already been identified');

/** A second dismantling with another date would rewrite the first; a correction would be its own event. */
export const networkAlreadyDismantled = (): Conflict =>
  new Conflict('network_already_dismantled', 'La red criminal ya fue desarticulada', 'The criminal network has already been dismantled');
