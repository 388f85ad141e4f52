import type { Role } from '../../../../libs/platform/src/index.js';

/**
 * Who may call what: one row per endpoint, `METHOD /path/{param}` as in the OpenAPI document. The guard looks the
 * matched route up here; a route missing from the table is refused to everyone (fail closed), and the role ×
 * endpoint test compares this table with the README's "Roles" table and with the OpenAPI document.
 * Department scope (which records a regional token sees) is a separate check: department-scope.ts.
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
  police: ['PNP'], prosecutor: ['MINISTERIO_PUBLICO'], protection: ['MIMP', 'DEMUNA', 'SHELTER', 'OTHER'],
};

/**
 * Who revokes a referral: the sending side only. A call's referral is the hotline's (operators); a case's or a
 * victim's is the institution that sent it, read from the role recorded on the sending (`<role>:<sub>` in the
 * log): police for the cases they registered, prosecutors for what they sent. One sent by an admin on a case is
 * the police's, who register cases. Admin may revoke any.
 */
export const REFERRAL_SENDERS: Readonly<Record<string, readonly Role[]>> = {
  hotline_call: ['operator'], case: ['police', 'prosecutor'], victim: ['police', 'prosecutor'],
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
  police: REFERRAL_RECEIVERS.police, protection: REFERRAL_RECEIVERS.protection,
};

/** Where a shelter is, and which one, is for protection only (and admin): others read a shelter referral without them. */
export const SHELTER_DETAIL_READERS: readonly Role[] = ['protection', A];

/**
 * Who reads a referral (GET /referrals/{id}, the queue): the receiving institution (REFERRAL_RECEIVERS) and the
 * sending side (mayRevokeReferral); operators only the hotline's own referrals. Anyone else gets a 404, as for a
 * referral that does not exist.
 */
export function mayReadReferral(role: Role, referral: { to: string; sourceKind: string; sentBy: string | null }): boolean {
  if (role === A) return true;
  if (role === 'operator') return referral.sourceKind === 'hotline_call';
  if (REFERRAL_RECEIVERS[role]?.includes(referral.to)) return true;
  return referral.sourceKind !== 'hotline_call' && mayRevokeReferral(role, referral);
}

export const ENDPOINT_POLICY: Readonly<Record<string, typeof PUBLIC | readonly Role[]>> = {
  'GET /health': PUBLIC,
  'GET /api/v1/me': ['operator', 'police', 'prosecutor', 'judiciary', 'protection', 'analyst', 'auditor', A],
  'POST /api/v1/auth/sign-in': PUBLIC,
  'GET /api/v1/auth/config': PUBLIC,

  'POST /api/v1/hotline-calls': ['operator', A],
  'GET /api/v1/hotline-calls': ['operator', A],
  'GET /api/v1/hotline-calls/{callId}': ['operator', 'police', 'protection', A],
  'POST /api/v1/hotline-calls/{callId}/classification': ['operator', A],
  'POST /api/v1/hotline-calls/{callId}/correction': ['operator', A],
  'POST /api/v1/hotline-calls/{callId}/closure': ['operator', A],
  'POST /api/v1/hotline-calls/{callId}/referrals': ['operator', A],

  'POST /api/v1/cases/{caseId}/referrals': ['police', 'prosecutor', A],
  'GET /api/v1/referrals': ['operator', 'police', 'prosecutor', 'protection', A],
  'GET /api/v1/referrals/{referralId}': ['operator', 'police', 'prosecutor', 'protection', A],
  'POST /api/v1/referrals/{referralId}/accept': ['police', 'prosecutor', 'protection', A],
  'POST /api/v1/referrals/{referralId}/reject': ['police', 'prosecutor', 'protection', A],
  'POST /api/v1/referrals/{referralId}/complete': ['police', 'prosecutor', 'protection', A],
  'POST /api/v1/referrals/{referralId}/revoke': ['operator', 'police', 'prosecutor', A],

  'POST /api/v1/cases': ['police', A],
  'GET /api/v1/cases': ['police', 'prosecutor', 'judiciary', A],
  'POST /api/v1/cases/search': PERSONAL_DATA_READERS.case,
  'GET /api/v1/cases/{caseId}': ['police', 'prosecutor', 'judiciary', A],
  'GET /api/v1/cases/{caseId}/timeline': ['police', 'prosecutor', 'judiciary', A],
  'POST /api/v1/cases/{caseId}/victims': ['police', A],
  'POST /api/v1/cases/{caseId}/suspects': ['police', A],
  'POST /api/v1/cases/{caseId}/operations': ['police', A],
  'POST /api/v1/cases/{caseId}/prosecutor-referral': ['police', A],
  'POST /api/v1/cases/{caseId}/closure': ['police', A],

  'GET /api/v1/prosecutions/{prosecutionId}': ['police', 'prosecutor', 'judiciary', A],
  'POST /api/v1/prosecutions/{prosecutionId}/{stage}': ['prosecutor', A],
  'POST /api/v1/trials': ['judiciary', A],
  'GET /api/v1/trials/{trialId}': ['police', 'prosecutor', 'judiciary', A],
  'POST /api/v1/trials/{trialId}/rulings': ['judiciary', A],
  'POST /api/v1/trials/{trialId}/appeals': ['judiciary', A],
  'POST /api/v1/trials/{trialId}/finality': ['judiciary', A],

  'GET /api/v1/statistics/hotline': ['operator', 'police', 'prosecutor', 'protection', 'analyst', A],
  'GET /api/v1/statistics/referrals': ['operator', 'police', 'prosecutor', 'protection', 'analyst', A],
  'GET /api/v1/statistics/monthly': ['police', 'prosecutor', 'analyst', A],
  'GET /api/v1/statistics/inei/{year}': ['analyst', A],
  'GET /api/v1/statistics/release-points': ['analyst', 'auditor', A],
  'POST /api/v1/statistics/release-points': [A],
  'POST /api/v1/publications': ['analyst', A],
  'GET /api/v1/publications': ['analyst', 'auditor', A],
  'GET /api/v1/publications/{id}': ['analyst', 'auditor', A],
  'GET /api/v1/publications/{id}/revisions': ['analyst', 'auditor', A],

  'GET /api/v1/audit': ['auditor', A],
  'POST /api/v1/integrity/verifications': ['auditor', A],
  'GET /api/v1/integrity/verifications': ['auditor', A],
  'GET /api/v1/integrity/verifications/{verificationId}': ['auditor', A],
  'POST /api/v1/integrity/anchors': ['auditor', A],
  'POST /api/v1/subjects/{subjectId}/erasure-requests': [A],
  'POST /api/v1/erasure-requests/{requestId}/approval': [A],
};

/** `/cases/:caseId` (Express) and `/cases/{caseId}` (OpenAPI) both become `/cases/{}`: parameter names do not matter. */
export function endpointKey(method: string, path: string): string {
  const shape = path.replace(/:[A-Za-z0-9_]+/g, '{}').replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
  return `${method.toUpperCase()} ${shape || '/'}`;
}

const BY_KEY = new Map(Object.entries(ENDPOINT_POLICY).map(([endpoint, roles]) => {
  const [method, path] = endpoint.split(' ');
  return [endpointKey(method, path), roles] as const;
}));

/** The roles allowed on a route, `public`, or null when the route is not in the table (refused). */
export function allowedRoles(method: string, path: string): typeof PUBLIC | readonly Role[] | null {
  return BY_KEY.get(endpointKey(method, path)) ?? null;
}

/** Every endpoint of the table the role may call (public ones included), as `METHOD /path`: what GET /me lists. */
export function allowedEndpoints(role: Role): string[] {
  return Object.entries(ENDPOINT_POLICY).filter(([, roles]) => roles === PUBLIC || roles.includes(role)).map(([endpoint]) => endpoint);
}
