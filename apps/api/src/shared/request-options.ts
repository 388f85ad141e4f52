import { randomUUID } from 'node:crypto';
import { InvalidCommand, type CommandMetadata } from '#domain';
import { currentActor } from '../auth/request-context.js';
import { parseIfMatch } from '../http/if-match.js';
import type { CommandOptions } from './command-service.js';

export type HeaderMap = Record<string, string | undefined>;

/** If-Match, Idempotency-Key and X-Request-Id, as every command endpoint reads them. */
export function commandOptions(headers: HeaderMap): CommandOptions {
  return {
    expectedVersion: parseIfMatch(headers['if-match']),
    idempotencyKey: tokenHeader(headers, 'Idempotency-Key'),
    correlationId: tokenHeader(headers, 'X-Request-Id'),
  };
}

/**
 * Headers kept in the events' metadata (append-only) and the audit log: a bounded token — 1 to 128 letters, digits,
 * `.`, `_`, `:` or `-` (a UUID, a ULID, a counter) — so no sentence, name or document number can ride in them;
 * else a 400 naming the header.
 */
export const TOKEN_HEADER = /^[A-Za-z0-9._:-]{1,128}$/;
function tokenHeader(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (!value) return undefined;
  if (!TOKEN_HEADER.test(value)) {
    throw new InvalidCommand([{ field: name, reason: 'debe ser un identificador de 1 a 128 caracteres (letras, dígitos, . _ : -)',
      reasonEn: 'must be an identifier of 1 to 128 characters (letters, digits, . _ : -)' }]);
  }
  return value;
}

/**
 * Time and actor of a command. The actor is the token's role and opaque subject (`police:<sub>`), never a name:
 * metadata is stored with the events and must hold no personal data.
 */
export function commandMetadata(): CommandMetadata {
  const actor = currentActor();
  if (!actor) throw new Error('a command outside an authenticated request');
  return { now: new Date().toISOString(), actor: `${actor.role}:${actor.subject}` };
}

export const newId = (given?: string | null): string => (given ?? randomUUID()).toLowerCase();

/** The header that states why personal data is asked for (audited); RFC 8187 `UTF-8''…` for non-Latin-1 text. */
export const PURPOSE_HEADER = {
  name: 'X-Purpose',
  required: false,
  description: "Finalidad (máx. 200 caracteres; texto no Latin-1 como UTF-8''<codificado con %>): sin ella no se entregan datos personales / "
    + "stated purpose (at most 200 characters; non-Latin-1 text as UTF-8''<percent-encoded>): without it no personal field is returned",
};
