import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, type SchemaObject } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { InvalidCommand } from '#domain';
import { CATALOGS, type Actor, type ReferenceCatalogs } from '#platform';
import { OfficialStatistics, type RevisionTriangle, type TrianglePublication } from '#read-models';
import { Access } from '../auth/access.js';
import { outsideScope } from '../auth/auth.errors.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { arrayOf, closedObject, instant, integer, month, nullable, string, uuid } from '../shared/openapi-schema.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Ten years of months at most in one answer. */
export const TRIANGLE_MAX_MONTHS = 120;

export class RevisionTriangleQueryDto {
  @ApiProperty({ example: '2025-01', description: 'Primer mes (YYYY-MM) / first month' }) @Matches(MONTH) from!: string;
  @ApiProperty({ example: '2025-06', description: 'Último mes (YYYY-MM) / last month' }) @Matches(MONTH) to!: string;
  @ApiPropertyOptional({ example: '15', description: 'Departamento (2 dígitos UBIGEO INEI); sin él, los reportes nacionales' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  department?: string;
}

const VALUES = arrayOf({
  type: 'integer',
  nullable: true,
  description: 'En el orden de `figures`; null: suprimida / in `figures` order; null: suppressed',
});

export const REVISION_TRIANGLE_SCHEMA: SchemaObject = closedObject<RevisionTriangle>(
  {
    from: month,
    to: month,
    department: nullable(string({ description: 'null: reportes nacionales / national reports' })),
    figures: arrayOf(
      closedObject<RevisionTriangle['figures'][number]>({
        key: string({ enum: ['calls_received', 'denunciations', 'victims', 'investigations', 'sanctions'] }),
        label: closedObject<{ es: string; en: string }>({ es: string(), en: string() }),
      }),
    ),
    months: arrayOf(
      closedObject<RevisionTriangle['months'][number]>({
        period: month,
        publications: arrayOf(
          closedObject<TrianglePublication>({
            publicationId: uuid,
            publishedAt: instant,
            asOfPosition: integer('Posición del registro publicada / published log position'),
            monthsAfter: integer(
              'Meses desde el mes del reporte hasta la publicación (Lima) / months from the month to publication',
              -1200,
            ),
            values: VALUES,
            changes: { ...VALUES, description: 'Cambio desde la primera publicación / change since the first publication' },
          }),
        ),
      }),
    ),
  },
  {
    description:
      'Triángulo de revisiones: cifras principales de cada reporte mensual publicado en cada publicación posterior / ' +
      'revision triangle: headline figures of each published monthly report at every later publication',
  },
);

/**
 * The revision triangle (issue 14): published figures only, read from the publications' stored bytes, so its roles
 * are those that read publications; a regional token reads its own departments' publications.
 */
@ApiTags('statistics')
@Controller()
export class RevisionTriangleController {
  constructor(
    private readonly statistics: OfficialStatistics,
    @Inject(CATALOGS) private readonly catalogs: ReferenceCatalogs,
  ) {}

  @Access({ roles: ['analyst', 'auditor', 'admin'] })
  @Get('statistics/revision-triangle')
  @ApiOperation({
    summary: 'Triángulo de revisiones de los reportes mensuales publicados / Revision triangle of the published monthly reports',
  })
  @ApiOkResponse({ description: 'Cifras por mes y publicación / figures by month and publication', schema: REVISION_TRIANGLE_SCHEMA })
  async getRevisionTriangle(@Query() query: RevisionTriangleQueryDto, @CurrentActor() actor: Actor): Promise<RevisionTriangle> {
    const span = monthIndex(query.to) - monthIndex(query.from);
    if (span < 0 || span >= TRIANGLE_MAX_MONTHS) {
      throw new InvalidCommand([
        {
          field: 'to',
          reason: `debe ser igual o posterior a from y abarcar como máximo ${TRIANGLE_MAX_MONTHS} meses`,
          reasonEn: `must not be before from, and span at most ${TRIANGLE_MAX_MONTHS} months`,
        },
      ]);
    }
    return this.statistics.revisionTriangle({ from: query.from, to: query.to, department: this.department(actor, query.department) });
  }

  /** A catalog department; a regional token only one of its own (the only one when it has one), never national. */
  private department(actor: Actor, code: string | undefined): string | null {
    if (code !== undefined && (code === '00' || this.catalogs.ubigeo.departmentName(code) === undefined)) {
      throw new InvalidCommand([
        {
          field: 'department',
          reason: 'no es un departamento del catálogo UBIGEO del INEI',
          reasonEn: 'is not a department of the INEI UBIGEO catalog',
        },
      ]);
    }
    if (actor.departments.length === 0) return code ?? null;
    if (code !== undefined) {
      if (!actor.departments.includes(code)) throw outsideScope('department');
      return code;
    }
    if (actor.departments.length === 1) return actor.departments[0];
    throw new InvalidCommand([
      {
        field: 'department',
        reason: `es obligatorio: uno de sus departamentos (${actor.departments.join(', ')})`,
        reasonEn: `is required: one of your departments (${actor.departments.join(', ')})`,
      },
    ]);
  }
}

const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
