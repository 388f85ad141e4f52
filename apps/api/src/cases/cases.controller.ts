import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '#platform';
import { queryNetworksOfCase } from '#read-models';
import { DataSource } from 'typeorm';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { caseNotFound, InvalidCommand, suspectNotFound, victimNotFound } from '#domain';
import { etag } from '../http/if-match.js';
import { commandOptions, CommandService } from '../shared/command-service.js';
import { IdKeys, RecordIds } from '../shared/record-ids.js';
import { newId, type HeaderMap } from '../shared/request-options.js';
import { disclosesPersonalData } from '../audit/personal-data-disclosure.js';
import { casePersonalView, coarsenErased } from '../shared/personal-data.js';
import { PURPOSE_HEADER } from '../shared/request-options.js';
import { CaseList } from './case-list.js';
import { CaseListDto, CaseListQueryDto, CaseSearchDto } from './case-list.dto.js';
import { CaseTimeline } from './case-timeline.js';
import {
  CASE_COMMAND_SCHEMA,
  CASE_REGISTERED_SCHEMA,
  CASE_SCHEMA,
  CASE_TIMELINE_SCHEMA,
  REFERRED_TO_PROSECUTOR_SCHEMA,
  SUSPECTS_ADDED_SCHEMA,
  VICTIMS_ADDED_SCHEMA,
} from './case.schemas.js';
import { CaseUseCases } from './case-use-cases.js';
import {
  AddSuspectsDto,
  AddVictimsDto,
  CloseCaseDto,
  CorrectCaseFactsDto,
  CorrectVictimDto,
  ExternalReferencesInputDto,
  MarkSameFactsDto,
  RecordOperationDto,
  ReferToProsecutorDto,
  RegisterCaseDto,
  ReopenCaseDto,
  VoidPersonDto,
} from './case.dto.js';
import { Access } from '../auth/access.js';
import { CASE_REFERRAL } from '../auth/department-scope.js';
import { PERSONAL_DATA_READERS } from '../auth/endpoint-policy.js';
import { CASE_AUDIT, CASE_TIMELINE_AUDIT } from '../audit/personal-data-routes.js';

const caseIdPipe = new ParseUUIDPipe({ exceptionFactory: caseNotFound });
const victimIdPipe = new ParseUUIDPipe({ exceptionFactory: victimNotFound });
const suspectIdPipe = new ParseUUIDPipe({ exceptionFactory: suspectNotFound });

const emptyChanges = () =>
  new InvalidCommand([
    { field: 'changes', reason: 'debe indicar al menos un dato a corregir', reasonEn: 'must give at least one field to correct' },
  ]);

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseUseCases,
    private readonly timeline: CaseTimeline,
    private readonly commands: CommandService,
    private readonly caseList: CaseList,
    private readonly ids: IdKeys,
    private readonly records: RecordIds,
    private readonly dataSource: DataSource,
  ) {}

  @Access({ roles: ['police', 'prosecutor', 'judiciary', 'admin'] })
  @Get()
  @ApiOperation({ summary: 'Casos, los más recientes primero, sin datos personales / Cases, newest first, no personal field' })
  @ApiOkResponse({ type: CaseListDto })
  list(@Query() query: CaseListQueryDto, @CurrentActor() actor: Actor): Promise<CaseListDto> {
    return this.caseList.list(query, actor);
  }

  @Access({ roles: PERSONAL_DATA_READERS.case, note: 'with a stated purpose, audited' })
  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: "Casos de una víctima por su documento, con finalidad (auditado) / A victim's cases by document, with a purpose (audited)",
  })
  @ApiOkResponse({ type: CaseListDto })
  search(@Body() body: CaseSearchDto, @CurrentActor() actor: Actor, @Req() request: Request): Promise<CaseListDto> {
    return this.caseList.search(body, actor, request);
  }

  @Access({ roles: ['police', 'admin'], scope: { places: [{ field: 'ubigeo', required: false }], reference: CASE_REFERRAL } })
  @Post()
  @ApiOperation({ summary: 'Registrar una denuncia policial / Register a police denunciation' })
  @ApiCreatedResponse({ schema: CASE_REGISTERED_SCHEMA })
  register(@Body() body: RegisterCaseDto, @Headers() headers: HeaderMap) {
    return this.cases.register(body, commandOptions(headers));
  }

  @Access({ roles: ['police', 'prosecutor', 'judiciary', 'admin'], audit: CASE_AUDIT })
  @Get(':caseId')
  @ApiOperation({
    summary:
      "Un caso; datos personales de las víctimas solo con X-Purpose (auditado) / A case; victims' personal data only with X-Purpose (audited)",
  })
  @ApiHeader(PURPOSE_HEADER)
  @ApiOkResponse({ schema: CASE_SCHEMA })
  async get(@Param('caseId', caseIdPipe) caseId: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const { state, version } = await this.commands.readExisting('policeCase', caseId, caseNotFound);
    const sameFactsCases = await this.cases.sameFactsCases(caseId);
    // A case's stream does not know its networks: the network-links read model does (a moment behind the log).
    const networkIds = await queryNetworksOfCase(this.dataSource, caseId.toLowerCase());
    response.setHeader('ETag', etag(version));
    return { ...casePersonalView(coarsenErased(state), disclosesPersonalData(request, 'case')), sameFactsCases, networkIds, version };
  }

  @Access({ roles: ['police', 'prosecutor', 'judiciary', 'admin'], audit: CASE_TIMELINE_AUDIT })
  @Get(':caseId/timeline')
  @ApiOperation({ summary: 'Hitos de llamada → derivación → caso → fiscalía → juicio / Milestones across institutions' })
  @ApiOkResponse({ schema: CASE_TIMELINE_SCHEMA })
  getTimeline(@Param('caseId', caseIdPipe) caseId: string, @CurrentActor() actor: Actor) {
    return this.timeline.of(caseId.toLowerCase(), actor);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/victims')
  @HttpCode(200)
  @ApiOkResponse({ schema: VICTIMS_ADDED_SCHEMA })
  async addVictims(@Param('caseId', caseIdPipe) caseId: string, @Body() body: AddVictimsDto, @Headers() headers: HeaderMap) {
    const victims = body.victims.map((v, i) => ({ ...v, victimId: this.personId(v.victimId, caseId, 'victim', i, headers) }));
    await this.records.requireNew(
      'victimId',
      victims.map((v, i) => ({ path: `victims[${i}].victimId`, id: v.victimId })),
      caseId.toLowerCase(),
    );
    const result = await this.commands.accept('policeCase', { type: 'AddVictims', data: { caseId, victims } }, headers);
    return { ...result, victimIds: victims.map((v) => v.victimId) };
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/suspects')
  @HttpCode(200)
  @ApiOkResponse({ schema: SUSPECTS_ADDED_SCHEMA })
  async addSuspects(@Param('caseId', caseIdPipe) caseId: string, @Body() body: AddSuspectsDto, @Headers() headers: HeaderMap) {
    const suspects = body.suspects.map((s, i) => ({ ...s, suspectId: this.personId(s.suspectId, caseId, 'suspect', i, headers) }));
    await this.records.requireNew(
      'suspectId',
      suspects.map((s, i) => ({ path: `suspects[${i}].suspectId`, id: s.suspectId })),
      caseId.toLowerCase(),
    );
    const result = await this.commands.accept('policeCase', { type: 'AddSuspects', data: { caseId, suspects } }, headers);
    return { ...result, suspectIds: suspects.map((s) => s.suspectId) };
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/operations')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  async recordOperation(@Param('caseId', caseIdPipe) caseId: string, @Body() body: RecordOperationDto, @Headers() headers: HeaderMap) {
    // The same case, the same instant: the same operation, even when retried without an id.
    const operationId = newId(body.operationId ?? this.ids.derive(caseId.toLowerCase(), 'operation', body.conductedAt));
    await this.records.requireNew('operationId', [{ path: 'operationId', id: operationId }], caseId.toLowerCase());
    return this.commands.accept('policeCase', { type: 'RecordOperation', data: { caseId, ...body, operationId } }, headers);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/prosecutor-referral')
  @HttpCode(200)
  @ApiOkResponse({ schema: REFERRED_TO_PROSECUTOR_SCHEMA })
  @ApiOperation({ summary: 'Enviar a la fiscalía (abre la investigación fiscal) / Send to the prosecutor' })
  referToProsecutor(@Param('caseId', caseIdPipe) caseId: string, @Body() body: ReferToProsecutorDto, @Headers() headers: HeaderMap) {
    return this.cases.referToProsecutor(caseId, body, commandOptions(headers));
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/closure')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  close(@Param('caseId', caseIdPipe) caseId: string, @Body() body: CloseCaseDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('policeCase', { type: 'CloseCase', data: { caseId, ...body } }, headers);
  }

  @Access({ roles: ['police', 'admin'], scope: { places: [{ field: 'changes.ubigeo', required: false }] } })
  @Post(':caseId/corrections')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  @ApiOperation({
    summary:
      'Corregir los hechos (fecha, lugar, unidad, finalidades, calificación…), con motivo; un cambio a otro departamento requiere ambos / Correct the facts, with a reason',
  })
  correctFacts(@Param('caseId', caseIdPipe) caseId: string, @Body() body: CorrectCaseFactsDto, @Headers() headers: HeaderMap) {
    return this.cases.correctFacts(caseId, body, headers);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/victims/:victimId/corrections')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  @ApiOperation({ summary: 'Corregir los datos de una víctima, con motivo / Correct a victim, with a reason' })
  correctVictim(
    @Param('caseId', caseIdPipe) caseId: string,
    @Param('victimId', victimIdPipe) victimId: string,
    @Body() body: CorrectVictimDto,
    @Headers() headers: HeaderMap,
  ) {
    const changes = Object.fromEntries(Object.entries(body.changes).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) throw emptyChanges();
    const data = { caseId, victimId: victimId.toLowerCase(), changes, reason: body.reason };
    return this.commands.accept('policeCase', { type: 'CorrectVictim', data }, headers);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/victims/:victimId/voiding')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  @ApiOperation({ summary: 'Anular una víctima registrada por error / Void a victim recorded by mistake' })
  voidVictim(
    @Param('caseId', caseIdPipe) caseId: string,
    @Param('victimId', victimIdPipe) victimId: string,
    @Body() body: VoidPersonDto,
    @Headers() headers: HeaderMap,
  ) {
    const data = { caseId, victimId: victimId.toLowerCase(), reason: body.reason };
    return this.commands.accept('policeCase', { type: 'VoidVictim', data }, headers);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/suspects/:suspectId/voiding')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  @ApiOperation({ summary: 'Anular un investigado registrado por error / Void a suspect recorded by mistake' })
  voidSuspect(
    @Param('caseId', caseIdPipe) caseId: string,
    @Param('suspectId', suspectIdPipe) suspectId: string,
    @Body() body: VoidPersonDto,
    @Headers() headers: HeaderMap,
  ) {
    const data = { caseId, suspectId: suspectId.toLowerCase(), reason: body.reason };
    return this.commands.accept('policeCase', { type: 'VoidSuspect', data }, headers);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/reopening')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  @ApiOperation({ summary: 'Reabrir un caso cerrado, con motivo / Reopen a closed case, with a reason' })
  reopen(@Param('caseId', caseIdPipe) caseId: string, @Body() body: ReopenCaseDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('policeCase', { type: 'ReopenCase', data: { caseId, ...body } }, headers);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':caseId/same-facts')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  @ApiOperation({
    summary:
      'Marcar como los mismos hechos que otro caso (ambos se conservan; las estadísticas cuentan el otro) / Mark as the same facts as another case',
  })
  markSameFacts(@Param('caseId', caseIdPipe) caseId: string, @Body() body: MarkSameFactsDto, @Headers() headers: HeaderMap) {
    return this.cases.markSameFacts(caseId, body, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'judiciary', 'admin'] })
  @Post(':caseId/references')
  @HttpCode(200)
  @ApiOkResponse({ schema: CASE_COMMAND_SCHEMA })
  @ApiOperation({
    summary:
      'Registrar referencias externas (atestado, carpeta fiscal, expediente judicial; null la quita) / Record external references (null removes one)',
  })
  recordReferences(@Param('caseId', caseIdPipe) caseId: string, @Body() body: ExternalReferencesInputDto, @Headers() headers: HeaderMap) {
    const references = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return this.commands.accept('policeCase', { type: 'RecordExternalReferences', data: { caseId, references } }, headers);
  }

  /** A person's id: the client's, else derived from the Idempotency-Key under the server's key (retries match), else new. */
  private personId(given: string | undefined, caseId: string, kind: string, index: number, headers: HeaderMap): string {
    const key = headers['idempotency-key'];
    return newId(given ?? (key ? this.ids.derive(caseId.toLowerCase(), kind, key, String(index)) : undefined));
  }
}
