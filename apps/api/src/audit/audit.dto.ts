import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '#platform';

const INSTANT = { example: '2025-03-01T00:00:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };

export class AuditQueryDto {
  @ApiPropertyOptional({ ...INSTANT, description: 'Desde (incluido) / from (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ ...INSTANT, description: 'Hasta (excluido) / to (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Sujeto del actor / actor subject' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'Id del registro leído o borrado / record id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  recordId?: string;

  @ApiPropertyOptional({
    description:
      'Entradas que mostraron o señalaron a este sujeto (víctima, llamante) / entries that disclosed or pointed at this data subject',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;

  @ApiPropertyOptional({ description: 'Solo entradas anteriores a este auditId (página siguiente) / only entries before this auditId' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}
