import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { disclosesPersonalData } from '../audit/personal-data-disclosure.js';
import { callPersonalView } from './hotline-call-privacy.js';
import { HOTLINE_CALL_SCHEMA } from './hotline-call.schemas.js';
import { callNotFound } from '#domain';
import { etag } from '../http/if-match.js';
import { CommandService, type Accepted } from '../shared/command-service.js';
import { DataSource } from 'typeorm';
import type { Actor } from '#platform';
import { HOTLINE_CALL_LIST_PROJECTION, queryHotlineCallList } from '#read-models';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { NeedToKnow } from '../auth/need-to-know.js';
import { ReadYourWrites } from '../shared/read-your-writes.js';
import { HotlineCallListDto, HotlineCallListQueryDto } from './hotline-call-list.dto.js';
import { newId, PURPOSE_HEADER, type HeaderMap } from '../shared/request-options.js';
import {
  ClassifyHotlineCallDto,
  CloseHotlineCallDto,
  CommandAcceptedDto,
  CorrectHotlineCallDto,
  RecordHotlineCallDto,
} from './hotline-call.dto.js';
import { Access } from '../auth/access.js';
import { HOTLINE_CALL_AUDIT, HOTLINE_CALL_LIST_AUDIT } from '../audit/personal-data-routes.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'Versión esperada / expected version, e.g. "3"' };
const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', required: false, description: 'Mismo valor en un reintento / same value on retry' };
// A path id that is not even a UUID names no call: 404, like any other unknown id.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => callNotFound() });

@ApiTags('hotline-calls')
@Controller('hotline-calls')
export class HotlineCallsController {
  constructor(
    private readonly commands: CommandService,
    private readonly dataSource: DataSource,
    private readonly fresh: ReadYourWrites,
    private readonly needToKnow: NeedToKnow,
  ) {}

  @Access({ roles: ['operator', 'admin'], audit: HOTLINE_CALL_LIST_AUDIT })
  @Get()
  @ApiOperation({ summary: 'Llamadas, las más recientes primero (sin resumen) / Calls, newest first (no summary)' })
  @ApiOkResponse({ type: HotlineCallListDto })
  async list(@Query() query: HotlineCallListQueryDto, @CurrentActor() actor: Actor): Promise<HotlineCallListDto> {
    await this.fresh.waitFor(query.minPosition, [HOTLINE_CALL_LIST_PROJECTION]);
    return queryHotlineCallList(this.dataSource, {
      from: query.from,
      to: query.to,
      topic: query.topic,
      status: query.status,
      cursor: query.cursor,
      limit: query.limit ?? 50,
      recordedBy: query.mine === 'true' ? actor.subject : undefined,
      scope: actor.departments.length > 0 ? actor.departments : undefined,
    });
  }

  @Access({ roles: ['operator', 'admin'], scope: { places: [{ field: 'callerUbigeo', required: true }] } })
  @Post()
  @ApiOperation({ summary: 'Registrar una llamada / Record a call' })
  @ApiResponse({ status: 201, type: CommandAcceptedDto })
  record(@Body() body: RecordHotlineCallDto, @Headers() headers: HeaderMap): Promise<Accepted> {
    return this.commands.accept('hotlineCall', { type: 'RecordHotlineCall', data: { ...body, callId: newId(body.callId) } }, headers);
  }

  @Access({
    roles: ['operator', 'police', 'protection', 'admin'],
    note: 'police and protection: only a call referred to them',
    audit: HOTLINE_CALL_AUDIT,
  })
  @Get(':callId')
  @ApiOperation({
    summary:
      'Estado actual de una llamada (policía y protección: solo si se les derivó); el resumen solo con X-Purpose; auditado / Current state of a call (police and protection: only when referred to them); the summary only with X-Purpose; audited',
  })
  @ApiHeader(PURPOSE_HEADER)
  @ApiOkResponse({ schema: HOTLINE_CALL_SCHEMA })
  async get(
    @Param('callId', uuidParam) callId: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.needToKnow.checkCallReader(actor, callId);
    const { state, version } = await this.commands.readExisting('hotlineCall', callId, callNotFound);
    response.setHeader('ETag', etag(version));
    return { ...callPersonalView(state, disclosesPersonalData(request, 'hotline_call')), version };
  }

  @Access({ roles: ['operator', 'admin'] })
  @Post(':callId/classification')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiOperation({ summary: 'Reclasificar / Re-classify' })
  classify(@Param('callId', uuidParam) callId: string, @Body() body: ClassifyHotlineCallDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('hotlineCall', { type: 'ClassifyHotlineCall', data: { callId, ...body } }, headers);
  }

  @Access({ roles: ['operator', 'admin'], scope: { places: [{ field: 'callerUbigeo', required: false }] } })
  @Post(':callId/correction')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiOperation({ summary: 'Corregir datos registrados / Correct recorded facts' })
  correct(@Param('callId', uuidParam) callId: string, @Body() body: CorrectHotlineCallDto, @Headers() headers: HeaderMap) {
    const { reason, ...changes } = body;
    return this.commands.accept('hotlineCall', { type: 'CorrectHotlineCall', data: { callId, changes, reason } }, headers);
  }

  @Access({ roles: ['operator', 'admin'] })
  @Post(':callId/closure')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ApiOperation({ summary: 'Cerrar / Close' })
  close(@Param('callId', uuidParam) callId: string, @Body() body: CloseHotlineCallDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('hotlineCall', { type: 'CloseHotlineCall', data: { callId, ...body } }, headers);
  }
}
