import { Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANCHOR_SCHEMA, INTEGRITY_SCHEMA } from './integrity.schemas.js';
import type pg from 'pg';
import { takeAnchor, verifyIntegrity } from '../../../../libs/event-store/src/index.js';
import { PG_POOL } from '../../../../libs/platform/src/index.js';

@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get()
  @ApiOperation({
    summary: 'Verifica las cadenas de hash y los anclajes / Verify the hash chains and the anchors',
    description: 'ok=false names the first broken link or the anchor (and stream) that no longer matches; one pass over the log.',
  })
  @ApiOkResponse({ schema: INTEGRITY_SCHEMA })
  verify() {
    return verifyIntegrity(this.pool);
  }

  @Post('anchors')
  @ApiOperation({ summary: 'Anclar ahora las cabezas de todos los flujos / Anchor every stream head now' })
  @ApiCreatedResponse({ schema: ANCHOR_SCHEMA })
  async anchor() {
    return (await takeAnchor(this.pool)).anchor;
  }
}
