import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { InvalidCommand, limaMonth, REFERRAL_DESTINATIONS } from '#domain';
import { APP_CONFIG, CATALOGS, type Actor, type AppConfig, type ReferenceCatalogs } from '#platform';
import {
  HOTLINE_STATISTICS_PROJECTION,
  OfficialStatistics,
  REFERRAL_FACTS_PROJECTION,
  STATISTICS_PROJECTION,
  hotlineStatisticsAsOf,
  monthsBetween,
  queryHotlineStatistics,
  queryReferralStatistics,
  referralStatisticsAsOf,
  releasedHotlineStatistics,
  releasedReferralStatistics,
  type HotlineGrouping,
  type ReferralGrouping,
} from '#read-models';
import { outsideScope } from '../auth/auth.errors.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { MinPositionParam, ReadYourWrites } from '../shared/read-your-writes.js';
import {
  HOTLINE_STATISTICS_SCHEMA,
  REFERRAL_STATISTICS_SCHEMA,
  type HotlineStatisticsResponse,
  type ReferralStatisticsResponse,
} from './statistics.schemas.js';
import { Access } from '../auth/access.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 240;

export class HotlineStatisticsQueryDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'Primer mes (America/Lima); por defecto, 11 meses antes de `to`' })
  @IsOptional()
  @Matches(MONTH)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Último mes incluido; por defecto, el mes actual' })
  @IsOptional()
  @Matches(MONTH)
  to?: string;

  @ApiPropertyOptional({ enum: ['month', 'department'], default: 'month' })
  @IsOptional()
  @IsIn(['month', 'department'])
  by?: HotlineGrouping;

  @ApiPropertyOptional({ description: 'Posición del registro: la respuesta que se habría dado cuando el registro terminaba allí' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  asOf?: number;

  @ApiPropertyOptional({
    example: '08',
    description:
      "Solo las llamadas de este departamento (UBIGEO, 2 dígitos); un token regional, solo uno de los suyos / only this department's calls",
  })
  @IsOptional()
  @Matches(/^\d{2}$/)
  department?: string;

  @MinPositionParam() minPosition?: number;
}

export class ReferralStatisticsQueryDto {
  @ApiPropertyOptional({ example: '2025-01' }) @IsOptional() @Matches(MONTH) from?: string;
  @ApiPropertyOptional({ example: '2025-12' }) @IsOptional() @Matches(MONTH) to?: string;
  @ApiPropertyOptional({ enum: ['destination', 'department'], default: 'destination' })
  @IsOptional()
  @IsIn(['destination', 'department'])
  by?: ReferralGrouping;
  @ApiPropertyOptional({ description: 'Posición del registro (ver /statistics/monthly)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  asOf?: number;
  @MinPositionParam() minPosition?: number;
}

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CATALOGS) private readonly catalogs: ReferenceCatalogs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fresh: ReadYourWrites,
    private readonly statistics: OfficialStatistics,
  ) {}

  @Access({ roles: ['operator', 'police', 'prosecutor', 'protection', 'analyst', 'admin'] })
  @Get('hotline')
  @ApiOperation({ summary: 'Llamadas recibidas, relacionadas con trata y cerradas / Hotline calls received, trafficking-related, closed' })
  @ApiOkResponse({
    description: 'Conteos agregados por grupo, sin datos personales / aggregate counts by group, no personal data',
    schema: HOTLINE_STATISTICS_SCHEMA,
  })
  async hotline(@Query() query: HotlineStatisticsQueryDto, @CurrentActor() actor: Actor): Promise<HotlineStatisticsResponse> {
    const asked = period(query);
    const by = query.by ?? 'month';
    const ubigeo = this.catalogs.ubigeo;
    const label = (key: string) => (by === 'month' ? key : key === 'unknown' ? 'Sin información' : (ubigeo.departmentName(key) ?? key));
    const scope = this.hotlineScope(actor, query.department);
    if (controlled(actor)) {
      // Analysts: at a release point, every figure a sum of the released monthly reports' figures.
      const released = await this.statistics.releasedMonthlyReports(monthsBetween(asked.from, asked.to), {
        asOf: query.asOf,
        k: this.config.disclosureK,
      });
      const safe = releasedHotlineStatistics(released.reports, {
        months: monthsBetween(asked.from, asked.to),
        by,
        departments: ubigeo.departmentCodes(),
        scope: scope ?? null,
      });
      return {
        ...asked,
        by,
        timeZone: 'America/Lima' as const,
        asOf: { logPosition: released.position },
        ...safe,
        groups: safe.groups.map((g) => ({ ...g, label: label(g.key) })),
        disclosureControl: { applied: true, k: this.config.disclosureK },
      };
    }
    const { from, to } = asked;
    await this.fresh.waitFor(query.minPosition, query.asOf === undefined ? [HOTLINE_STATISTICS_PROJECTION] : [STATISTICS_PROJECTION]);
    const params = { from, to, by, departments: ubigeo.departmentCodes(), scope };
    const statistics =
      query.asOf === undefined
        ? await queryHotlineStatistics(this.dataSource, params)
        : await hotlineStatisticsAsOf(this.dataSource, { ...params, asOf: query.asOf });
    const labelled = statistics.groups.map((g) => ({ ...g, label: label(g.key) }));
    return { ...statistics, groups: labelled, ...this.exact() };
  }

  @Access({ roles: ['operator', 'police', 'prosecutor', 'protection', 'analyst', 'admin'] })
  @Get('referrals')
  @ApiOperation({ summary: 'Derivaciones: enviadas, aceptadas, …, y horas hasta la aceptación / Referrals and time to acceptance' })
  @ApiOkResponse({
    description: 'Conteos y horas agregados por grupo, sin datos personales / aggregate counts and hours by group, no personal data',
    schema: REFERRAL_STATISTICS_SCHEMA,
  })
  async referrals(@Query() query: ReferralStatisticsQueryDto, @CurrentActor() actor: Actor): Promise<ReferralStatisticsResponse> {
    const by = query.by ?? 'destination';
    const scope = scopeOf(actor);
    const label = (key: string) =>
      by === 'destination' ? key : key === 'unknown' ? 'Sin información' : (this.catalogs.ubigeo.departmentName(key) ?? key);
    if (controlled(actor)) {
      // Analysts: at a release point, every count a sum of the released monthly reports' figures; the hours from
      // the ledger at the same position, shown only where the count of accepted referrals is published and ≥ k.
      const { from, to } = period(query);
      const k = this.config.disclosureK;
      const months = monthsBetween(from, to);
      const released = await this.statistics.releasedMonthlyReports(months, { asOf: query.asOf, k });
      const safe = releasedReferralStatistics(released.reports, {
        months,
        by,
        destinations: [...REFERRAL_DESTINATIONS],
        departments: this.catalogs.ubigeo.departmentCodes(),
        scope: scope ?? null,
      });
      const ledger = await referralStatisticsAsOf(this.dataSource, { from, to, by, asOf: released.position, scope });
      const hours = (
        accepted: number | null,
        exact: { medianHoursToAcceptance: number | null; p90HoursToAcceptance: number | null } | undefined,
      ) =>
        accepted === null || accepted < k || !exact
          ? { medianHoursToAcceptance: null, p90HoursToAcceptance: null }
          : { medianHoursToAcceptance: exact.medianHoursToAcceptance, p90HoursToAcceptance: exact.p90HoursToAcceptance };
      return {
        from,
        to,
        by,
        timeZone: 'America/Lima' as const,
        asOf: { logPosition: released.position },
        groups: safe.groups.map((g) => ({
          ...g,
          label: label(g.key),
          ...hours(
            g.accepted,
            ledger.groups.find((x) => x.key === g.key),
          ),
        })),
        total: { ...safe.total, ...hours(safe.total.accepted, ledger.total) },
        suppressed: safe.suppressed,
        disclosureControl: { applied: true, k },
      };
    }
    const { from, to } = period(query);
    await this.fresh.waitFor(query.minPosition, query.asOf === undefined ? [REFERRAL_FACTS_PROJECTION] : [STATISTICS_PROJECTION]);
    const statistics =
      query.asOf === undefined
        ? await queryReferralStatistics(this.dataSource, { from, to, by, scope })
        : await referralStatisticsAsOf(this.dataSource, { from, to, by, asOf: query.asOf, scope });
    const labelled = statistics.groups.map((g) => ({ ...g, label: label(g.key) }));
    const base = { from, to, by, timeZone: 'America/Lima' as const, asOf: statistics.asOf };
    return { ...base, groups: labelled, total: statistics.total, ...this.exact() };
  }

  /** `department` narrows the count to one department: an unknown one is a 400, another region's a 403 (as /monthly). */
  private hotlineScope(actor: Actor, department: string | undefined): readonly string[] | undefined {
    if (department === undefined) return scopeOf(actor);
    if (this.catalogs.ubigeo.departmentName(department) === undefined || department === '00') {
      throw rangeProblem('department', 'no es un departamento del catálogo INEI', 'is not a department of the INEI catalogue');
    }
    if (actor.departments.length > 0 && !actor.departments.includes(department)) throw outsideScope('department');
    return [department];
  }

  private exact() {
    return { suppressed: [], disclosureControl: { applied: false, k: this.config.disclosureK } };
  }
}

/**
 * Analysts get every statistic under disclosure control, at release points only, as sums of the released monthly
 * reports' figures; operational roles see exact counts of their scope, as of any position.
 */
const controlled = (actor: Actor) => actor.role === 'analyst';

/** A regional token counts only its own departments (DESIGN: regional users are scoped); national: everything. */
const scopeOf = (actor: Actor): readonly string[] | undefined => (actor.departments.length > 0 ? actor.departments : undefined);

/** Months by `occurredAt` in America/Lima; by default the last twelve, at most MAX_MONTHS. */
function period(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? limaMonth(new Date().toISOString());
  const from = query.from ?? monthsBack(to, 11);
  if (from > to) throw rangeProblem('from', 'debe ser anterior o igual a `to`', 'must not be after `to`');
  if (monthsBetween(from, to).length > MAX_MONTHS)
    throw rangeProblem('from', `el rango no puede superar ${MAX_MONTHS} meses`, `the range cannot exceed ${MAX_MONTHS} months`);
  return { from, to };
}

function monthsBack(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const rangeProblem = (field: string, reason: string, reasonEn: string) => new InvalidCommand([{ field, reason, reasonEn }]);
