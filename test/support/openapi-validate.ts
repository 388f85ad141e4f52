/** The tests' own reading of the OpenAPI document: $ref resolution and a validator of JSON values against its schemas. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
  minimum?: number;
}
export interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; current.$ref; hops++) {
    const match = /^#\/components\/schemas\/(.+)$/.exec(current.$ref);
    const target = match ? doc.components?.schemas?.[match[1]] : undefined;
    if (!target || hops > 20) throw new Error(`unresolvable $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

export function operationOf(doc: OpenApiDocument, endpoint: string): Operation | undefined {
  const [method, path] = endpoint.split(' ');
  return doc.paths[path]?.[method.toLowerCase()];
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      throw new Error(`unknown schema type ${type}`);
  }
}

const describeValue = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** The tests' own validator: every mismatch between a JSON value and a schema, with its JSON path. */
export function validate(doc: OpenApiDocument, raw: Schema, value: unknown, path = '$'): string[] {
  const schema = resolve(doc, raw);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (value === null && (schema.nullable === true || types.includes('null'))) return [];
  const errors: string[] = [];
  for (const sub of schema.allOf ?? []) errors.push(...validate(doc, sub, value, path));
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((sub) => validate(doc, sub, value, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of the ${schema.oneOf.length} oneOf schemas (${JSON.stringify(value)})`);
  }
  if (schema.anyOf && !schema.anyOf.some((sub) => validate(doc, sub, value, path).length === 0))
    errors.push(`${path}: matches no anyOf schema`);
  if (schema.enum && !schema.enum.some((allowed) => allowed === value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    return [...errors, `${path}: expected ${types.join(' | ')}${schema.nullable ? ' | null' : ''}, got ${describeValue(value)}`];
  }
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value))
    errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum)
    errors.push(`${path}: ${value} is below ${schema.minimum}`);
  if (hasType(value, 'object')) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${path}.${key}: required, missing`);
    for (const [key, property] of Object.entries(object)) {
      const propertySchema = schema.properties?.[key];
      if (propertySchema) errors.push(...validate(doc, propertySchema, property, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not in the schema (additionalProperties: false)`);
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...validate(doc, schema.additionalProperties, property, `${path}.${key}`));
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...validate(doc, schema.items!, item, `${path}[${i}]`)));
  return errors;
}
