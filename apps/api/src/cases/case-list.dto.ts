import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PURPOSE_MAX_LENGTH } from '#platform';
import { CASE_SOURCES, DOCUMENT_TYPES, EXPLOITATION_PURPOSES, EXTERNAL_REFERENCE_MAX_LENGTH, OFFENCE_CATEGORIES } from '#domain';
import { MinPositionParam } from '../shared/read-your-writes.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CASE_STATUSES = ['open', 'referred', 'closed'] as const;

export class CaseListQueryDto {
  @ApiPropertyOptional({
    description: 'Parte del nombre de la unidad, sin distinguir mayúsculas ni tildes / unit name substring, case- and accent-insensitive',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  policeUnit?: string;
  @ApiPropertyOptional({ example: '08' }) @IsOptional() @Matches(/^\d{2}$/) department?: string;
  @ApiPropertyOptional({ example: '0801', description: 'Prefijo UBIGEO de 2, 4 o 6 dígitos / UBIGEO prefix' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/)
  ubigeo?: string;
  @ApiPropertyOptional({ example: '2025-03-01', description: 'Registradas desde el día (Lima, incluido) / registered from day (Lima)' })
  @IsOptional()
  @Matches(DAY)
  from?: string;
  @ApiPropertyOptional({ example: '2025-03-31', description: 'Hasta el día (Lima, incluido) / to day (Lima, inclusive)' })
  @IsOptional()
  @Matches(DAY)
  to?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: EXPLOITATION_PURPOSES }) @IsOptional() @IsIn(EXPLOITATION_PURPOSES) purpose?: string;
  @ApiPropertyOptional({
    example: '08-2025-000123',
    description:
      'Número de registro (también sin ceros a la izquierda, 08-2025-123) o referencia externa exacta (atestado, carpeta fiscal, expediente judicial; sin distinguir mayúsculas ni espacios) / registry number (leading zeros optional) or exact external reference (case- and space-insensitive)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(EXTERNAL_REFERENCE_MAX_LENGTH)
  q?: string;
  // No longer accepted here (a document number must not travel in a URL): refused by CaseList, pointing to POST /cases/search.
  @ApiHideProperty() @IsOptional() documentType?: unknown;
  @ApiHideProperty() @IsOptional() documentNumber?: unknown;
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

/** POST /cases/search: the victim's document travels in the body, never in a URL (proxy logs, browser history). */
export class CaseSearchDto {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsDefined() @IsIn(DOCUMENT_TYPES) documentType: string;
  @ApiProperty({
    maxLength: 40,
    description:
      'Número de documento; se compara por su hash con clave, nunca se guarda ni se registra / document number; compared by its keyed hash, never stored nor logged',
  })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  documentNumber: string;
  @ApiProperty({
    maxLength: PURPOSE_MAX_LENGTH,
    example: 'Verificar antecedentes de la víctima',
    description: 'Finalidad de la búsqueda (auditada) / stated purpose (audited)',
  })
  @IsDefined()
  @IsString()
  @MaxLength(PURPOSE_MAX_LENGTH)
  purpose: string;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: "nextCursor de la página anterior / the previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** The numbers other institutions gave the case; only the kinds recorded are present. */
export class ExternalReferencesDto {
  @ApiPropertyOptional({ example: 'Atestado 045-2025-DIRCTPTIM' }) policeReport?: string;
  @ApiPropertyOptional({ example: 'CF 506014500-2025-123-0' }) prosecutorFile?: string;
  @ApiPropertyOptional({ example: 'Exp. 00123-2025-0-0801-JR-PE-01' }) courtFile?: string;
}

export class CaseListItemDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty() policeUnit: string;
  @ApiProperty({ example: '080108' }) ubigeo: string;
  @ApiProperty({ enum: CASE_SOURCES }) source: string;
  @ApiProperty({ enum: EXPLOITATION_PURPOSES, isArray: true }) purposes: string[];
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty() victims: number;
  @ApiProperty() suspects: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) prosecutionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) referralId: string | null;
  @ApiProperty({ type: String, example: '08-2025-000123', nullable: true }) registryNumber: string | null;
  @ApiProperty({ type: ExternalReferencesDto }) references: ExternalReferencesDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sameAsCaseId: string | null;
  @ApiProperty({ enum: [...OFFENCE_CATEGORIES, 'unknown'], isArray: true }) offenceCategories: string[];
}

export class CaseListDto {
  @ApiProperty({ type: [CaseListItemDto] }) items: CaseListItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
