import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  HOTLINE_CALL_CHANNELS,
  HOTLINE_CALL_LANGUAGES,
  HOTLINE_CALL_OUTCOMES,
  HOTLINE_CALL_TOPICS,
  REASON_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
} from '#domain';

// Shapes only; the decider checks meaning (times, catalog membership, state) and reports every field at fault.
const UBIGEO_SHAPE = /^(\d{2}|\d{4}|\d{6})$/;
const INSTANT = { example: '2026-03-14T09:30:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };

export class RecordHotlineCallDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id generado por el cliente: hace seguros los reintentos / client id: makes retries safe',
  })
  @IsOptional()
  @IsUUID('all')
  callId?: string;

  @ApiProperty(INSTANT)
  @IsDefined()
  @IsString()
  receivedAt: string;

  @ApiProperty({ enum: HOTLINE_CALL_CHANNELS })
  @IsDefined()
  @IsIn(HOTLINE_CALL_CHANNELS)
  channel: (typeof HOTLINE_CALL_CHANNELS)[number];

  @ApiProperty({ enum: HOTLINE_CALL_LANGUAGES })
  @IsDefined()
  @IsIn(HOTLINE_CALL_LANGUAGES)
  language: (typeof HOTLINE_CALL_LANGUAGES)[number];

  @ApiPropertyOptional({ type: String, example: '150101', nullable: true, description: 'UBIGEO INEI (2, 4 o 6 dígitos)' })
  @IsOptional()
  @IsString()
  @Matches(UBIGEO_SHAPE)
  callerUbigeo?: string | null;

  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  anonymous: boolean;

  @ApiProperty({ enum: HOTLINE_CALL_TOPICS })
  @IsDefined()
  @IsIn(HOTLINE_CALL_TOPICS)
  topic: (typeof HOTLINE_CALL_TOPICS)[number];

  @ApiPropertyOptional({
    type: String,
    maxLength: SUMMARY_MAX_LENGTH,
    nullable: true,
    description: 'Dato personal: se guarda cifrado / personal data: stored sealed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SUMMARY_MAX_LENGTH)
  summary?: string | null;
}

export class ClassifyHotlineCallDto {
  @ApiProperty({ enum: HOTLINE_CALL_TOPICS })
  @IsDefined()
  @IsIn(HOTLINE_CALL_TOPICS)
  topic: (typeof HOTLINE_CALL_TOPICS)[number];

  @ApiPropertyOptional({ type: String, maxLength: REASON_MAX_LENGTH, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string | null;
}

/** Corrections are flat: the fields to fix with their right values, and why. `callerUbigeo: null` clears it. */
export class CorrectHotlineCallDto {
  @ApiPropertyOptional(INSTANT)
  @IsOptional()
  @IsString()
  receivedAt?: string;

  @ApiPropertyOptional({ enum: HOTLINE_CALL_CHANNELS })
  @IsOptional()
  @IsIn(HOTLINE_CALL_CHANNELS)
  channel?: (typeof HOTLINE_CALL_CHANNELS)[number];

  @ApiPropertyOptional({ enum: HOTLINE_CALL_LANGUAGES })
  @IsOptional()
  @IsIn(HOTLINE_CALL_LANGUAGES)
  language?: (typeof HOTLINE_CALL_LANGUAGES)[number];

  @ApiPropertyOptional({ type: String, example: '150101', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Matches(UBIGEO_SHAPE)
  callerUbigeo?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ type: String, maxLength: SUMMARY_MAX_LENGTH, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(SUMMARY_MAX_LENGTH)
  summary?: string | null;

  @ApiProperty({ maxLength: REASON_MAX_LENGTH })
  @IsDefined()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason: string;
}

export class CloseHotlineCallDto {
  @ApiProperty(INSTANT)
  @IsDefined()
  @IsString()
  closedAt: string;

  @ApiProperty({ enum: HOTLINE_CALL_OUTCOMES })
  @IsDefined()
  @IsIn(HOTLINE_CALL_OUTCOMES)
  outcome: (typeof HOTLINE_CALL_OUTCOMES)[number];
}

export class CommandAcceptedDto {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ description: 'Versión del registro; úsela en If-Match / record version; send it as If-Match' }) version: number;
  @ApiProperty({
    description:
      'Posición global del último evento agregado; úsela como minPosition / global position of the last event appended; send it as minPosition',
  })
  position: number;
}
