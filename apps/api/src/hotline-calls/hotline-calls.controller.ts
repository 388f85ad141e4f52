import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { callNotFound, type CommandMetadata, type HotlineCallCommand } from '../../../../libs/domain/src/index.js';
import { etag, parseIfMatch } from '../http/if-match.js';
import { ExecuteHotlineCallCommand } from './execute-hotline-call-command.js';
import {
  ClassifyHotlineCallDto,
  CloseHotlineCallDto,
  CommandAcceptedDto,
  CorrectHotlineCallDto,
  RecordHotlineCallDto,
} from './hotline-call.dto.js';
import { HotlineCallReader, type HotlineCallView } from './hotline-call.reader.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'Versión esperada / expected version, e.g. "3"' };
const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', required: false, description: 'Mismo valor en un reintento / same value on retry' };
// A path id that is not even a UUID names no call: 404, like any other unknown id.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => callNotFound() });

@ApiTags('hotline-calls')
@Controller('hotline-calls')
export class HotlineCallsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: HotlineCallReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Registrar una llamada / Record a call' })
  @ApiResponse({ status: 201, type: CommandAcceptedDto })
  async record(@Body() body: RecordHotlineCallDto, @Headers('x-request-id') requestId?: string): Promise<CommandAcceptedDto> {
    const callId = (body.callId ?? randomUUID()).toLowerCase();
    const data = { ...body, callId };
    return this.execute({ type: 'RecordHotlineCall', data, metadata: metadata() }, { correlationId: requestId });
  }

  @Get(':callId')
  @ApiOperation({ summary: 'Estado actual de una llamada / Current state of a call' })
  async get(@Param('callId', uuidParam) callId: string, @Res({ passthrough: true }) response: Response): Promise<HotlineCallView> {
    const view = await this.reader.get(callId);
    response.setHeader('ETag', etag(view.version));
    return view;
  }

  @Post(':callId/classification')
  @HttpCode(200)
  @ApiHeader(IF_MATCH) @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Reclasificar / Re-classify' })
  classify(@Param('callId', uuidParam) callId: string, @Body() body: ClassifyHotlineCallDto, @Headers() headers: Record<string, string>) {
    return this.execute({ type: 'ClassifyHotlineCall', data: { callId, ...body }, metadata: metadata() }, options(headers));
  }

  @Post(':callId/correction')
  @HttpCode(200)
  @ApiHeader(IF_MATCH) @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Corregir datos registrados / Correct recorded facts' })
  correct(@Param('callId', uuidParam) callId: string, @Body() body: CorrectHotlineCallDto, @Headers() headers: Record<string, string>) {
    const { reason, ...changes } = body;
    return this.execute({ type: 'CorrectHotlineCall', data: { callId, changes, reason }, metadata: metadata() }, options(headers));
  }

  @Post(':callId/closure')
  @HttpCode(200)
  @ApiHeader(IF_MATCH) @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Cerrar / Close' })
  close(@Param('callId', uuidParam) callId: string, @Body() body: CloseHotlineCallDto, @Headers() headers: Record<string, string>) {
    return this.execute({ type: 'CloseHotlineCall', data: { callId, ...body }, metadata: metadata() }, options(headers));
  }

  private async execute(command: HotlineCallCommand, opts: ExecuteHotlineCallCommand['options']): Promise<CommandAcceptedDto> {
    const result = await this.commandBus.execute(new ExecuteHotlineCallCommand(command, opts));
    return { callId: command.data.callId, version: result.version };
  }
}

// Until authentication lands (issue 6) every command is attributed to the API itself.
const metadata = (): CommandMetadata => ({ now: new Date().toISOString(), actor: 'api' });

function options(headers: Record<string, string>): ExecuteHotlineCallCommand['options'] {
  return {
    expectedVersion: parseIfMatch(headers['if-match']),
    idempotencyKey: headers['idempotency-key'] || undefined,
    correlationId: headers['x-request-id'] || undefined,
  };
}
