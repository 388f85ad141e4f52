import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { InvalidCommand, type FieldProblem } from '#domain';
import { toFieldProblems } from './validation-messages.js';

/** Deeper than any real command (the deepest is about 4): a bound that keeps recursive validation cheap and safe. */
export const MAX_BODY_DEPTH = 32;
const MAX_REPORTED = 20;

/** Shape checks on request bodies and queries; unknown fields are refused, every problem is reported at once. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidCommand(toFieldProblems(errors)),
  });
}

/**
 * Before class-validator sees a body or query: refuses nesting deeper than MAX_BODY_DEPTH and text PostgreSQL
 * cannot store in jsonb (NUL, unpaired UTF-16 surrogates), naming the field — for every route, in one place.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') checkStorable(value, metadata.type === 'body' ? (metadata.data ?? '') : '');
    return super.transform(value, metadata);
  }
}

/** Walks the parsed JSON without recursion (a hostile body must not exhaust the stack). */
export function checkStorable(value: unknown, root = ''): void {
  const problems: FieldProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_REPORTED) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (!storable(current)) problems.push(unstorable(path || 'body'));
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) {
      throw new InvalidCommand([
        { field: 'body', reason: `anidado a más de ${MAX_BODY_DEPTH} niveles`, reasonEn: `nested deeper than ${MAX_BODY_DEPTH} levels` },
      ]);
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (!storable(key)) {
        problems.push(unstorable(path || 'body'));
        continue;
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  if (problems.length > 0) throw new InvalidCommand(problems);
}

const NUL_OR_LONE_SURROGATE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (text: string): boolean => !NUL_OR_LONE_SURROGATE.test(text);
const unstorable = (field: string): FieldProblem => ({
  field,
  reason: 'contiene caracteres no válidos',
  reasonEn: 'contains characters that cannot be stored',
});
