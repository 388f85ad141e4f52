import type { Role } from '#platform';

/**
 * The registry's access rules that are not a route's own: need-to-know by role, who receives and who sends a
 * referral. Who may call each route (its roles, scope and audit) is declared on the handler with @Access
 * (access.ts); the OpenAPI document carries it (`x-registro-access`) and the README's "Roles" table is made from it.
 */
export const PUBLIC = 'public';

const A = 'admin';

/**
 * Need-to-know: the roles that may receive a record's personal fields (a victim's name, document, phone, address;
 * a call's summary), and only when they state a purpose (X-Purpose), which is audited. Other roles allowed on the
 * endpoint get the record without them (`personalDataWithheld: true`), and nothing is audited: the judiciary reads
 * cases but not the victims' contact data. `case` also decides who may search cases by a victim's document.
 */
export const PERSONAL_DATA_READERS = {
  case: ['police', 'prosecutor', A],
  hotline_call: ['operator', 'police', 'protection', A],
  /** A victim's assistance notes and shelter: the protection services that assist her (prosecutors read the acts' codes). */
  victim_assistance: ['protection', A],
} as const satisfies Record<string, readonly Role[]>;
export type PersonalRecordType = keyof typeof PERSONAL_DATA_READERS;

export const mayReceivePersonalData = (role: Role, recordType: PersonalRecordType): boolean =>
  (PERSONAL_DATA_READERS[recordType] as readonly Role[]).includes(role);

/** What GET /me says about personal data, so the console holds no copy of the rule. */
export const personalDataAccess = (role: Role) => ({
  case: mayReceivePersonalData(role, 'case'),
  hotline_call: mayReceivePersonalData(role, 'hotline_call'),
  documentSearch: mayReceivePersonalData(role, 'case'),
});

/**
 * Who receives a referral: each institution answers (accept, reject, complete) only the referrals addressed to it
 * and finds only those in the pending queue; roles not listed here (operator, admin) see and, if allowed, answer all.
 */
export const REFERRAL_RECEIVERS: Readonly<Partial<Record<Role, readonly string[]>>> = {
  police: ['PNP'],
  prosecutor: ['MINISTERIO_PUBLICO'],
  protection: ['MIMP', 'DEMUNA', 'SHELTER', 'OTHER'],
};

/**
 * Who revokes a referral: the sending side only. A call's referral is the hotline's (operators); a case's or a
 * victim's is the institution that sent it, read from the role recorded on the sending (`<role>:<sub>` in the
 * log): police for the cases they registered, prosecutors for what they sent. One sent by an admin on a case is
 * the police's, who register cases. Admin may revoke any.
 */
export const REFERRAL_SENDERS: Readonly<Record<string, readonly Role[]>> = {
  hotline_call: ['operator'],
  case: ['police', 'prosecutor'],
  victim: ['police', 'prosecutor'],
};

export function mayRevokeReferral(role: Role, referral: { sourceKind: string; sentBy: string | null }): boolean {
  if (role === A) return true;
  const senders = REFERRAL_SENDERS[referral.sourceKind] ?? [];
  if (!senders.includes(role)) return false;
  if (senders.length === 1) return true;
  const sentBy = senders.includes(referral.sentBy as Role) ? referral.sentBy : 'police';
  return sentBy === role;
}

/**
 * Need-to-know for a hotline call: police and protection read a call (even without its summary) only when it was
 * referred to them — a referral to one of their destinations that was not revoked. Operators and admins read all.
 */
export const CALL_READERS_BY_REFERRAL: Readonly<Partial<Record<Role, readonly string[]>>> = {
  police: REFERRAL_RECEIVERS.police,
  protection: REFERRAL_RECEIVERS.protection,
};

/** Where a shelter is, and which one, is for protection only (and admin): others read a shelter referral without them. */
export const SHELTER_DETAIL_READERS: readonly Role[] = ['protection', A];

/**
 * Who reads a referral (GET /referrals/{id}, the queue): the receiving institution (REFERRAL_RECEIVERS) and the
 * sending side (mayRevokeReferral); operators only the hotline's own referrals. Anyone else gets a 404, as for a
 * referral that does not exist.
 */
/** Roles that see only the referrals of some sources (operators: the hotline's own), in the queue and one by one. */
export const REFERRAL_SOURCES_SEEN: Readonly<Partial<Record<Role, readonly string[]>>> = { operator: ['hotline_call'] };

export function mayReadReferral(role: Role, referral: { to: string; sourceKind: string; sentBy: string | null }): boolean {
  if (role === A) return true;
  const sources = REFERRAL_SOURCES_SEEN[role];
  if (sources) return sources.includes(referral.sourceKind);
  if (REFERRAL_RECEIVERS[role]?.includes(referral.to)) return true;
  return referral.sourceKind !== 'hotline_call' && mayRevokeReferral(role, referral);
}

/** `/cases/:caseId` (Express) and `/cases/{caseId}` (OpenAPI) both become `/cases/{}`: parameter names do not matter. */
export function endpointKey(method: string, path: string): string {
  const shape = path
    .replace(/:[A-Za-z0-9_]+/g, '{}')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '');
  return `${method.toUpperCase()} ${shape || '/'}`;
}
