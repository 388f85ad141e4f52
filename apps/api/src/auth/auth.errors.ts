import type { FieldProblem } from '#domain';

/** 401: no token, or one that does not verify (malformed, expired, wrong signature, bad claims). */
export class Unauthorized extends Error {
  constructor(
    readonly tokenPresent: boolean,
    readonly reason: string,
  ) {
    super(`unauthorized: ${reason}`);
  }
}

/** 403: the role may not call this endpoint, or the request names a department outside the token's scope. */
export class Forbidden extends Error {
  constructor(readonly fields: readonly FieldProblem[] = []) {
    super('forbidden');
  }
}

export const outsideScope = (field: string): Forbidden =>
  new Forbidden([
    { field, reason: 'está fuera de los departamentos de su credencial', reasonEn: 'is outside the departments of your token' },
  ]);

/** 401 on POST /auth/sign-in: the link's code does not verify (forged, expired), or it was already used once. */
export class SignInRefused extends Error {
  constructor(readonly used: boolean) {
    super(used ? 'sign-in link already used' : 'sign-in code refused');
  }
}
