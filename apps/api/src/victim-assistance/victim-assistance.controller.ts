import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { applicableKinds, caseNotFound, victimNotFound } from '#domain';
import { Access } from '../auth/access.js';
import { VICTIM_ASSISTANCE_AUDIT } from '../audit/personal-data-routes.js';
import { disclosesPersonalData } from '../audit/personal-data-disclosure.js';
import { etag } from '../http/if-match.js';
import { commandOptions, CommandService, positionOf } from '../shared/command-service.js';
import { IdKeys } from '../shared/record-ids.js';
import { newId, PURPOSE_HEADER, type HeaderMap } from '../shared/request-options.js';
import { assistedVictimOf } from './assisted-victim.js';
import { RecordAssistanceDto } from './victim-assistance.dto.js';
import { VICTIM_ASSISTANCE_COMMAND_SCHEMA, VICTIM_ASSISTANCE_SCHEMA } from './victim-assistance.schemas.js';

const caseIdPipe = new ParseUUIDPipe({ exceptionFactory: caseNotFound });
const victimIdPipe = new ParseUUIDPipe({ exceptionFactory: victimNotFound });

/**
 * A victim's own assistance record (protection services: MIMP, shelters). Its department is her case's: the path's
 * caseId is checked against the token's departments like every case route, and the victim must be the case's.
 */
@ApiTags('victim assistance')
@Controller('cases/:caseId/victims/:victimId/assistance')
export class VictimAssistanceController {
  constructor(
    private readonly commands: CommandService,
    private readonly ids: IdKeys,
  ) {}

  @Access({ roles: ['protection', 'admin'] })
  @Post()
  @ApiOperation({
    summary: 'Registrar un acto de atención a la víctima (consentimiento primero) / Record an act of assistance (consent first)',
  })
  @ApiCreatedResponse({ schema: VICTIM_ASSISTANCE_COMMAND_SCHEMA })
  async recordVictimAssistance(
    @Param('caseId', caseIdPipe) caseId: string,
    @Param('victimId', victimIdPipe) victimId: string,
    @Body() body: RecordAssistanceDto,
    @Headers() headers: HeaderMap,
  ) {
    const policeCase = await this.commands.readExisting('policeCase', caseId, caseNotFound);
    const options = commandOptions(headers);
    // Without an actId, a retry is recognised by its Idempotency-Key (the act id derived from it), else it is a new act.
    const actId =
      body.actId?.toLowerCase() ?? (options.idempotencyKey ? this.ids.derive('assistance-act', victimId, options.idempotencyKey) : newId());
    const data = { ...body, actId, caseId: caseId.toLowerCase(), victimId, victim: assistedVictimOf(policeCase.state, victimId) };
    const result = await this.commands.execute(
      'victimAssistance',
      { type: 'RecordAssistance', data },
      { ...options, idempotencyKey: `act:${actId}` },
    );
    return { victimId: victimId.toLowerCase(), actId, version: result.version, position: positionOf(result) };
  }

  @Access({ roles: ['protection', 'prosecutor', 'admin'], audit: VICTIM_ASSISTANCE_AUDIT })
  @Get()
  @ApiOperation({
    summary:
      'La atención de una víctima; notas y albergue solo con X-Purpose (auditado) / A victim assistance; notes and shelter only with X-Purpose (audited)',
  })
  @ApiHeader(PURPOSE_HEADER)
  @ApiOkResponse({ schema: VICTIM_ASSISTANCE_SCHEMA })
  async getVictimAssistance(
    @Param('caseId', caseIdPipe) caseId: string,
    @Param('victimId', victimIdPipe) victimId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const policeCase = await this.commands.readExisting('policeCase', caseId, caseNotFound);
    const victim = assistedVictimOf(policeCase.state, victimId);
    if (victim === null) throw victimNotFound();
    const { state, version } = await this.commands.read('victimAssistance', victimId);
    if (state.status === 'assisted' && state.caseId !== caseId.toLowerCase()) throw victimNotFound();
    response.setHeader('ETag', etag(version));
    const disclose = disclosesPersonalData(request, 'victim_assistance');
    const acts = state.status === 'assisted' ? state.acts : [];
    return {
      victimId: victimId.toLowerCase(),
      caseId: caseId.toLowerCase(),
      consent: state.status === 'assisted' ? state.consent : null,
      shelteredSince: state.status === 'assisted' ? state.shelteredSince : null,
      acts: disclose ? acts : acts.map((act) => ({ ...act, notes: null, ...('shelterName' in act ? { shelterName: null } : {}) })),
      applicableKinds: applicableKinds(state, victim),
      personalDataWithheld: !disclose,
      version,
    };
  }
}
