import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidCommand, PROSECUTION_STAGES, prosecutionNotFound, trialNotFound, type ProsecutionStage } from '#domain';
import { DataSource } from 'typeorm';
import { queryTrialsOfProsecutions } from '#read-models';
import { etag } from '../http/if-match.js';
import { CommandService } from '../shared/command-service.js';
import { newId, type HeaderMap } from '../shared/request-options.js';
import { PROSECUTION_COMMAND_SCHEMA, PROSECUTION_SCHEMA, TRIAL_COMMAND_SCHEMA, TRIAL_SCHEMA } from './justice.schemas.js';
import { AppealDto, FinalityDto, OpenTrialDto, ProsecutionStageDto, RulingDto } from './justice.dto.js';
import { Access } from '../auth/access.js';
import { TRIAL_PROSECUTION } from '../auth/department-scope.js';

const isProsecutionStage = (stage: string): stage is ProsecutionStage => (PROSECUTION_STAGES as readonly string[]).includes(stage);
const prosecutionIdPipe = new ParseUUIDPipe({ exceptionFactory: prosecutionNotFound });
const trialIdPipe = new ParseUUIDPipe({ exceptionFactory: trialNotFound });

/** Prosecutions (Ministerio Público) and trials (Poder Judicial): what became of each case. */
@ApiTags('prosecutions and trials')
@Controller()
export class JusticeController {
  constructor(
    private readonly commands: CommandService,
    private readonly dataSource: DataSource,
  ) {}

  @Access({ roles: ['police', 'prosecutor', 'judiciary', 'admin'] })
  @Get('prosecutions/:prosecutionId')
  @ApiOkResponse({ schema: PROSECUTION_SCHEMA })
  async getProsecution(@Param('prosecutionId', prosecutionIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const prosecution = await this.view('prosecution', id, prosecutionNotFound, response);
    // The prosecution's stream does not know its trial: the trial-links read model does (a moment behind the log).
    const [trialId] = await queryTrialsOfProsecutions(this.dataSource, [id.toLowerCase()]);
    return { ...prosecution, trialId: trialId ?? null };
  }

  @Access({ roles: ['prosecutor', 'admin'] })
  @Post('prosecutions/:prosecutionId/:stage')
  @HttpCode(200)
  @ApiParam({ name: 'stage', enum: PROSECUTION_STAGES })
  @ApiOperation({ summary: 'Registrar una etapa fiscal, en orden legal / Record a prosecution stage, in legal order' })
  @ApiOkResponse({ schema: PROSECUTION_COMMAND_SCHEMA })
  recordStage(
    @Param('prosecutionId', prosecutionIdPipe) id: string,
    @Param('stage') stage: string,
    @Body() body: ProsecutionStageDto,
    @Headers() headers: HeaderMap,
  ) {
    if (!isProsecutionStage(stage)) throw prosecutionNotFound();
    return this.commands.accept('prosecution', { type: 'RecordProsecutionStage', data: { prosecutionId: id, stage, ...body } }, headers);
  }

  @Access({ roles: ['judiciary', 'admin'], scope: { reference: TRIAL_PROSECUTION } })
  @Post('trials')
  @ApiOperation({ summary: 'Abrir un juicio sobre una acusación / Open a trial on an accusation' })
  @ApiCreatedResponse({ schema: TRIAL_COMMAND_SCHEMA })
  async openTrial(@Body() body: OpenTrialDto, @Headers() headers: HeaderMap) {
    const prosecution = await this.commands.read('prosecution', body.prosecutionId);
    if (prosecution.version === 0) {
      throw new InvalidCommand([
        { field: 'prosecutionId', reason: 'La investigación fiscal no existe', reasonEn: 'The prosecution does not exist' },
      ]);
    }
    // A prosecution belongs to exactly one case: the one it was opened for, which names it in its referral.
    const caseId = prosecution.state.status === 'unopened' ? null : prosecution.state.caseId;
    const owner = caseId ? (await this.commands.read('policeCase', caseId)).state : null;
    if (!owner || owner.status === 'unregistered' || !owner.prosecutionIds.includes(body.prosecutionId.toLowerCase())) {
      throw new InvalidCommand([
        {
          field: 'prosecutionId',
          reason: 'La investigación fiscal no pertenece al caso para el que se abrió',
          reasonEn: 'The prosecution does not belong to the case it was opened for',
        },
      ]);
    }
    const data = {
      ...body,
      trialId: newId(body.trialId),
      prosecutionId: body.prosecutionId.toLowerCase(),
      prosecutionAccused: prosecution.state.status === 'accused',
      caseId,
    };
    return this.commands.accept('trial', { type: 'OpenTrial', data }, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'judiciary', 'admin'] })
  @Get('trials/:trialId')
  @ApiOkResponse({ schema: TRIAL_SCHEMA })
  async getTrial(@Param('trialId', trialIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    return this.view('trial', id, trialNotFound, response);
  }

  @Access({ roles: ['judiciary', 'admin'] })
  @Post('trials/:trialId/rulings')
  @HttpCode(200)
  @ApiOkResponse({ schema: TRIAL_COMMAND_SCHEMA })
  async rule(@Param('trialId', trialIdPipe) id: string, @Body() body: RulingDto, @Headers() headers: HeaderMap) {
    await this.requireSuspectsOfCase(id.toLowerCase(), body.defendants);
    return this.commands.accept('trial', { type: 'IssueRuling', data: { trialId: id, ...body } }, headers);
  }

  @Access({ roles: ['judiciary', 'admin'] })
  @Post('trials/:trialId/appeals')
  @HttpCode(200)
  @ApiOkResponse({ schema: TRIAL_COMMAND_SCHEMA })
  appeal(@Param('trialId', trialIdPipe) id: string, @Body() body: AppealDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('trial', { type: 'AppealRuling', data: { trialId: id, ...body } }, headers);
  }

  @Access({ roles: ['judiciary', 'admin'] })
  @Post('trials/:trialId/finality')
  @HttpCode(200)
  @ApiOkResponse({ schema: TRIAL_COMMAND_SCHEMA })
  finality(@Param('trialId', trialIdPipe) id: string, @Body() body: FinalityDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('trial', { type: 'DeclareRulingFinal', data: { trialId: id, ...body } }, headers);
  }

  /** Defendants are suspects of the trial's case (through its prosecution): another case's suspect is a 400 naming it. */
  private async requireSuspectsOfCase(trialId: string, defendants: readonly string[]): Promise<void> {
    const trial = (await this.commands.read('trial', trialId)).state;
    if (trial.status === 'unopened') return; // the decider answers 404
    const prosecution = (await this.commands.read('prosecution', trial.prosecutionId)).state;
    const caseId = trial.caseId ?? (prosecution.status === 'unopened' ? null : prosecution.caseId);
    const policeCase = caseId ? (await this.commands.read('policeCase', caseId)).state : null;
    const suspects = new Set((policeCase && policeCase.status !== 'unregistered' ? policeCase.suspects : []).map((s) => s.suspectId));
    const strangers = defendants.map((id, index) => ({ id, index })).filter(({ id }) => !suspects.has(id.toLowerCase()));
    if (strangers.length > 0) {
      throw new InvalidCommand(
        strangers.map(({ index }) => ({
          field: `defendants[${index}]`,
          reason: 'No es un sospechoso del caso de este juicio',
          reasonEn: "Not a suspect of this trial's case",
        })),
      );
    }
  }

  private async view(kind: 'prosecution' | 'trial', id: string, notFound: () => Error, response: Response) {
    const { state, version } = await this.commands.readExisting(kind, id, notFound);
    response.setHeader('ETag', etag(version));
    return { ...(state as object), version };
  }
}
