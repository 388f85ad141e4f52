import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { InvalidCommand } from '#domain';
import { APP_CONFIG, CATALOGS, type Actor, type AppConfig, type ReferenceCatalogs } from '#platform';
import { OfficialStatistics, STATISTICS_PROJECTION, type ReleasePoint, type ReportRequest } from '#read-models';
import { outsideScope } from '../auth/auth.errors.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ReadYourWrites } from '../shared/read-your-writes.js';
import { sendReport } from './export-response.js';
import { ExportOptionsDto, IneiYearParamDto, MonthlyReportQueryDto, PublishDto } from './official-statistics.dto.js';
import {
  PUBLICATION_LIST_SCHEMA,
  PUBLISH_RESPONSE_SCHEMA,
  RELEASE_POINT_SCHEMA,
  RELEASE_POINTS_SCHEMA,
  REVISIONS_SCHEMA,
  reportResponse,
  type PublicationList,
  type PublicationRevisions,
  type PublishResponse,
  type ReleasePointList,
} from './official-statistics.schemas.js';
import { Access } from '../auth/access.js';

/**
 * Official statistics (PNAT A37, A38): the monthly report, the INEI annual tables and frozen publications. Every
 * output here is for analysts and INEI, so disclosure control is always applied (k from DISCLOSURE_K), except the
 * monthly report of a regional police or prosecutor token (exact counts of its own departments). Analysts and
 * publications read at release points only (release-points.ts), never an arbitrary position.
 */
@ApiTags('statistics')
@Controller()
export class OfficialStatisticsController {
  constructor(
    private readonly statistics: OfficialStatistics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CATALOGS) private readonly catalogs: ReferenceCatalogs,
    private readonly fresh: ReadYourWrites,
  ) {}

  @Access({ roles: ['police', 'prosecutor', 'analyst', 'admin'] })
  @Get('statistics/monthly')
  @ApiOperation({ summary: 'Reporte mensual Meta 14 / Meta 14 monthly report (json, csv, xlsx; asOf)' })
  @ApiOkResponse(reportResponse('Reporte mensual con control de divulgación / monthly report, disclosure-controlled'))
  async monthly(@Query() query: MonthlyReportQueryDto, @Res() res: Response, @CurrentActor() actor: Actor): Promise<void> {
    const period = `${query.year}-${String(query.month).padStart(2, '0')}`;
    const department = this.department(query.department);
    await this.fresh.waitFor(query.minPosition, [STATISTICS_PROJECTION]);
    const request: ReportRequest = {
      kind: 'monthly',
      period,
      department: actor.departments.length > 0 ? scopedDepartment(actor, department) : department,
    };
    // Police and prosecutors of a region work with their own cases: they get its exact counts. Everyone else
    // (analysts, INEI, national users) gets the disclosure-controlled report.
    const exact = actor.departments.length > 0 && (actor.role === 'police' || actor.role === 'prosecutor');
    // Analysts read at release points only, under control across every answer of the release point.
    const report =
      actor.role === 'analyst'
        ? await this.statistics.releasedReport(request, { asOf: query.asOf, k: this.config.disclosureK })
        : await this.statistics.report(request, { asOf: query.asOf, disclosure: { k: this.config.disclosureK, applied: !exact } });
    await sendReport(res, report, { ...query, filename: `reporte-mensual-${period}${request.department ? `-${request.department}` : ''}` });
  }

  @Access({ roles: ['analyst', 'admin'] })
  @Get('statistics/inei/:year')
  @ApiOperation({ summary: 'Cuadros anuales para el INEI / INEI annual tables (json, csv, xlsx; asOf)' })
  @ApiOkResponse(reportResponse('Cuadros anuales con control de divulgación / annual tables, disclosure-controlled'))
  async inei(
    @Param() params: IneiYearParamDto,
    @Query() query: ExportOptionsDto,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const request: ReportRequest = { kind: 'inei-annual', period: String(params.year), department: null };
    const report =
      actor.role === 'analyst'
        ? await this.statistics.releasedReport(request, { asOf: query.asOf, k: this.config.disclosureK })
        : await this.statistics.report(request, { asOf: query.asOf, disclosure: this.disclosure() });
    await sendReport(res, report, { ...query, filename: `inei-trata-${params.year}` });
  }

  @Access({ roles: ['analyst', 'auditor', 'admin'] })
  @Get('statistics/release-points')
  @ApiOperation({
    summary:
      'Puntos de publicación: las únicas posiciones (asOf) que un analista puede leer / Release points: the only positions (asOf) analysts may read',
  })
  @ApiOkResponse({
    description: 'Cierres de mes y cierres declarados, del más antiguo al más reciente / month closes and declared closes, oldest first',
    schema: RELEASE_POINTS_SCHEMA,
  })
  async releasePoints(): Promise<ReleasePointList> {
    return { releasePoints: await this.statistics.releasePoints() };
  }

  @Access({ roles: ['admin'] })
  @Post('statistics/release-points')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Declara la posición actual de las estadísticas como punto de publicación / Declare the statistics' current position a release point",
  })
  @ApiCreatedResponse({ description: 'El punto de publicación / the release point', schema: RELEASE_POINT_SCHEMA })
  async declareReleasePoint(): Promise<ReleasePoint> {
    return this.statistics.declareReleasePoint(new Date().toISOString());
  }

  @Access({ roles: ['analyst', 'admin'] })
  @Post('publications')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publica (congela) un reporte en el último punto de publicación / Freeze a report at the latest release point' })
  @ApiCreatedResponse({
    description: 'La publicación (o la original, en un reintento) / the publication (or the original, on a retry)',
    schema: PUBLISH_RESPONSE_SCHEMA,
  })
  async publish(@Body() body: PublishDto, @CurrentActor() actor: Actor): Promise<PublishResponse> {
    const request = this.publicationRequest(body);
    // A regional token publishes only for its own departments: never a national report (no department).
    if (actor.departments.length > 0 && (request.department === null || !actor.departments.includes(request.department))) {
      throw outsideScope('department');
    }
    const { publication, replayed } = await this.statistics.publish(request, {
      publicationId: body.publicationId ?? randomUUID(),
      k: this.config.disclosureK,
      now: new Date().toISOString(),
    });
    return { ...publication, replayed };
  }

  @Access({ roles: ['analyst', 'auditor', 'admin'] })
  @Get('publications')
  @ApiOperation({ summary: 'Publicaciones emitidas / Publications issued' })
  @ApiOkResponse({ description: 'Publicaciones por fecha / publications by date', schema: PUBLICATION_LIST_SCHEMA })
  async list(@CurrentActor() actor: Actor): Promise<PublicationList> {
    return { publications: await this.statistics.list(actor.departments) };
  }

  @Access({ roles: ['analyst', 'auditor', 'admin'] })
  @Get('publications/:id')
  @ApiOperation({ summary: 'El reporte publicado, byte a byte / The published report, byte for byte' })
  @ApiOkResponse(
    reportResponse('El reporte tal como se publicó / the report as published', {
      'X-Content-SHA256': 'SHA-256 del JSON publicado / of the published JSON',
    }),
  )
  async publication(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ExportOptionsDto,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    // Another department's publication answers like a missing one (404).
    const { publication, content } = await this.statistics.publication(id, actor.departments);
    res.setHeader('X-Content-SHA256', publication.sha256);
    if ((query.format ?? 'json') === 'json') {
      res.setHeader('X-Log-Position', String(publication.asOfPosition));
      res.type('application/json; charset=utf-8').send(content);
      return;
    }
    await sendReport(res, JSON.parse(content), { ...query, filename: `publicacion-${publication.kind}-${publication.period}` });
  }

  @Access({ roles: ['analyst', 'auditor', 'admin'] })
  @Get('publications/:id/revisions')
  @ApiOperation({ summary: 'Celdas que cambiaron desde la publicación / Cells changed since publication' })
  @ApiOkResponse({ description: 'La publicación y las celdas cambiadas / the publication and the changed cells', schema: REVISIONS_SCHEMA })
  async revisions(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<PublicationRevisions> {
    return this.statistics.revisions(id, actor.departments);
  }

  private disclosure() {
    return { k: this.config.disclosureK, applied: true };
  }

  private department(code: string | undefined): string | null {
    if (code === undefined) return null;
    if (this.catalogs.ubigeo.departmentName(code) === undefined || code === '00') {
      throw new InvalidCommand([
        {
          field: 'department',
          reason: 'no es un departamento del catálogo UBIGEO del INEI',
          reasonEn: 'is not a department of the INEI UBIGEO catalog',
        },
      ]);
    }
    return code;
  }

  private publicationRequest(body: PublishDto): ReportRequest {
    const monthly = body.kind === 'monthly';
    if (monthly !== /^\d{4}-\d{2}$/.test(body.period)) {
      throw new InvalidCommand([
        {
          field: 'period',
          reason: monthly ? 'debe ser YYYY-MM para un reporte mensual' : 'debe ser YYYY para los cuadros anuales',
          reasonEn: monthly ? 'must be YYYY-MM for a monthly report' : 'must be YYYY for the annual tables',
        },
      ]);
    }
    if (!monthly && body.department !== undefined) {
      throw new InvalidCommand([
        { field: 'department', reason: 'solo se admite en reportes mensuales', reasonEn: 'only allowed for monthly reports' },
      ]);
    }
    return { kind: body.kind, period: body.period, department: this.department(body.department) };
  }
}

/** A regional token reads one of its own departments: the one asked for, or its only one. */
function scopedDepartment(actor: Actor, asked: string | null): string {
  if (asked !== null) {
    if (!actor.departments.includes(asked)) throw outsideScope('department');
    return asked;
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
