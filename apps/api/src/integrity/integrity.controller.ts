import { Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANCHOR_SCHEMA, INTEGRITY_SCHEMA } from './integrity.schemas.js';
import type pg from 'pg';
import { AnchorExporter, PG_POOL, takeExportedAnchor, verifyRegistry } from '../../../../libs/platform/src/index.js';

@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool, private readonly exporter: AnchorExporter) {}

  @Get()
  @ApiOperation({
    summary: 'Verifica las cadenas de hash, los anclajes y la bitácora de auditoría / Verify the hash chains, the anchors and the audit log',
    description: 'ok=false names the first broken link, the anchor (and stream) that no longer matches, the broken audit entry, '
      + 'or the exported (signed, kept outside the database) anchor the database no longer matches; one pass over the log.',
  })
  @ApiOkResponse({ schema: INTEGRITY_SCHEMA })
  verify() {
    return verifyRegistry(this.pool, this.exporter);
  }

  @Post('anchors')
  @ApiOperation({
    summary: 'Anclar ahora las cabezas de todos los flujos / Anchor every stream head now',
    description: 'The anchor is signed and exported outside the database (ANCHOR_EXPORT_FILE, ANCHOR_EXPORT_URL).',
  })
  @ApiCreatedResponse({ schema: ANCHOR_SCHEMA })
  async anchor() {
    return (await takeExportedAnchor(this.pool, this.exporter)).anchor;
  }
}
