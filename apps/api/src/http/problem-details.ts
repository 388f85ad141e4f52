/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Every `code` the API can answer is listed here
 * once, with its HTTP status and a short title in both languages: the filter answers with it, the OpenAPI document
 * describes it, and `npm run openapi` writes docs/errors.md from it (a test fails when a code in the sources is
 * missing here).
 */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * `type` is a relative URI reference, `/problems/<code>`: stable across deployments (RFC 9457 §3.1.1 resolves it
 * against the request's URI); docs/errors.md documents every one.
 */
export const problemType = (code: string): string => `/problems/${code}`;

export interface ProblemType {
  status: number;
  es: string;
  en: string;
}

/** Code → status and title (es, en). Titles are the type's summary; `detail` says what happened this time. */
export const PROBLEM_TYPES = {
  // 503: the registry cannot serve yet (readiness probe)
  not_ready: { status: 503, es: 'No preparado', en: 'Not ready' },
  // 400: the request itself
  invalid_command: { status: 400, es: 'Datos no válidos', en: 'Invalid data' },
  malformed_json: { status: 400, es: 'JSON mal formado', en: 'Malformed JSON' },
  bad_request: { status: 400, es: 'Solicitud no válida', en: 'Bad request' },
  // 401, 403: the credential
  unauthorized: { status: 401, es: 'Credencial requerida', en: 'Credential required' },
  token_scope_missing: { status: 401, es: 'Credencial sin alcance', en: 'Credential without scope' },
  sign_in_link_used: { status: 401, es: 'Enlace de acceso ya usado', en: 'Sign-in link already used' },
  forbidden: { status: 403, es: 'Operación no permitida', en: 'Operation not allowed' },
  // 404: what the request names does not exist (or is outside the credential's need to know)
  not_found: { status: 404, es: 'No encontrado', en: 'Not found' },
  call_not_found: { status: 404, es: 'Llamada no encontrada', en: 'Call not found' },
  case_not_found: { status: 404, es: 'Caso no encontrado', en: 'Case not found' },
  victim_not_found: { status: 404, es: 'Víctima no encontrada en el caso', en: 'Victim not found in the case' },
  suspect_not_found: { status: 404, es: 'Persona investigada no encontrada en el caso', en: 'Suspect not found in the case' },
  referral_not_found: { status: 404, es: 'Derivación no encontrada', en: 'Referral not found' },
  prosecution_not_found: { status: 404, es: 'Investigación fiscal no encontrada', en: 'Prosecution not found' },
  trial_not_found: { status: 404, es: 'Proceso judicial no encontrado', en: 'Trial not found' },
  network_not_found: { status: 404, es: 'Red criminal no encontrada', en: 'Criminal network not found' },
  subject_not_found: { status: 404, es: 'Persona no encontrada', en: 'Data subject not found' },
  erasure_request_not_found: { status: 404, es: 'Solicitud de supresión no encontrada', en: 'Erasure request not found' },
  verification_not_found: { status: 404, es: 'Verificación no encontrada', en: 'Verification not found' },
  sign_in_unavailable: { status: 404, es: 'Acceso por enlace no disponible', en: 'Sign-in links unavailable' },
  // 409: the request conflicts with what the registry holds or has reached
  version_conflict: { status: 409, es: 'El registro cambió', en: 'The record has changed' },
  idempotency_conflict: { status: 409, es: 'Id ya usado con otro contenido', en: 'Id used with other content' },
  id_in_use: { status: 409, es: 'Id en uso', en: 'Id in use' },
  assistance_act_id_in_use: { status: 409, es: 'Id de acto de atención en uso', en: 'Assistance act id in use' },
  position_not_reached: { status: 409, es: 'Posición aún no alcanzada', en: 'Position not reached yet' },
  no_release_point: { status: 409, es: 'Sin punto de publicación', en: 'No release point' },
  network_already_dismantled: { status: 409, es: 'Red criminal ya desarticulada', en: 'Criminal network already dismantled' },
  erasure_needs_second_admin: { status: 409, es: 'Se requiere otro administrador', en: 'A second admin is required' },
  // 413
  body_too_large: { status: 413, es: 'Cuerpo demasiado grande', en: 'Body too large' },
  // 422: valid, but the record's current state does not allow it
  call_already_recorded: { status: 422, es: 'Llamada ya registrada', en: 'Call already recorded' },
  call_closed: { status: 422, es: 'Llamada cerrada', en: 'Call closed' },
  call_not_trafficking_related: { status: 422, es: 'Llamada no relacionada con trata', en: 'Call not trafficking-related' },
  case_already_registered: { status: 422, es: 'Caso ya registrado', en: 'Case already registered' },
  case_already_referred: { status: 422, es: 'Caso ya derivado a fiscalía', en: 'Case already referred' },
  case_closed: { status: 422, es: 'Caso cerrado', en: 'Case closed' },
  case_not_closed: { status: 422, es: 'Caso no cerrado', en: 'Case not closed' },
  case_already_same_facts: { status: 422, es: 'Caso ya marcado como los mismos hechos', en: 'Case already marked as the same facts' },
  victim_voided: { status: 422, es: 'Víctima anulada', en: 'Victim voided' },
  suspect_voided: { status: 422, es: 'Persona investigada anulada', en: 'Suspect voided' },
  registry_number_assigned: { status: 422, es: 'Número de registro ya asignado', en: 'Registry number already assigned' },
  referral_already_sent: { status: 422, es: 'Derivación ya enviada', en: 'Referral already sent' },
  referral_closed: { status: 422, es: 'Derivación cerrada', en: 'Referral closed' },
  referral_not_accepted: { status: 422, es: 'Derivación no aceptada', en: 'Referral not accepted' },
  referral_not_pending: { status: 422, es: 'Derivación no pendiente', en: 'Referral not pending' },
  prosecution_already_opened: { status: 422, es: 'Investigación ya abierta', en: 'Prosecution already opened' },
  prosecution_closed: { status: 422, es: 'Investigación concluida', en: 'Prosecution closed' },
  prosecution_not_accused: { status: 422, es: 'Investigación sin acusación', en: 'Prosecution without accusation' },
  stage_out_of_order: { status: 422, es: 'Etapa fuera de orden', en: 'Stage out of order' },
  network_already_identified: { status: 422, es: 'Red criminal ya registrada', en: 'Criminal network already identified' },
  trial_already_opened: { status: 422, es: 'Proceso ya abierto', en: 'Trial already opened' },
  trial_final: { status: 422, es: 'Sentencia firme', en: 'Judgment final' },
  appeal_not_allowed: { status: 422, es: 'Apelación no permitida', en: 'Appeal not allowed' },
  ruling_not_allowed: { status: 422, es: 'Sentencia no permitida', en: 'Ruling not allowed' },
  finality_not_allowed: { status: 422, es: 'Firmeza no permitida', en: 'Finality not allowed' },
  assisted_victim_voided: { status: 422, es: 'Víctima anulada', en: 'Victim voided' },
  assistance_consent_required: { status: 422, es: 'Falta el consentimiento', en: 'Consent required' },
  shelter_stay_not_allowed: { status: 422, es: 'Ingreso o egreso de albergue no permitido', en: 'Shelter admission or exit not allowed' },
  personal_data_erased: { status: 422, es: 'Datos personales suprimidos', en: 'Personal data erased' },
  // 429, 500
  rate_limited: { status: 429, es: 'Demasiadas solicitudes', en: 'Too many requests' },
  internal_error: { status: 500, es: 'Error interno', en: 'Internal error' },
} as const satisfies Record<string, ProblemType>;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

/** The title of a code in a language; a code missing from the table (a bug the tests catch) falls back to its status. */
export function problemTitle(code: string, status: number, language: 'es' | 'en'): string {
  const known = (PROBLEM_TYPES as Record<string, ProblemType>)[code];
  if (known) return known[language];
  return status >= 500 ? PROBLEM_TYPES.internal_error[language] : PROBLEM_TYPES.bad_request[language];
}

/** The body of every error answer. `error` repeats `detail`: kept for the clients written before problem details. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  fields: Array<{ field: string; reason: string }>;
  error: string;
}

/** docs/errors.md: every code, its status, type and titles, made from PROBLEM_TYPES by `npm run openapi`. */
export function errorsMarkdown(): string {
  const rows = Object.entries(PROBLEM_TYPES as Record<string, ProblemType>)
    .sort(([a, x], [b, y]) => x.status - y.status || a.localeCompare(b))
    .map(([code, p]) => `| ${p.status} | \`${code}\` | \`${problemType(code)}\` | ${p.es} | ${p.en} |`);
  return [
    '<!-- Generated by `npm run openapi` from apps/api/src/http/problem-details.ts; do not edit. -->',
    '# Errors / Errores',
    '',
    'Every error answer is an RFC 9457 problem details object, `Content-Type: application/problem+json`, in the',
    "request's language (`Accept-Language`: Spanish by default, `en` for English):",
    '',
    '```json',
    '{',
    '  "type": "/problems/invalid_command",',
    '  "title": "Invalid data",',
    '  "status": 400,',
    '  "detail": "Invalid data",',
    '  "instance": "/api/v1/hotline-calls",',
    '  "code": "invalid_command",',
    '  "fields": [{ "field": "channel", "reason": "is not an allowed value" }],',
    '  "error": "Invalid data"',
    '}',
    '```',
    '',
    '- `type`: a relative URI reference, `/problems/<code>`, one per `code`, stable across versions and deployments.',
    '- `title`: the short title of the type (the table below); `detail`: what happened this time.',
    '- `instance`: the request path (without the query string, which may hold personal data).',
    '- `code`: the machine-readable code (the table below); `fields`: `[{ field, reason }]`, the fields at fault.',
    '- `error`: the same text as `detail`, kept for compatibility with clients written before problem details.',
    '',
    'A 401 also carries `WWW-Authenticate` (RFC 6750); a 429 carries `Retry-After`.',
    '',
    '| status | code | type | título | title |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
