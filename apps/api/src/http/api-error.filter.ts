import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type FieldProblem } from '#domain';
import { IdempotencyConflict, StreamNotFound, WrongExpectedVersion } from '#event-store';
import { Forbidden, SignInRefused, Unauthorized } from '../auth/auth.errors.js';
import { preferredLanguage, type Language } from './language.js';
import { PROBLEM_JSON, problemTitle, problemType, type ProblemDetails } from './problem-details.js';
import { RateLimited } from './rate-limiter.js';
import { NotReady } from '../health/not-ready.js';

interface ApiError {
  status: number;
  code: string;
  es: string;
  en: string;
  fields: readonly FieldProblem[];
  /** RFC 6750: how to authenticate (401) or why the token is not enough (403). */
  challenge?: string;
}

/**
 * The one place where failures become HTTP answers: RFC 9457 problem details (`application/problem+json`,
 * problem-details.ts) with this API's `code` and `fields: [{field, reason}]`, and `error` (= `detail`) kept for older
 * clients. Expected failures map to 400/401/403/404/409/413/422/429; anything else is a 500 whose details go to
 * the log, never to the client (no stack traces, no request bodies: they may hold personal data).
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const error = toApiError(exception);
    if (error.status >= 500) {
      this.logger.error(
        `unhandled ${exception instanceof Error ? exception.name : 'error'} on ${request.method} ${request.route?.path ?? 'unknown route'}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const language: Language = preferredLanguage(request);
    if (error.challenge) response.setHeader('WWW-Authenticate', error.challenge);
    const detail = language === 'en' ? error.en : error.es;
    const body: ProblemDetails = {
      type: problemType(error.code),
      title: problemTitle(error.code, error.status, language),
      status: error.status,
      detail,
      // The path only: a query string may hold personal data (a document number searched for).
      instance: request.originalUrl.split('?')[0],
      code: error.code,
      fields: error.fields.map((f) => ({ field: f.field, reason: language === 'en' ? f.reasonEn : f.reason })),
      error: detail,
    };
    // res.json() keeps a Content-Type already set (and adds the charset).
    response.status(error.status).type(PROBLEM_JSON).json(body);
  }
}

const STATUS_BY_KIND = { invalid: 400, not_found: 404, conflict: 409, not_allowed: 422 } as const;

function toApiError(exception: unknown): ApiError {
  if (exception instanceof Unauthorized && exception.reason === 'no_scope') {
    return {
      status: 401,
      code: 'token_scope_missing',
      es: 'La credencial no declara su alcance: departments (departamentos) o scope_national: true (nacional)',
      en: 'The credential does not state its scope: departments or scope_national: true (national)',
      fields: [{ field: 'Authorization', reason: 'sin departments ni scope_national', reasonEn: 'neither departments nor scope_national' }],
      challenge: 'Bearer realm="registro", error="invalid_token"',
    };
  }
  if (exception instanceof Unauthorized) {
    return {
      status: 401,
      code: 'unauthorized',
      es: 'Se requiere una credencial válida (Authorization: Bearer <token>)',
      en: 'A valid credential is required (Authorization: Bearer <token>)',
      fields: [
        {
          field: 'Authorization',
          reason: exception.tokenPresent ? 'token no válido o vencido' : 'falta el token',
          reasonEn: exception.tokenPresent ? 'invalid or expired token' : 'the token is missing',
        },
      ],
      // RFC 6750 §3.1: no error code when the request carried no credential at all.
      challenge: exception.tokenPresent ? 'Bearer realm="registro", error="invalid_token"' : 'Bearer realm="registro"',
    };
  }
  if (exception instanceof SignInRefused) {
    return exception.used
      ? {
          status: 401,
          code: 'sign_in_link_used',
          es: 'Este enlace de acceso ya se usó; pida uno nuevo',
          en: 'This sign-in link was already used; ask for a new one',
          fields: [{ field: 'code', reason: 'ya se usó', reasonEn: 'already used' }],
          challenge: 'Bearer realm="registro"',
        }
      : {
          status: 401,
          code: 'unauthorized',
          es: 'El enlace de acceso no es válido o venció',
          en: 'The sign-in link is invalid or expired',
          fields: [{ field: 'code', reason: 'no válido o vencido', reasonEn: 'invalid or expired' }],
          challenge: 'Bearer realm="registro"',
        };
  }
  if (exception instanceof Forbidden) {
    return {
      status: 403,
      code: 'forbidden',
      es: 'Su credencial no permite esta operación',
      en: 'Your credential does not allow this operation',
      fields: exception.fields,
      challenge: 'Bearer realm="registro", error="insufficient_scope"',
    };
  }
  if (exception instanceof DomainError) {
    return {
      status: STATUS_BY_KIND[exception.kind],
      code: exception.code,
      es: exception.messageEs,
      en: exception.messageEn,
      fields: exception.fields,
    };
  }
  if (exception instanceof WrongExpectedVersion) {
    return {
      status: 409,
      code: 'version_conflict',
      es: `El registro cambió (versión actual ${exception.actual}); vuelva a leerlo y reintente`,
      en: `The record has changed (current version ${exception.actual}); read it again and retry`,
      fields: [],
    };
  }
  if (exception instanceof IdempotencyConflict) {
    return {
      status: 409,
      code: 'idempotency_conflict',
      es: 'Ya existe un registro con ese id y contenido distinto',
      en: 'A record with that id and different content already exists',
      fields: [],
    };
  }
  if (exception instanceof NotReady) {
    return {
      status: 503,
      code: 'not_ready',
      es: 'El registro no está preparado para atender (ver fields)',
      en: 'The registry is not ready to serve (see fields)',
      fields: exception.fields,
    };
  }
  if (exception instanceof StreamNotFound) {
    return { status: 404, code: 'not_found', es: 'No encontrado', en: 'Not found', fields: [] };
  }
  if (exception instanceof RateLimited && exception.kind === 'address') {
    return {
      status: 429,
      code: 'rate_limited',
      es: 'Demasiadas solicitudes sin una credencial válida desde esta dirección; espere y reintente (ver Retry-After)',
      en: 'Too many requests without a valid credential from this address; wait and retry (see Retry-After)',
      fields: [],
    };
  }
  if (exception instanceof RateLimited && exception.kind === 'heavy') {
    return {
      status: 429,
      code: 'rate_limited',
      es: 'Demasiadas solicitudes de esta operación costosa con este token; espere y reintente (ver Retry-After)',
      en: 'Too many requests for this costly operation with this token; wait and retry (see Retry-After)',
      fields: [],
    };
  }
  if (exception instanceof HttpException && exception.getStatus() === 429) {
    return {
      status: 429,
      code: 'rate_limited',
      es: 'Demasiadas solicitudes con este token; espere y reintente (ver Retry-After)',
      en: 'Too many requests with this token; wait and retry (see Retry-After)',
      fields: [],
    };
  }
  const bodyError = bodyParserError(exception);
  if (bodyError) return bodyError;
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    return status === 404
      ? { status, code: 'not_found', es: 'Recurso no encontrado', en: 'Resource not found', fields: [] }
      : { status, code: 'bad_request', es: 'Solicitud no válida', en: exception.message, fields: [] };
  }
  return {
    status: 500,
    code: 'internal_error',
    es: 'Error interno; el incidente quedó registrado',
    en: 'Internal error; the incident was logged',
    fields: [],
  };
}

/** body-parser's failures are the client's: malformed JSON a 400, a body over the limit a 413, naming the body. */
function bodyParserError(exception: unknown): ApiError | null {
  // Nest wraps body-parser's errors in an HttpException and keeps the original as `cause`.
  const raw = exception as { type?: string; cause?: { type?: string } } | null;
  const type = raw?.type ?? raw?.cause?.type;
  if (type === 'entity.parse.failed') {
    return {
      status: 400,
      code: 'malformed_json',
      es: 'El cuerpo no es JSON válido',
      en: 'The body is not valid JSON',
      fields: [{ field: 'body', reason: 'JSON mal formado', reasonEn: 'malformed JSON' }],
    };
  }
  if (type === 'entity.too.large') {
    return {
      status: 413,
      code: 'body_too_large',
      es: 'El cuerpo es demasiado grande',
      en: 'The body is too large',
      fields: [{ field: 'body', reason: 'excede el tamaño máximo', reasonEn: 'exceeds the maximum size' }],
    };
  }
  return null;
}
