import { departmentOfUbigeo } from '../reference/ubigeo.js';

/**
 * The one rule for a referral's department, shared by the pending queue (read models) and the department scope
 * check (API): its own `ubigeo`, else its source's department (the caller's place for a call, the case's place for
 * a case); 'unknown' when neither is known (a victim's referral without a place: visible to national tokens only).
 * The caller finds the source's department; this function only decides which one counts.
 */
export function departmentOfReferral(ubigeo: unknown, sourceDepartment: string | null): string {
  if (typeof ubigeo === 'string' && /^\d{2}/.test(ubigeo)) return departmentOfUbigeo(ubigeo);
  return sourceDepartment ?? 'unknown';
}
