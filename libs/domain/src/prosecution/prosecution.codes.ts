/**
 * Codes used on the wire (the stage is the last segment of the URL that records it). They follow the stages of
 * the Código Procesal Penal (Decreto Legislativo 957): the prosecutor opens an investigación preliminar, then
 * either archives it or formalizes the investigación preparatoria; a formalized investigation ends in an
 * acusación (the case goes to trial) or a sobreseimiento (dismissal).
 */
export const PROSECUTION_STAGES = ['preliminary-investigation', 'archive', 'formalization', 'accusation', 'dismissal'] as const;
export type ProsecutionStage = (typeof PROSECUTION_STAGES)[number];

/** The longest office names ("Fiscalía Provincial Especializada en Delitos de Trata de Personas de …") fit well. */
export const PROSECUTION_OFFICE_MAX_LENGTH = 200;
/** Archive and dismissal reasons are short statements; the full resolution stays in the prosecutor's file. */
export const PROSECUTION_REASON_MAX_LENGTH = 500;

export const PROSECUTION_STREAM_PREFIX = 'prosecution-';

/** Stream name of a prosecution; ids are lower-cased as the decider stores them, so both spellings load one stream. */
export function prosecutionStreamName(prosecutionId: string): string {
  return `${PROSECUTION_STREAM_PREFIX}${prosecutionId.toLowerCase()}`;
}
