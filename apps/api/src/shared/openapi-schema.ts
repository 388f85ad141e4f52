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

export const integer = (description?: string, minimum = 0): SchemaObject => ({
  type: 'integer',
  minimum,
  ...(description ? { description } : {}),
});
export const string = (extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...extra });
export const month: SchemaObject = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2025-03' };
export const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
export const uuid: SchemaObject = { type: 'string', format: 'uuid' };
export const instant: SchemaObject = { type: 'string', format: 'date-time' };
export const boolean: SchemaObject = { type: 'boolean' };
export const codes = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });

/**
 * A record's state folded from its stream, with every field any status may carry: `required` holds those of every
 * status, the rest are there only in some (their descriptions say which). Closed like the others.
 */
export function recordState(required: Record<string, SchemaObject>, some: Record<string, SchemaObject>, description: string): SchemaObject {
  return {
    type: 'object',
    description,
    required: Object.keys(required),
    properties: { ...required, ...some },
    additionalProperties: false,
  };
}

/** A command's answer: the record's id, its stream version and the global position of the last event appended. */
export function commandAnswer(idKey: string, extra: Record<string, SchemaObject> = {}): SchemaObject {
  return closedObject<Record<string, unknown>>({
    [idKey]: uuid,
    version: integer('Versión del flujo (número de eventos) / stream version (number of events)', 1),
    position: integer(
      'Posición global del último evento escrito (para minPosition) / global position of the last event written (for minPosition)',
      1,
    ),
    ...extra,
  });
}
