import type { FieldProblem } from '#domain';

/** A readiness probe that fails: a 503 problem naming each failing check in `fields` (database, projections). */
export class NotReady extends Error {
  constructor(readonly fields: readonly FieldProblem[]) {
    super('not ready');
    this.name = 'NotReady';
  }
}
