import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '../../../../libs/domain/src/index.js';
import { parseIfMatch } from '../http/if-match.js';
import type { CommandOptions } from './execute-stream-command.js';

/** If-Match, Idempotency-Key and X-Request-Id, as every command endpoint reads them. */
export function commandOptions(headers: Record<string, string | undefined>): CommandOptions {
  return {
    expectedVersion: parseIfMatch(headers['if-match']),
    idempotencyKey: headers['idempotency-key'] || undefined,
    correlationId: headers['x-request-id'] || undefined,
  };
}

// Until authentication lands (issue 6) every command is attributed to the API itself.
export const commandMetadata = (): CommandMetadata => ({ now: new Date().toISOString(), actor: 'api' });

export const newId = (given?: string | null): string => (given ?? randomUUID()).toLowerCase();
