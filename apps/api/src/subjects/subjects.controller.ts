import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { closedObject, codes, instant, string, uuid } from '../shared/openapi-schema.js';
import { NotFound } from '../../../../libs/domain/src/index.js';
import { SubjectKeyStore, type RequestWithActor, type SubjectErasure } from '../../../../libs/platform/src/index.js';
import { EraseSubjectDto } from './erase-subject.dto.js';

const subjectNotFound = () => new NotFound('subject_not_found', 'Persona no encontrada', 'Data subject not found');
const subjectIdPipe = new ParseUUIDPipe({ exceptionFactory: subjectNotFound });

/**
 * Erasure of a data subject (a victim by its victimId, a caller by the call's callId): its data key is destroyed,
 * so every sealed personal field of it, in the log and in every backup, is unreadable from now on. The events,
 * their hash chains and the statistics are untouched.
 */
const ERASURE_SCHEMA = closedObject<SubjectErasure>({
  subjectId: uuid, subjectKind: codes(['victim', 'caller', 'suspect']), erasedAt: instant, reason: string(), erasedBy: string({ description: 'Sujeto del token / token subject' }),
});

@ApiTags('subjects')
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly keys: SubjectKeyStore) {}

  @Post(':subjectId/erasure') @HttpCode(200)
  @ApiOperation({ summary: 'Suprimir los datos personales de una persona / Erase a data subject\'s personal data' })
  @ApiOkResponse({ schema: ERASURE_SCHEMA })
  async erase(@Param('subjectId', subjectIdPipe) subjectId: string, @Body() body: EraseSubjectDto, @Req() request: RequestWithActor): Promise<SubjectErasure> {
    const erasure = await this.keys.erase(subjectId, body.reason, request.actor?.subject ?? 'api');
    if (!erasure) throw subjectNotFound();
    return erasure;
  }
}
