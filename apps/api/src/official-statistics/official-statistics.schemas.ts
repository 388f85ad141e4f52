import type { ApiResponseNoStatusOptions, SchemaObject } from '@nestjs/swagger';
import type {
  CellRevision,
  Dimension,
  DisclosureSettings,
  Label,
  Publication,
  PublishedReport,
  PublishedTable,
  ReleasePoint,
  SuppressedCell,
} from '#read-models';
import { arrayOf, closedObject, CSV, integer, string, XLSX } from '../shared/openapi-schema.js';

/**
 * What the official-statistics endpoints return, exactly: reports of aggregate tables (after disclosure control),
 * publication records and cell revisions; never a record or a person. The OpenAPI document carries these
 * schemas; analyst-responses.e2e checks them against the responses.
 */

const LABEL = closedObject<Label>({ es: string(), en: string() });
const KEY = string({ description: 'Código estable (`15`, `female`, `2025-03`, `unknown`, `total`) / stable code' });
const DIMENSION = closedObject<Dimension>({ key: KEY, label: LABEL });
type PublishedRow = PublishedTable['rows'][number];

const TABLE = closedObject<PublishedTable>(
  {
    id: string(),
    title: LABEL,
    rowHeader: LABEL,
    unit: string({ enum: ['count', 'hours'] }),
    columns: arrayOf(DIMENSION),
    rows: arrayOf(
      closedObject<PublishedRow>({
        key: KEY,
        label: LABEL,
        values: arrayOf({ type: 'number', minimum: 0, nullable: true, description: 'null: celda suprimida / suppressed cell' }),
      }),
    ),
    suppressed: arrayOf(
      closedObject<SuppressedCell>({ row: string(), column: string(), reason: string({ enum: ['primary', 'complementary'] }) }),
    ),
    note: LABEL,
  },
  { optional: ['note'] },
);

const KIND = string({ enum: ['monthly', 'inei-annual'] });
const PERIOD = string({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$', description: 'YYYY-MM (monthly) o YYYY (inei-annual)' });
const DEPARTMENT: SchemaObject = {
  type: 'string',
  pattern: '^\\d{2}$',
  nullable: true,
  description: 'Departamento (UBIGEO INEI) o null: todo el Perú',
};
const INSTANT = string({ format: 'date-time' });

export const PUBLISHED_REPORT_SCHEMA: SchemaObject = closedObject<PublishedReport>({
  kind: KIND,
  title: LABEL,
  period: PERIOD,
  department: DEPARTMENT,
  asOfPosition: integer('Eventos del registro que refleja el reporte / events of the log the report reflects'),
  generatedAt: INSTANT,
  disclosureControl: closedObject<Pick<DisclosureSettings, 'k' | 'applied'> & { method: string }>({
    k: integer(undefined, 1),
    applied: { type: 'boolean' },
    method: string(),
  }),
  source: string(),
  tables: arrayOf(TABLE),
});

const publicationProperties = {
  publicationId: string({ format: 'uuid' }),
  kind: KIND,
  period: PERIOD,
  department: DEPARTMENT,
  asOfPosition: integer(),
  k: integer(undefined, 1),
  publishedAt: INSTANT,
  sha256: string({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 del JSON canónico publicado / of the published canonical JSON' }),
} satisfies Record<keyof Publication, SchemaObject>;

export const PUBLICATION_SCHEMA: SchemaObject = closedObject<Publication>(publicationProperties);

export type PublishResponse = Publication & { replayed: boolean };
export const PUBLISH_RESPONSE_SCHEMA: SchemaObject = closedObject<PublishResponse>({
  ...publicationProperties,
  replayed: { type: 'boolean', description: 'true: un reintento con el mismo id / a retry with the same id' },
});

export interface PublicationList {
  publications: Publication[];
}
export const PUBLICATION_LIST_SCHEMA: SchemaObject = closedObject<PublicationList>({ publications: arrayOf(PUBLICATION_SCHEMA) });

const REVISED_VALUE: SchemaObject = {
  nullable: true,
  description: 'Número, "x" si estaba suprimida, null si la celda no existía / number, "x" when suppressed, null when absent',
  oneOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', enum: ['x'] },
  ],
};

export interface PublicationRevisions {
  publication: Publication;
  currentPosition: number;
  changes: CellRevision[];
}
export const REVISIONS_SCHEMA: SchemaObject = closedObject<PublicationRevisions>({
  publication: PUBLICATION_SCHEMA,
  currentPosition: integer(),
  changes: arrayOf(
    closedObject<CellRevision>({
      table: string(),
      row: string(),
      column: string(),
      published: REVISED_VALUE,
      current: REVISED_VALUE,
    }),
  ),
});

export const RELEASE_POINT_SCHEMA: SchemaObject = closedObject<ReleasePoint>({
  position: integer('Posición del registro: el valor de asOf / log position: the value for asOf'),
  kind: string({ enum: ['period_close', 'declared'], description: 'Cierre de mes o cierre declarado / month close or declared close' }),
  day: string({ format: 'date', description: 'Día (America/Lima) / day (America/Lima)' }),
  period: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', nullable: true, description: 'Mes cerrado o null / month closed or null' },
});

export interface ReleasePointList {
  releasePoints: ReleasePoint[];
}
export const RELEASE_POINTS_SCHEMA: SchemaObject = closedObject<ReleasePointList>({ releasePoints: arrayOf(RELEASE_POINT_SCHEMA) });

/** A report in the format asked for: JSON (the schema above), CSV or XLSX (a rendering of the same tables). */
export function reportResponse(description: string, headers: Record<string, string> = {}): ApiResponseNoStatusOptions {
  return {
    description,
    headers: {
      'X-Log-Position': {
        description: 'Posición del registro del reporte (asOf) / log position of the report',
        schema: { type: 'integer' },
      },
      ...Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }])),
    },
    content: {
      'application/json': { schema: PUBLISHED_REPORT_SCHEMA },
      [CSV]: { schema: { type: 'string', description: 'format=csv: las mismas tablas en CSV / the same tables as CSV' } },
      [XLSX]: {
        schema: {
          type: 'string',
          format: 'binary',
          description: 'format=xlsx: las mismas tablas en un libro Excel / the same tables as an Excel workbook',
        },
      },
    },
  };
}
