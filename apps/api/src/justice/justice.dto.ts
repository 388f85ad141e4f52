import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_SENTENCE_YEARS, VERDICTS } from '#domain';

const INSTANT = { example: '2025-05-02T10:00:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };

export class ProsecutionStageDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() occurredAt: string;
  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true, description: 'Obligatorio para archivar / required to archive' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class OpenTrialDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') trialId?: string;
  @ApiProperty({ format: 'uuid' }) @IsDefined() @IsUUID('all') prosecutionId: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() openedAt: string;
  @ApiProperty({ example: 'Juzgado Penal Colegiado de Tambopata' }) @IsDefined() @IsString() @MaxLength(200) court: string;
}

export class RulingDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() ruledAt: string;
  @ApiProperty({ enum: VERDICTS }) @IsDefined() @IsIn(VERDICTS) verdict: (typeof VERDICTS)[number];
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_SENTENCE_YEARS,
    description: 'Años de pena (condena), mayor que 0 / sentence years (conviction), above 0',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_SENTENCE_YEARS)
  sentenceYears?: number | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Ids de los imputados / suspect ids' })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  defendants: string[];
}

export class AppealDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() appealedAt: string;
  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true }) @IsOptional() @IsString() @MaxLength(200) appellant?:
    string | null;
}

export class FinalityDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() finalAt: string;
}
