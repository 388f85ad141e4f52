import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { callNotFound, caseNotFound, InvalidCommand, referralNotFound, type ReferralSourceKind } from '#domain';
import { queryPendingReferrals, REFERRAL_FACTS_PROJECTION } from '#read-models';
import { APP_CONFIG, type Actor, type AppConfig } from '#platform';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { REFERRAL_RECEIVERS, REFERRAL_SOURCES_SEEN } from '../auth/endpoint-policy.js';
import { NeedToKnow } from '../auth/need-to-know.js';
import { etag } from '../http/if-match.js';
import { CommandService, type Accepted } from '../shared/command-service.js';
import { ReadYourWrites } from '../shared/read-your-writes.js';
import { newId, type HeaderMap } from '../shared/request-options.js';
import {
  AcceptReferralDto,
  CompleteReferralDto,
  PendingReferralsQueryDto,
  ReferralAcceptedDto,
  RejectReferralDto,
  RevokeReferralDto,
  SendCaseReferralDto,
  SendReferralDto,
} from './referral.dto.js';
import { PENDING_REFERRALS_SCHEMA, REFERRAL_SCHEMA } from './referral.schemas.js';
import { Access } from '../auth/access.js';
import { LINKED_CASE } from '../auth/department-scope.js';
import { REFERRAL_AUDIT, REFERRAL_QUEUE_AUDIT } from '../audit/personal-data-routes.js';

const uuid = (notFound: () => Error) => new ParseUUIDPipe({ exceptionFactory: notFound });

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(
    private readonly commands: CommandService,
    private readonly dataSource: DataSource,
    private readonly fresh: ReadYourWrites,
    private readonly needToKnow: NeedToKnow,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Access({ roles: ['operator', 'admin'], scope: { places: [{ field: 'ubigeo', required: false }] } })
  @Post('hotline-calls/:callId/referrals')
  @ApiOperation({ summary: 'Derivar una llamada relacionada con trata / Refer a trafficking-related call' })
  @ApiCreatedResponse({ type: ReferralAcceptedDto })
  async referCall(@Param('callId', uuid(callNotFound)) callId: string, @Body() body: SendReferralDto, @Headers() headers: HeaderMap) {
    const { state } = await this.commands.readExisting('hotlineCall', callId, callNotFound);
    const traffickingRelated = state.status !== 'unrecorded' && state.traffickingRelated;
    return this.send(body, { kind: 'hotline_call', id: callId.toLowerCase() }, traffickingRelated, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'admin'], scope: { places: [{ field: 'ubigeo', required: false }] } })
  @Post('cases/:caseId/referrals')
  @ApiOperation({ summary: 'Derivar un caso o una víctima (p. ej. a un albergue) / Refer a case or a victim' })
  @ApiCreatedResponse({ type: ReferralAcceptedDto })
  async referCase(@Param('caseId', uuid(caseNotFound)) caseId: string, @Body() body: SendCaseReferralDto, @Headers() headers: HeaderMap) {
    const { state } = await this.commands.readExisting('policeCase', caseId, caseNotFound);
    const victims = state.status === 'unregistered' ? [] : state.victims;
    const { victimId, ...referral } = body;
    if (victimId && !victims.some((v) => v.victimId === victimId.toLowerCase())) {
      throw new InvalidCommand([
        { field: 'victimId', reason: 'La víctima no pertenece al caso', reasonEn: 'The victim does not belong to the case' },
      ]);
    }
    const source = victimId ? { kind: 'victim' as const, id: victimId.toLowerCase() } : { kind: 'case' as const, id: caseId.toLowerCase() };
    return this.send(referral, source, null, headers);
  }

  @Access({ roles: ['operator', 'police', 'prosecutor', 'protection', 'admin'], audit: REFERRAL_QUEUE_AUDIT })
  @Get('referrals')
  @ApiOperation({
    summary:
      'Derivaciones pendientes (vencidas primero) o aceptadas sin completar / Pending referrals (overdue first) or accepted and never completed',
  })
  @ApiOkResponse({ schema: PENDING_REFERRALS_SCHEMA })
  async pending(@Query() query: PendingReferralsQueryDto, @CurrentActor() actor: Actor) {
    await this.fresh.waitFor(query.minPosition, [REFERRAL_FACTS_PROJECTION]);
    return queryPendingReferrals(this.dataSource, {
      now: new Date().toISOString(),
      queue: query.status ?? 'pending',
      olderThanHours: query.olderThanHours ?? 0,
      destination: query.to,
      department: query.department,
      limit: query.limit ?? 100,
      scope: actor.departments.length > 0 ? actor.departments : undefined,
      destinations: REFERRAL_RECEIVERS[actor.role],
      sourceKinds: REFERRAL_SOURCES_SEEN[actor.role],
    });
  }

  @Access({ roles: ['operator', 'police', 'prosecutor', 'protection', 'admin'], audit: REFERRAL_AUDIT })
  @Get('referrals/:referralId')
  @ApiOperation({
    summary:
      'Una derivación (quien la recibe o la envió; datos del albergue solo para protección; auditado) / A referral (receiver or sender only; shelter details for protection only; audited)',
  })
  @ApiOkResponse({ schema: REFERRAL_SCHEMA })
  async get(
    @Param('referralId', uuid(referralNotFound)) referralId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { view, version } = await this.needToKnow.referral(actor, referralId);
    response.setHeader('ETag', etag(version));
    return { ...view, version };
  }

  @Access({ roles: ['police', 'prosecutor', 'protection', 'admin'], scope: { referral: 'receiver', reference: LINKED_CASE } })
  @Post('referrals/:referralId/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralAcceptedDto })
  async accept(
    @Param('referralId', uuid(referralNotFound)) referralId: string,
    @Body() body: AcceptReferralDto,
    @Headers() headers: HeaderMap,
  ) {
    // The linked case exists (its department scope is checked with the other body references, auth/department-scope.ts).
    if (body.linkedCaseId && (await this.commands.read('policeCase', body.linkedCaseId)).version === 0) {
      throw new InvalidCommand([{ field: 'linkedCaseId', reason: 'El caso no existe', reasonEn: 'The case does not exist' }]);
    }
    return this.commands.accept('referral', { type: 'AcceptReferral', data: { referralId, ...body } }, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'protection', 'admin'], scope: { referral: 'receiver' } })
  @Post('referrals/:referralId/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralAcceptedDto })
  reject(@Param('referralId', uuid(referralNotFound)) referralId: string, @Body() body: RejectReferralDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('referral', { type: 'RejectReferral', data: { referralId, ...body } }, headers);
  }

  @Access({ roles: ['police', 'prosecutor', 'protection', 'admin'], scope: { referral: 'receiver' } })
  @Post('referrals/:referralId/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralAcceptedDto })
  complete(
    @Param('referralId', uuid(referralNotFound)) referralId: string,
    @Body() body: CompleteReferralDto,
    @Headers() headers: HeaderMap,
  ) {
    return this.commands.accept('referral', { type: 'CompleteReferral', data: { referralId, ...body } }, headers);
  }

  @Access({ roles: ['operator', 'police', 'prosecutor', 'admin'], scope: { referral: 'sender' } })
  @Post('referrals/:referralId/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralAcceptedDto })
  revoke(@Param('referralId', uuid(referralNotFound)) referralId: string, @Body() body: RevokeReferralDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('referral', { type: 'RevokeReferral', data: { referralId, ...body } }, headers);
  }

  private send(
    body: SendReferralDto,
    source: { kind: ReferralSourceKind; id: string },
    traffickingRelated: boolean | null,
    headers: HeaderMap,
  ): Promise<Accepted> {
    // The deadline in force is written into the event, so a later change of REFERRAL_DEADLINES moves no figure.
    const deadlineMinutes = body.deadlineMinutes ?? this.config.referralDeadlineMinutes[body.to];
    const data = { ...body, referralId: newId(body.referralId), source, sourceTraffickingRelated: traffickingRelated, deadlineMinutes };
    return this.commands.accept('referral', { type: 'SendReferral', data }, headers);
  }
}
