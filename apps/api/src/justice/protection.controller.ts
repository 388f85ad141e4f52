import { createHash } from 'node:crypto';
import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { prosecutionNotFound, type ProsecutionContext } from '#domain';
import { uuidFromHash } from '#event-store';
import { PROTECTION_AUDIT } from '../audit/personal-data-routes.js';
import { Access } from '../auth/access.js';
import { etag } from '../http/if-match.js';
import { CommandService } from '../shared/command-service.js';
import { newId, type HeaderMap } from '../shared/request-options.js';
import { GesellInterviewDto, ProtectionMeasureDto } from './protection.dto.js';
import { GESELL_COMMAND_SCHEMA, PROTECTION_COMMAND_SCHEMA, PROTECTION_SCHEMA } from './protection.schemas.js';

const prosecutionIdPipe = new ParseUUIDPipe({ exceptionFactory: prosecutionNotFound });

/** A witness named without an id gets one made from the measure's id, so a retried grant names the same witness. */
const witnessIdOf = (measureId: string) =>
  uuidFromHash(createHash('sha256').update(`registro:witness\n${measureId.toLowerCase()}`).digest('hex'));

/**
 * Witness protection of a prosecution (Ley 27378, CPP arts. 247–248): measures granted to the case's victims and
 * to witnesses, and interviews in a Gesell chamber. Only the prosecutors and judges of the case (its department,
 * through the path's prosecution) read it, and every read is audited as personal data.
 */
@ApiTags('prosecutions and trials')
@Controller()
export class ProtectionController {
  constructor(private readonly commands: CommandService) {}

  @Access({ roles: ['prosecutor'] })
  @Post('prosecutions/:prosecutionId/protection-measures')
  @ApiOperation({ summary: 'Otorgar una medida de protección / Grant a protection measure' })
  @ApiCreatedResponse({ schema: PROTECTION_COMMAND_SCHEMA })
  async grant(@Param('prosecutionId', prosecutionIdPipe) id: string, @Body() body: ProtectionMeasureDto, @Headers() headers: HeaderMap) {
    const { context } = await this.prosecutionOf(id);
    const measureId = newId(body.measureId).toLowerCase();
    const witnessId = body.protectedPerson === 'witness' ? (body.witnessId ?? witnessIdOf(measureId)) : body.witnessId;
    const data = { ...body, ...context, prosecutionId: id, measureId, witnessId };
    const answer = await this.commands.accept('witnessProtection', { type: 'GrantProtectionMeasure', data }, headers);
    return { ...answer, measureId };
  }

  @Access({ roles: ['prosecutor'] })
  @Post('prosecutions/:prosecutionId/gesell-interviews')
  @ApiOperation({ summary: 'Registrar una entrevista en cámara Gesell / Record a Gesell chamber interview' })
  @ApiCreatedResponse({ schema: GESELL_COMMAND_SCHEMA })
  async interview(@Param('prosecutionId', prosecutionIdPipe) id: string, @Body() body: GesellInterviewDto, @Headers() headers: HeaderMap) {
    const { context } = await this.prosecutionOf(id);
    const interviewId = newId(body.interviewId).toLowerCase();
    const data = { ...body, ...context, prosecutionId: id, interviewId };
    const answer = await this.commands.accept('witnessProtection', { type: 'RecordGesellInterview', data }, headers);
    return { ...answer, interviewId };
  }

  @Access({ roles: ['prosecutor', 'judiciary'], audit: PROTECTION_AUDIT })
  @Get('prosecutions/:prosecutionId/protection')
  @ApiOperation({
    summary:
      'Medidas de protección y entrevistas Gesell (fiscales y jueces del caso; auditado) / Protection measures and Gesell interviews (the case’s prosecutors and judges; audited)',
  })
  @ApiOkResponse({ schema: PROTECTION_SCHEMA })
  async get(@Param('prosecutionId', prosecutionIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { context, caseId, victims } = await this.prosecutionOf(id);
    const { state, version } = await this.commands.read('witnessProtection', id);
    response.setHeader('ETag', etag(version));
    return {
      prosecutionId: id.toLowerCase(),
      caseId,
      prosecutionOpenedAt: context.prosecutionOpenedAt,
      victims,
      measures: state.status === 'recorded' ? state.measures : [],
      interviews: state.status === 'recorded' ? state.interviews : [],
      version,
    };
  }

  /** The prosecution (404 when it does not exist) and its case's victims: codes only, numbered as the case lists them. */
  private async prosecutionOf(id: string) {
    const prosecution = (await this.commands.read('prosecution', id)).state;
    if (prosecution.status === 'unopened') throw prosecutionNotFound();
    const policeCase = (await this.commands.read('policeCase', prosecution.caseId)).state;
    const all = policeCase.status === 'unregistered' ? [] : policeCase.victims;
    const victims = all
      .map((v, index) => ({ victimId: v.victimId, number: index + 1, sex: v.sex, age: v.age, ageGroup: v.ageGroup, voided: v.voided }))
      .filter((v) => !v.voided)
      .map(({ voided: _voided, ...v }) => v);
    const context: ProsecutionContext = {
      prosecutionOpenedAt: prosecution.openedAt,
      caseVictimIds: victims.map((v) => v.victimId),
    };
    return { context, caseId: prosecution.caseId, victims };
  }
}
