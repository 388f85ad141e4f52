import { NotAllowed, NotFound } from '../shared/errors.js';

export const prosecutionNotFound = (): NotFound =>
  new NotFound('prosecution_not_found', 'La investigación fiscal no está registrada', 'The prosecution has not been opened');

export const prosecutionAlreadyOpened = (): NotAllowed =>
  new NotAllowed('prosecution_already_opened', 'La investigación fiscal ya fue registrada', 'The prosecution has already been opened');

/** Archivo and sobreseimiento end the prosecution in this registry; a reopening would be a new prosecution. */
export const prosecutionClosed = (): NotAllowed =>
  new NotAllowed(
    'prosecution_closed',
    'La investigación fiscal está concluida (archivada o sobreseída) y no admite más etapas',
    'The prosecution is closed (archived or dismissed) and admits no further stage',
  );

export const prosecutionStageOutOfOrder = (stage: string, status: string): NotAllowed =>
  new NotAllowed(
    'stage_out_of_order',
    `La etapa «${stage}» no procede en el estado actual «${status}» de la investigación fiscal`,
    `Stage "${stage}" cannot follow the prosecution's current status "${status}"`,
  );
