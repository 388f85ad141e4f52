import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidCommand } from '#domain';
import { AuditLog } from '#platform';
import { AuditQueryDto } from './audit.dto.js';
import { AUDIT_PAGE_SCHEMA } from './audit.schemas.js';
import { Access } from '../auth/access.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Access({ roles: ['auditor', 'admin'] })
  @Get()
  @ApiOperation({
    summary: 'Quién leyó, buscó por o borró datos personales / Who read, searched by or erased personal data (newest first)',
  })
  @ApiOkResponse({ schema: AUDIT_PAGE_SCHEMA })
  async list(@Query() query: AuditQueryDto) {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to) {
      throw new InvalidCommand([{ field: 'to', reason: 'debe ser posterior a from', reasonEn: 'must be after from' }]);
    }
    const limit = query.limit ?? 100;
    const entries = await this.audit.query({ ...query, subjectId: query.subjectId?.toLowerCase(), from, to, limit });
    return { entries, nextBefore: entries.length === limit ? entries[entries.length - 1].auditId : null };
  }
}
