/**
 * Expected business failures. Each carries a stable code, a Spanish and an English message, and (for invalid
 * input) the fields at fault. They are mapped to HTTP once, in the API's exception filter.
 */
export interface FieldProblem {
  field: string;
  reason: string;
  reasonEn: string;
}

export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'not_allowed';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    readonly messageEs: string,
    readonly messageEn: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(messageEn);
    this.name = new.target.name;
  }
}

/** The command is malformed or its values break a rule that does not depend on the stream's state (HTTP 400). */
export class InvalidCommand extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(fields: readonly FieldProblem[]) {
    super('invalid_command', 'Datos no válidos', 'Invalid data', fields);
  }
}

/** The command is valid but the stream's current state does not allow it (HTTP 422). */
export class NotAllowed extends DomainError {
  readonly kind = 'not_allowed' as const;
}

/** The stream does not exist (HTTP 404). */
export class NotFound extends DomainError {
  readonly kind = 'not_found' as const;
}

/** The command names an id that another record already holds (HTTP 409). */
export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
}

/**
 * An id the client gave for a new record (a case, a person, an operation, a prosecution, a trial, a referral, a
 * call) that the registry already holds for another one: ids are new across the registry, so a reused one would
 * link two records. The fields are the body's paths (`victims[1].victimId`).
 */
export const idInUse = (fields: readonly string[]): Conflict =>
  new Conflict(
    'id_in_use',
    'El id ya pertenece a otro registro',
    'The id already belongs to another record',
    fields.map((field) => ({
      field,
      reason: 'ya está en uso por otro registro; omítalo o use uno nuevo',
      reasonEn: 'already used by another record; omit it or use a new one',
    })),
  );

/**
 * A create under an id whose stream already exists with other content: the id is another record's (the same
 * content is a retry, answered as the original). Same code as any reused id with different content, with the field.
 */
export const streamIdInUse = (field: string): Conflict =>
  new Conflict(
    'idempotency_conflict',
    'Ya existe un registro con ese id y contenido distinto',
    'A record with that id and different content already exists',
    [
      {
        field,
        reason: 'ya pertenece a otro registro; omítalo o use uno nuevo',
        reasonEn: 'already belongs to another record; omit it or use a new one',
      },
    ],
  );
