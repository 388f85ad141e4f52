import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type pg from 'pg';
import { AnchorExporter, PG_POOL, takeExportedAnchor, type Actor } from '#platform';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { IntegrityVerifications, verificationNotFound } from './integrity-verifications.js';
import { ANCHOR_SCHEMA, VERIFICATION_LIST_SCHEMA, VERIFICATION_SCHEMA } from './integrity.schemas.js';
import { Access } from '../auth/access.js';

@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly verifications: IntegrityVerifications,
    private readonly exporter: AnchorExporter,
  ) {}

  @Access({ roles: ['auditor', 'admin'] })
  @Post('verifications')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Iniciar la verificación de las cadenas de hash, los anclajes y la bitácora de auditoría / Start verifying the hash chains, the anchors and the audit log',
    description:
      'A job, one at a time: answers 202 at once with the verification (the running one if another is under way; Location names it). ' +
      'Read its status and report with GET /integrity/verifications/{verificationId}. Own quota: RATE_LIMIT_HEAVY_PER_MINUTE.',
  })
  @ApiAcceptedResponse({ schema: VERIFICATION_SCHEMA })
  async start(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    const { verification } = await this.verifications.start(`${actor.role}:${actor.subject}`);
    response.setHeader('Location', `/api/v1/integrity/verifications/${verification.verificationId}`);
    return verification;
  }

  @Access({ roles: ['auditor', 'admin'] })
  @Get('verifications')
  @ApiOperation({ summary: 'Las últimas verificaciones, la más reciente primero / The latest verifications, newest first' })
  @ApiOkResponse({ schema: VERIFICATION_LIST_SCHEMA })
  async list() {
    return { verifications: await this.verifications.recent() };
  }

  @Access({ roles: ['auditor', 'admin'] })
  @Get('verifications/:verificationId')
  @ApiOperation({
    summary: "Estado e informe de una verificación / A verification's status and report",
    description:
      'status running, done or failed; once done, report.ok=false names the first broken link, the anchor (and stream) that no longer matches, the broken audit entry, or the exported (signed, kept outside the database) anchor the database no longer matches.',
  })
  @ApiOkResponse({ schema: VERIFICATION_SCHEMA })
  get(@Param('verificationId', new ParseUUIDPipe({ exceptionFactory: verificationNotFound })) verificationId: string) {
    return this.verifications.get(verificationId.toLowerCase());
  }

  @Access({ roles: ['auditor', 'admin'] })
  @Post('anchors')
  @ApiOperation({ summary: 'Anclar ahora las cabezas de todos los flujos / Anchor every stream head now' })
  @ApiCreatedResponse({ schema: ANCHOR_SCHEMA })
  async anchor() {
    return (await takeExportedAnchor(this.pool, this.exporter)).anchor;
  }
}
