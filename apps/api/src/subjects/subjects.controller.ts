import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { arrayOf, closedObject, codes, instant, nullable, string, uuid } from '../shared/openapi-schema.js';
import type { Actor, SubjectErasure } from '#platform';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { EraseSubjectDto } from './erase-subject.dto.js';
import { erasureRequestNotFound, ErasureRequests, subjectNotFound, type ErasureRequestView } from './erasure-requests.js';
import { Access } from '../auth/access.js';

const subjectIdPipe = new ParseUUIDPipe({ exceptionFactory: subjectNotFound });
const requestIdPipe = new ParseUUIDPipe({ exceptionFactory: erasureRequestNotFound });

const ERASURE_SCHEMA = closedObject<SubjectErasure>({
  subjectId: uuid,
  subjectKind: codes(['victim', 'caller', 'suspect']),
  erasedAt: instant,
  reason: string(),
  erasedBy: string({ description: 'Sujeto del token que aprobó / subject of the approving token' }),
});
const ERASURE_REQUEST_SCHEMA = closedObject<ErasureRequestView>({
  requestId: uuid,
  subjectId: uuid,
  subjectKind: codes(['victim', 'caller', 'suspect']),
  reason: string(),
  requestedBy: string({ description: 'Sujeto del token que solicitó / subject of the requesting token' }),
  requestedAt: instant,
  status: codes(['pending', 'approved']),
  approvedBy: nullable(string()),
  approvedAt: nullable(instant),
  linkedSubjects: arrayOf(uuid),
  erasures: arrayOf(ERASURE_SCHEMA),
  backupsExpireBy: nullable(instant),
});

/**
 * Erasure of a data subject (a victim by its victimId, a caller by the call's callId) by two admins: one asks, a
 * different one approves. The approval destroys the data keys of the subject and of the same person's other
 * records (same identity document) and deletes her document link; every sealed personal field of them is
 * unreadable from then on, in the log and in backups once the master key is rotated (README, "Erasure"). The
 * events, their hash chains and the statistics are untouched.
 */
@ApiTags('subjects')
@Controller()
export class SubjectsController {
  constructor(private readonly erasures: ErasureRequests) {}

  @Access({ roles: ['admin'], note: 'a department admin: only a person whose records are all in their departments' })
  @Post('subjects/:subjectId/erasure-requests')
  @ApiOperation({
    summary:
      'Solicitar la supresión de los datos personales de una persona (la aprueba otro administrador) / Request the erasure of a data subject (another admin approves)',
  })
  @ApiCreatedResponse({ schema: ERASURE_REQUEST_SCHEMA })
  request(
    @Param('subjectId', subjectIdPipe) subjectId: string,
    @Body() body: EraseSubjectDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<ErasureRequestView> {
    return this.erasures.request(subjectId, body.reason, actor, request);
  }

  @Access({ roles: ['admin'], note: 'another admin than the one who asked' })
  @Post('erasure-requests/:requestId/approval')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Aprobar y ejecutar una supresión solicitada por otro administrador / Approve and execute an erasure requested by another admin',
  })
  @ApiOkResponse({ schema: ERASURE_REQUEST_SCHEMA })
  approve(
    @Param('requestId', requestIdPipe) requestId: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<ErasureRequestView> {
    return this.erasures.approve(requestId, actor, request);
  }
}
