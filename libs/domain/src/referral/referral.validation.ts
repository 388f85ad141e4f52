/** Field rules and state guards shared by the referral commands. */
import { checkOptionalUbigeo, isUuid, problem, type Problems } from '../shared/validation.js';
import { referralNotFound } from './referral.errors.js';
import type { AcceptedReferral, ReferralState, UnsentReferral } from './referral.state.js';

/** The reference data a referral decider needs, injected so that the decider stays pure. */
export interface ReferralReference {
  ubigeo: { isKnown(code: string): boolean };
}

/** Department or province codes are accepted: the receiving unit's district is not always known. */
export function checkUbigeo(problems: Problems, field: string, value: unknown, reference: ReferralReference): string | null | undefined {
  return checkOptionalUbigeo(problems, field, value, reference.ubigeo);
}

/** Ids are stored lower-case so that the same id typed two ways links the same record. */
export function checkOptionalUuid(problems: Problems, field: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (isUuid(value)) return value.toLowerCase();
  problems.push(problem(field, 'Debe ser un UUID o nulo', 'Must be a UUID, or null'));
  return undefined;
}

/** Lower bound of an answer's or a revocation's time: a transition cannot precede the sending. */
export const notBeforeSent = (referral: { referredAt: string }) => ({
  instant: referral.referredAt,
  reason: 'No puede ser anterior al envío de la derivación',
  reasonEn: 'Cannot be before the referral was sent',
});

export const notBeforeAccepted = (referral: Pick<AcceptedReferral, 'acceptedAt'>) => ({
  instant: referral.acceptedAt,
  reason: 'No puede ser anterior a la aceptación de la derivación',
  reasonEn: 'Cannot be before the referral was accepted',
});

/**
 * Every command after the sending needs a sent referral. The command's id must name the stream's referral: a
 * mismatch means the handler loaded the wrong stream, which is reported as "not found". Status rules are each
 * command's own.
 */
export function requireSentReferral(state: ReferralState, referralId: unknown): Exclude<ReferralState, UnsentReferral> {
  if (state.status === 'unsent' || !isUuid(referralId) || referralId.toLowerCase() !== state.referralId) {
    throw referralNotFound();
  }
  return state;
}

/** Commands are typed, but they are built from wire input; a missing `data` must become field problems, not a crash. */
export function dataOf(command: { data?: unknown }): Record<string, unknown> {
  return objectOrEmpty(command.data);
}

export function objectOrEmpty(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
