import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  PROTECTED_PERSON_KINDS,
  PROTECTION_MEASURES,
  PROTECTION_NOTES_MAX_LENGTH,
  WITNESS_REFERENCE_MAX_LENGTH,
  type ProtectedPersonKind,
  type ProtectionMeasure,
} from '#domain';

const INSTANT = { example: '2026-05-02T10:00:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };

export class ProtectionMeasureDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Para reintentos idempotentes / for idempotent retries' })
  @IsOptional()
  @IsUUID('all')
  measureId?: string;
  @ApiProperty({ enum: PROTECTED_PERSON_KINDS }) @IsDefined() @IsIn(PROTECTED_PERSON_KINDS) protectedPerson: ProtectedPersonKind;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Víctima del caso / a victim of the case' })
  @IsOptional()
  @IsUUID('all')
  victimId?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Id del testigo (nuevo si se omite) / the witness id (a new one when absent)',
  })
  @IsOptional()
  @IsUUID('all')
  witnessId?: string | null;
  @ApiPropertyOptional({
    type: String,
    maxLength: WITNESS_REFERENCE_MAX_LENGTH,
    nullable: true,
    description: 'Referencia del testigo (dato reservado, se guarda cifrado) / the witness reference (sealed)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(WITNESS_REFERENCE_MAX_LENGTH)
  witnessReference?: string | null;
  @ApiProperty({ enum: PROTECTION_MEASURES }) @IsDefined() @IsIn(PROTECTION_MEASURES) measure: ProtectionMeasure;
  @ApiProperty(INSTANT) @IsDefined() @IsString() grantedAt: string;
  @ApiPropertyOptional({ ...INSTANT, type: String, nullable: true }) @IsOptional() @IsString() endsAt?: string | null;
  @ApiPropertyOptional({ type: String, maxLength: PROTECTION_NOTES_MAX_LENGTH, nullable: true, description: 'Cifrado / sealed' })
  @IsOptional()
  @IsString()
  @MaxLength(PROTECTION_NOTES_MAX_LENGTH)
  notes?: string | null;
}

export class GesellInterviewDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Para reintentos idempotentes / for idempotent retries' })
  @IsOptional()
  @IsUUID('all')
  interviewId?: string;
  @ApiProperty({ format: 'uuid', description: 'Víctima del caso / a victim of the case' }) @IsDefined() @IsUUID('all') victimId: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() heldAt: string;
}
