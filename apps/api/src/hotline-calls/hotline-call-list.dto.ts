import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { HOTLINE_CALL_CHANNELS, HOTLINE_CALL_LANGUAGES, HOTLINE_CALL_OUTCOMES, HOTLINE_CALL_TOPICS } from '#domain';
import { MinPositionParam } from '../shared/read-your-writes.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class HotlineCallListQueryDto {
  @ApiPropertyOptional({ example: '2025-03-01', description: 'Desde el día (Lima, incluido) / from day (Lima, inclusive)' })
  @IsOptional()
  @Matches(DAY)
  from?: string;
  @ApiPropertyOptional({ example: '2025-03-31', description: 'Hasta el día (Lima, incluido) / to day (Lima, inclusive)' })
  @IsOptional()
  @Matches(DAY)
  to?: string;
  @ApiPropertyOptional({ enum: HOTLINE_CALL_TOPICS }) @IsOptional() @IsIn(HOTLINE_CALL_TOPICS) topic?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Solo las registradas por mí / only those I recorded' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: "nextCursor de la página anterior / the previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
  @MinPositionParam() minPosition?: number;
}

export class HotlineCallListItemDto {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ enum: HOTLINE_CALL_CHANNELS }) channel: string;
  @ApiProperty({ enum: HOTLINE_CALL_LANGUAGES }) language: string;
  @ApiProperty({ type: String, nullable: true, example: '080101' }) callerUbigeo: string | null;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ enum: HOTLINE_CALL_TOPICS }) topic: string;
  @ApiProperty() traffickingRelated: boolean;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ enum: HOTLINE_CALL_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ description: 'Derivaciones enviadas desde la llamada / referrals sent from the call' }) referrals: number;
  @ApiProperty({ description: 'Versión (ETag) / version' }) version: number;
}

export class HotlineCallListDto {
  @ApiProperty({ type: [HotlineCallListItemDto] }) items: HotlineCallListItemDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Para la página siguiente; null en la última / for the next page; null on the last',
  })
  nextCursor: string | null;
}
