import type { Request } from 'express';
import type { RequestWithActor } from '#platform';
import { mayReceivePersonalData, type PersonalRecordType } from '../auth/endpoint-policy.js';
import { purposeOf } from './request-audit.js';

/**
 * Whether this request's answer carries the record's personal fields: only to a role of PERSONAL_DATA_READERS
 * that states a purpose (X-Purpose). The controllers withhold the fields when not, and the audit interceptor
 * records the read exactly when so: both ask this one function.
 */
export function disclosesPersonalData(request: Request, recordType: PersonalRecordType): boolean {
  const actor = (request as Request & RequestWithActor).actor;
  return actor !== undefined && mayReceivePersonalData(actor.role, recordType) && purposeOf(request) !== null;
}
