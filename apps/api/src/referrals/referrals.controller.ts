import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { callNotFound, caseNotFound, InvalidCommand, referralNotFound } from '../../../../libs/domain/src/index.js';
import { queryPendingReferrals, REFERRAL_FACTS_PROJECTION } from '../../../../libs/read-models/src/index.js';
import type { Actor } from '../../../../libs/platform/src/index.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { REFERRAL_RECEIVERS, REFERRAL_SOURCES_SEEN } from '../auth/endpoint-policy.js';
import { NeedToKnow } from '../auth/need-to-know.js';
import { etag } from '../http/if-match.js';
import { ExecuteStreamCommand, StreamReader } from '../shared/execute-stream-command.js';
import { positionOf, ReadYourWrites } from '../shared/read-your-writes.js';
import { commandMetadata, commandOptions, newId } from '../shared/request-options.js';
import { STREAM_TYPES, type StreamTypes } from '../shared/stream-types.js';
import {
  AcceptReferralDto, CompleteReferralDto, PendingReferralsQueryDto, ReferralAcceptedDto, RejectReferralDto,
  RevokeReferralDto, SendCaseReferralDto, SendReferralDto,
} from './referral.dto.js';
import { PENDING_REFERRALS_SCHEMA, REFERRAL_SCHEMA } from './referral.schemas.js';
import { Access } from '../auth/access.js';
import { LINKED_CASE } from '../auth/department-scope.js';
import { REFERRAL_AUDIT, REFERRAL_QUEUE_AUDIT } from '../audit/personal-data-routes.js';

type HeaderMap = Record<string, string | undefined>;
const uuid = (notFound: () => Error) => new ParseUUIDPipe({ exceptionFactory: notFound });

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: StreamReader,
    private readonly dataSource: DataSource,
    private readonly fresh: ReadYourWrites,
    @Inject(STREAM_TYPES) private readonly streams: StreamTypes,
    private readonly needToKnow: NeedToKnow,
  ) {}

  @Access({ roles: ['operator', 'admin'], scope: { places: [{ field: 'ubigeo', required: false }] } })
  @Post('hotline-calls/:callId/referrals')
  @ApiOperation({ summary: 'Derivar una llamada relacionada con trata / Refer a trafficking-related call' })
  @ApiCreatedResponse({ type: ReferralAcceptedDto })
  async referCall(@Param('callId', uuid(callNotFound)) callId: string, @Body() body: SendReferralDto, @Headers() headers: HeaderMap) {
    const { state } = await this.reader.readExisting<{ traffickingRelated: boolean }>(this.streams.hotlineCall, callId, callNotFound);
    return this.send(body, { kind: 'hotline_call', id: callId.toLowerCase() }, state.traffickingRelated, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'admin'], scope: { places: [{ field: 'ubigeo', required: false }] } })
  @Post('cases/:caseId/referrals')
  @ApiOperation({ summary: 'Derivar un caso o una víctima (p. ej. a un albergue) / Refer a case or a victim' })
  @ApiCreatedResponse({ type: ReferralAcceptedDto })
  async referCase(@Param('caseId', uuid(caseNotFound)) caseId: string, @Body() body: SendCaseReferralDto, @Headers() headers: HeaderMap) {
    const { state } = await this.reader.readExisting<{ victims: Array<{ victimId: string }> }>(this.streams.policeCase, caseId, caseNotFound);
    const { victimId, ...referral } = body;
    if (victimId && !state.victims.some((v) => v.victimId === victimId.toLowerCase())) {
      throw new InvalidCommand([{ field: 'victimId', reason: 'La víctima no pertenece al caso', reasonEn: 'The victim does not belong to the case' }]);
    }
    const source = victimId ? { kind: 'victim', id: victimId.toLowerCase() } : { kind: 'case', id: caseId.toLowerCase() };
    return this.send(referral, source, null, headers);
  }

  @Access({ roles: ['operator', 'police', 'prosecutor', 'protection', 'admin'], audit: REFERRAL_QUEUE_AUDIT })
  @Get('referrals')
  @ApiOperation({ summary: 'Derivaciones pendientes, las más antiguas primero / Pending referrals, oldest first' })
  @ApiOkResponse({ schema: PENDING_REFERRALS_SCHEMA })
  async pending(@Query() query: PendingReferralsQueryDto, @CurrentActor() actor: Actor) {
    await this.fresh.waitFor(query.minPosition, [REFERRAL_FACTS_PROJECTION]);
    return queryPendingReferrals(this.dataSource, {
      now: new Date().toISOString(), olderThanHours: query.olderThanHours ?? 0, destination: query.to,
      department: query.department, limit: query.limit ?? 100,
      scope: actor.departments.length > 0 ? actor.departments : undefined, destinations: REFERRAL_RECEIVERS[actor.role],
      sourceKinds: REFERRAL_SOURCES_SEEN[actor.role],
    });
  }

  @Access({ roles: ['operator', 'police', 'prosecutor', 'protection', 'admin'], audit: REFERRAL_AUDIT })
  @Get('referrals/:referralId')
  @ApiOperation({ summary: 'Una derivación (quien la recibe o la envió; datos del albergue solo para protección; auditado) / A referral (receiver or sender only; shelter details for protection only; audited)' })
  @ApiOkResponse({ schema: REFERRAL_SCHEMA })
  async get(@Param('referralId', uuid(referralNotFound)) referralId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    const { view, version } = await this.needToKnow.referral(actor, referralId);
    response.setHeader('ETag', etag(version));
    return { ...view, version };
  }

  @Access({ roles: ['police', 'prosecutor', 'protection', 'admin'], scope: { referral: 'receiver', reference: LINKED_CASE } })
  @Post('referrals/:referralId/accept') @HttpCode(200) @ApiOkResponse({ type: ReferralAcceptedDto })
  async accept(@Param('referralId', uuid(referralNotFound)) referralId: string, @Body() body: AcceptReferralDto, @Headers() headers: HeaderMap) {
    // The linked case exists (its department scope is checked with the other body references, auth/department-scope.ts).
    if (body.linkedCaseId && (await this.reader.read(this.streams.policeCase, body.linkedCaseId)).version === 0) {
      throw new InvalidCommand([{ field: 'linkedCaseId', reason: 'El caso no existe', reasonEn: 'The case does not exist' }]);
    }
    return this.transition('AcceptReferral', referralId, body, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'protection', 'admin'], scope: { referral: 'receiver' } })
  @Post('referrals/:referralId/reject') @HttpCode(200) @ApiOkResponse({ type: ReferralAcceptedDto })
  reject(@Param('referralId', uuid(referralNotFound)) referralId: string, @Body() body: RejectReferralDto, @Headers() headers: HeaderMap) {
    return this.transition('RejectReferral', referralId, body, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'protection', 'admin'], scope: { referral: 'receiver' } })
  @Post('referrals/:referralId/complete') @HttpCode(200) @ApiOkResponse({ type: ReferralAcceptedDto })
  complete(@Param('referralId', uuid(referralNotFound)) referralId: string, @Body() body: CompleteReferralDto, @Headers() headers: HeaderMap) {
    return this.transition('CompleteReferral', referralId, body, headers);
  }

  @Access({ roles: ['operator', 'police', 'prosecutor', 'admin'], scope: { referral: 'sender' } })
  @Post('referrals/:referralId/revoke') @HttpCode(200) @ApiOkResponse({ type: ReferralAcceptedDto })
  revoke(@Param('referralId', uuid(referralNotFound)) referralId: string, @Body() body: RevokeReferralDto, @Headers() headers: HeaderMap) {
    return this.transition('RevokeReferral', referralId, body, headers);
  }

  private async send(body: SendReferralDto, source: { kind: string; id: string }, traffickingRelated: boolean | null, headers: HeaderMap): Promise<ReferralAcceptedDto> {
    const referralId = newId(body.referralId);
    const data = { ...body, referralId, source, sourceTraffickingRelated: traffickingRelated };
    return this.execute({ type: 'SendReferral', data, metadata: commandMetadata() }, headers);
  }

  private transition(type: string, referralId: string, body: object, headers: HeaderMap): Promise<ReferralAcceptedDto> {
    return this.execute({ type, data: { referralId: referralId.toLowerCase(), ...body }, metadata: commandMetadata() }, headers);
  }

  private async execute(command: { type: string; data: { referralId: string }; metadata: ReturnType<typeof commandMetadata> }, headers: HeaderMap) {
    const result = await this.commandBus.execute(new ExecuteStreamCommand(this.streams.referral, command, commandOptions(headers)));
    return { referralId: command.data.referralId, version: result.version, position: positionOf(result) };
  }
}
