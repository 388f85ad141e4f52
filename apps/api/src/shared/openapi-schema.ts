import type { SchemaObject } from '@nestjs/swagger';

/**
 * Response schemas for the OpenAPI document, closed on purpose: an object schema lists every property it may
 * carry and allows nothing else (`additionalProperties: false`), so what a response may contain is exactly what
 * the document says. `closedObject<T>` takes one schema per property of T: the compiler refuses a property of T
 * left out and a property T does not have, so the schema follows the type the endpoint returns.
 */
export function closedObject<T>(
  properties: { [K in keyof T]-?: SchemaObject },
  options: { optional?: ReadonlyArray<keyof T & string>; description?: string } = {},
): SchemaObject {
  const optional: readonly string[] = options.optional ?? [];
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties: properties as Record<string, SchemaObject>,
    additionalProperties: false,
  };
}

export const integer = (description?: string, minimum = 0): SchemaObject => ({ type: 'integer', minimum, ...(description ? { description } : {}) });
export const string = (extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...extra });
export const month: SchemaObject = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2025-03' };
export const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
