/**
 * Codes used on the wire. Protection measures of Ley 27378 (art. 5: reserva de identidad, de domicilio, protección
 * policial, cambio de residencia, …) and of the Código Procesal Penal (arts. 247–248: distorsión de voz e imagen,
 * espera separada); `gesell_testimony` is the single testimony of a victim in a Gesell chamber (entrevista única).
 */
export const PROTECTION_MEASURES = [
  'identity_reserve',
  'address_reserve',
  'police_protection',
  'residence_change',
  'voice_image_distortion',
  'separate_waiting',
  'gesell_testimony',
  'other',
] as const;
export type ProtectionMeasure = (typeof PROTECTION_MEASURES)[number];

/** Who a measure protects: a victim of the prosecution's case (by its id) or a witness (a reference of its own). */
export const PROTECTED_PERSON_KINDS = ['victim', 'witness'] as const;
export type ProtectedPersonKind = (typeof PROTECTED_PERSON_KINDS)[number];

/** A witness is named as the prosecutor's file names it ("testigo TP-12", a code or a name): sealed free text. */
export const WITNESS_REFERENCE_MAX_LENGTH = 200;
export const PROTECTION_NOTES_MAX_LENGTH = 500;

export const WITNESS_PROTECTION_STREAM_PREFIX = 'witness-protection-';

/** One stream per prosecution: the protection of its victims and witnesses. */
export function witnessProtectionStreamName(prosecutionId: string): string {
  return `${WITNESS_PROTECTION_STREAM_PREFIX}${prosecutionId.toLowerCase()}`;
}
