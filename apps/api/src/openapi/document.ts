import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { ACCESS_EXTENSION, type AccessDescription } from '../auth/access.js';
import { PUBLIC } from '../auth/endpoint-policy.js';
import { PROBLEM_JSON, PROBLEM_TYPES, type ProblemType } from '../http/problem-details.js';
import { REQUEST_EXAMPLES } from './request-examples.js';

/** The name of the bearer security scheme (the "Authorize" button of /docs). */
export const BEARER = 'bearer';
export const PROBLEM_SCHEMA = 'ProblemDetails';

/**
 * Operation ids are the handler's name (`recordOperation`), or this table's where the name alone is ambiguous
 * across controllers (`list`, `get`, `close`) or unclear: stable names for generated clients, unique (a test checks).
 */
const OPERATION_IDS: Readonly<Record<string, string>> = {
  'AuditController.list': 'listAuditLog',
  'SessionController.exchange': 'signIn',
  'SessionController.me': 'getMe',
  'SessionController.authConfig': 'getAuthConfig',
  'CasesController.list': 'listCases',
  'CasesController.register': 'registerCase',
  'CasesController.search': 'searchCases',
  'CasesController.get': 'getCase',
  'CasesController.close': 'closeCase',
  'CasesController.getTimeline': 'getCaseTimeline',
  'CasesController.correctFacts': 'correctCaseFacts',
  'CasesController.reopen': 'reopenCase',
  'CasesController.recordReferences': 'recordCaseReferences',
  'CaseCatalogsController.caseCatalogs': 'getCaseCatalogs',
  'ReferralsController.pending': 'listReferrals',
  'ReferralsController.get': 'getReferral',
  'ReferralsController.accept': 'acceptReferral',
  'ReferralsController.complete': 'completeReferral',
  'ReferralsController.reject': 'rejectReferral',
  'ReferralsController.revoke': 'revokeReferral',
  'SubjectsController.approve': 'approveErasure',
  'SubjectsController.request': 'requestErasure',
  'HotlineCallsController.list': 'listHotlineCalls',
  'HotlineCallsController.record': 'recordHotlineCall',
  'HotlineCallsController.get': 'getHotlineCall',
  'HotlineCallsController.classify': 'classifyHotlineCall',
  'HotlineCallsController.correct': 'correctHotlineCall',
  'HotlineCallsController.close': 'closeHotlineCall',
  'IntegrityController.anchor': 'anchorLog',
  'IntegrityController.list': 'listVerifications',
  'IntegrityController.start': 'startVerification',
  'IntegrityController.get': 'getVerification',
  'JusticeController.recordStage': 'recordProsecutionStage',
  'JusticeController.appeal': 'recordAppeal',
  'JusticeController.finality': 'declareFinality',
  'JusticeController.rule': 'recordRuling',
  'ProtectionController.grant': 'grantProtectionMeasure',
  'ProtectionController.interview': 'recordGesellInterview',
  'ProtectionController.get': 'getProsecutionProtection',
  'OfficialStatisticsController.list': 'listPublications',
  'OfficialStatisticsController.publish': 'publishStatistics',
  'OfficialStatisticsController.publication': 'getPublication',
  'OfficialStatisticsController.revisions': 'listPublicationRevisions',
  'OfficialStatisticsController.inei': 'getIneiStatistics',
  'OfficialStatisticsController.monthly': 'getMonthlyStatistics',
  'OfficialStatisticsController.releasePoints': 'listReleasePoints',
  'StatisticsController.hotline': 'getHotlineStatistics',
  'StatisticsController.referrals': 'getReferralStatistics',
  'HealthController.health': 'getHealth',
  'NetworksController.identify': 'identifyNetwork',
  'NetworksController.ofCase': 'listNetworksOfCase',
  'NetworksController.get': 'getNetwork',
  'NetworksController.linkCase': 'linkCaseToNetwork',
  'NetworksController.linkSuspect': 'linkSuspectToNetwork',
  'NetworksController.dismantle': 'dismantleNetwork',
};

export const operationId = (controllerKey: string, methodKey: string): string =>
  OPERATION_IDS[`${controllerKey}.${methodKey}`] ?? methodKey;

/** POSTs that change no record through a decider: no 422 (nor 409, for the first three). */
const NOT_COMMANDS = new Set(['searchCases', 'startVerification', 'anchorLog']);
const NO_STATE_RULES = new Set([...NOT_COMMANDS, 'publishStatistics', 'declareReleasePoint', 'approveErasure']);
/** Query parameters that ask for a log position the read side may not have reached (409 position_not_reached). */
const POSITION_PARAMETERS = new Set(['minPosition', 'asOf']);

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'Solicitud no válida (campos, JSON mal formado) / invalid request (fields, malformed JSON)',
  401: 'Sin credencial válida / no valid credential',
  403: 'Rol o departamento no permitido / role or department not allowed',
  404: 'No existe (o no tiene necesidad de conocerlo) / does not exist (or no need to know)',
  409: 'Conflicto de versión, de id o de posición / version, id or position conflict',
  413: 'Cuerpo demasiado grande / body too large',
  422: 'El estado del registro no lo permite / the record’s state does not allow it',
  429: 'Demasiadas solicitudes (ver Retry-After) / too many requests (see Retry-After)',
  500: 'Error interno / internal error',
};

const codesOf = (status: number) =>
  Object.entries(PROBLEM_TYPES as Record<string, ProblemType>)
    .filter(([, p]) => p.status === status)
    .map(([code]) => `\`${code}\``)
    .join(', ');

interface Operation {
  operationId?: string;
  description?: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  [ACCESS_EXTENSION]?: AccessDescription;
}

/** The error statuses an operation can answer, from what it is: who may call it, what it takes, what it changes. */
function errorStatuses(method: string, path: string, operation: Operation): number[] {
  const access = operation[ACCESS_EXTENSION];
  const isPublic = !access || access.roles === PUBLIC;
  const id = operation.operationId ?? '';
  const parameters = operation.parameters ?? [];
  const takesInput = method !== 'get' || parameters.some((p) => p.in === 'query' || p.in === 'header') || !!operation.requestBody;
  const statuses = new Set<number>();
  if (takesInput) statuses.add(400);
  if (!isPublic || id === 'signIn') statuses.add(401);
  if (!isPublic) statuses.add(403);
  if (path.includes('{') || id === 'signIn') statuses.add(404);
  const command = method === 'post' && !isPublic;
  if ((command && !NOT_COMMANDS.has(id)) || parameters.some((p) => p.in === 'query' && POSITION_PARAMETERS.has(p.name))) statuses.add(409);
  if (method !== 'get') statuses.add(413);
  if (command && !NO_STATE_RULES.has(id)) statuses.add(422);
  statuses.add(429);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

/**
 * What the decorators do not say, added to every operation from its own metadata: the security requirement (the
 * bearer scheme, or none for a public route), the roles in the description, the problem-details answers it can
 * give, and the example body.
 */
export function completeOperations(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM_SCHEMA] = PROBLEM_DETAILS_SCHEMA;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item as Record<string, unknown>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = raw as Operation;
      const access = operation[ACCESS_EXTENSION];
      const isPublic = !access || access.roles === PUBLIC;
      operation.security = isPublic ? [] : [{ [BEARER]: [] }];
      const roles = !access
        ? 'Roles: public (no token)'
        : access.roles === PUBLIC
          ? `Roles: public (${access.note ?? 'no token'})`
          : `Roles: ${access.roles.join(', ')}${access.note ? ` (${access.note})` : ''}`;
      operation.description = operation.description ? `${operation.description}\n\n${roles}` : roles;
      for (const status of errorStatuses(method, path, operation)) {
        operation.responses[String(status)] ??= {
          description: `${STATUS_DESCRIPTIONS[status]}. Codes of this status / códigos: ${codesOf(status)} (docs/errors.md)`,
          content: { [PROBLEM_JSON]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } },
        };
      }
      const example = REQUEST_EXAMPLES[operation.operationId ?? ''];
      const body = operation.requestBody?.content?.['application/json'];
      if (example !== undefined && body) body.example = example;
    }
  }
  return document;
}

/** RFC 9457 problem details with this API's `code` and `fields`, and `error` kept for older clients. */
const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json); docs/errors.md lists every code',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'fields', 'error'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', format: 'uri-reference', description: '/problems/<code>', example: '/problems/invalid_command' },
    title: { type: 'string', description: 'Título del tipo, en el idioma pedido / title of the type, in the language asked for' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'Qué pasó esta vez / what happened this time' },
    instance: { type: 'string', description: 'La ruta de la solicitud / the request path', example: '/api/v1/hotline-calls' },
    code: { type: 'string', enum: Object.keys(PROBLEM_TYPES), description: 'docs/errors.md' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        additionalProperties: false,
        properties: { field: { type: 'string', example: 'channel' }, reason: { type: 'string' } },
      },
    },
    error: { type: 'string', description: 'Igual a detail; se mantiene por compatibilidad / same as detail; kept for compatibility' },
  },
};

/** The document /docs serves (OpenAPI 3.1), with the bearer scheme "Authorize" fills in. */
export function createDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Registro de Trata')
    .setDescription(
      'Registro de casos y derivaciones contra la trata de personas / Case and referral registry against human trafficking.\n\n' +
        'Autorización: "Authorize" con un token (sin "Bearer ") / Authorization: "Authorize" with a token (without "Bearer "). ' +
        'Errores / errors: application/problem+json (RFC 9457), docs/errors.md.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Token de acceso / access token' }, BEARER)
    .build();
  return completeOperations(SwaggerModule.createDocument(app, config, { operationIdFactory: operationId }));
}
