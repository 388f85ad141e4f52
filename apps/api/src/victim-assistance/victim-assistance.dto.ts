import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_NOTES_MAX_LENGTH,
  ASSISTANCE_SERVICES,
  MIGRATORY_STATUSES,
  REINTEGRATION_KINDS,
  SHELTER_EXIT_REASONS,
  SHELTER_NAME_MAX_LENGTH,
  type AssistanceKind,
} from '#domain';

const only = (kinds: string) => `Solo para / only for kind ${kinds}`;

/** One act of a victim's assistance; `kind` says which fields it needs (the decider names any missing one). */
export class RecordAssistanceDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id del acto; repetirlo reintenta sin duplicar / the act id; resending it never doubles it',
  })
  @IsOptional()
  @IsUUID('all')
  actId?: string;

  @ApiProperty({ enum: ASSISTANCE_KINDS }) @IsDefined() @IsIn(ASSISTANCE_KINDS) kind: AssistanceKind;

  @ApiProperty({
    example: '2026-03-20T10:00:00-05:00',
    description: 'ISO 8601 con zona; no futura ni anterior a los hechos del caso / not in the future nor before the facts',
  })
  @IsDefined()
  @IsString()
  occurredAt: string;

  @ApiPropertyOptional({ description: `${only('consent')}: otorgado (true) o negado (false) / given or refused` })
  @IsOptional()
  @IsBoolean()
  given?: boolean;

  @ApiPropertyOptional({
    maxLength: SHELTER_NAME_MAX_LENGTH,
    description: `${only('shelter_admission')} (dato personal, cifrado / sealed)`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(SHELTER_NAME_MAX_LENGTH)
  shelterName?: string;

  @ApiPropertyOptional({ enum: SHELTER_EXIT_REASONS, description: only('shelter_exit') })
  @IsOptional()
  @IsString()
  exitReason?: string;

  @ApiPropertyOptional({ enum: ASSISTANCE_SERVICES, description: only('service') })
  @IsOptional()
  @IsString()
  service?: string;

  @ApiPropertyOptional({ enum: REINTEGRATION_KINDS, description: only('reintegration') })
  @IsOptional()
  @IsString()
  reintegration?: string;

  @ApiPropertyOptional({ example: 'CL', description: `${only('consular_assistance, repatriation, voluntary_return')}: ISO 3166-1 alfa-2` })
  @IsOptional()
  @IsString()
  country?: string;

  @ApiPropertyOptional({ enum: MIGRATORY_STATUSES, description: only('migratory_status') })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'UBIGEO del lugar del acto: en el departamento del caso / in the case department',
  })
  @IsOptional()
  @IsString()
  ubigeo?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: ASSISTANCE_NOTES_MAX_LENGTH,
    description: 'Notas (dato personal de la víctima, cifrado con su clave) / notes (sealed under the victim key)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(ASSISTANCE_NOTES_MAX_LENGTH)
  notes?: string | null;
}
