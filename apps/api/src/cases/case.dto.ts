import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CASE_SOURCES, DOCUMENT_TYPES, EXPLOITATION_PURPOSES, MAX_PEOPLE_PER_OPERATION, SEXES } from '#domain';

const INSTANT = { example: '2025-03-15T09:00:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };
const PERSONAL = 'Dato personal: se guarda cifrado / personal data: stored sealed';

class PersonDto {
  @ApiProperty({ enum: SEXES }) @IsDefined() @IsIn(SEXES) sex: (typeof SEXES)[number];
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Edad a la fecha de los hechos / age at the facts' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number | null;
  @ApiProperty({ example: 'PE', description: 'ISO 3166-1 alfa-2 o "unknown"' })
  @IsDefined()
  @IsString()
  @Matches(/^([A-Z]{2}|unknown)$/)
  nationality: string;
}

export class VictimDto extends PersonDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') victimId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(200) fullName?:
    string | null;
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES }) @IsOptional() @IsIn(DOCUMENT_TYPES) documentType?: (typeof DOCUMENT_TYPES)[number] | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(30) documentNumber?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(30) phone?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(300) address?:
    string | null;
}

export class SuspectDto extends PersonDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') suspectId?: string;
  @ApiPropertyOptional({ type: String, example: 'captador', nullable: true }) @IsOptional() @IsString() @MaxLength(100) role?:
    string | null;
}

export class RegisterCaseDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') caseId?: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() registeredAt: string;
  @ApiPropertyOptional({ type: String, ...INSTANT, nullable: true, description: 'Fecha de los hechos / date of the facts' })
  @IsOptional()
  @IsString()
  occurredAt?: string | null;
  @ApiProperty({ example: 'DIRCTPTIM Lima' }) @IsDefined() @IsString() @MaxLength(200) policeUnit: string;
  @ApiProperty({ example: '170101', description: 'UBIGEO del lugar de los hechos' })
  @IsDefined()
  @IsString()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/)
  ubigeo: string;
  @ApiProperty({ enum: CASE_SOURCES }) @IsDefined() @IsIn(CASE_SOURCES) source: (typeof CASE_SOURCES)[number];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all') referralId?: string | null;
  @ApiProperty({ enum: EXPLOITATION_PURPOSES, isArray: true })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(EXPLOITATION_PURPOSES, { each: true })
  purposes: Array<(typeof EXPLOITATION_PURPOSES)[number]>;
  @ApiProperty({ type: [VictimDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VictimDto)
  victims: VictimDto[];
  @ApiProperty({ type: [SuspectDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SuspectDto)
  suspects: SuspectDto[];
}

export class AddVictimsDto {
  @ApiProperty({ type: [VictimDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VictimDto)
  victims: VictimDto[];
}

export class AddSuspectsDto {
  @ApiProperty({ type: [SuspectDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SuspectDto)
  suspects: SuspectDto[];
}

export class RecordOperationDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') operationId?: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() conductedAt: string;
  @ApiProperty({ minimum: 0, maximum: MAX_PEOPLE_PER_OPERATION })
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE_PER_OPERATION)
  rescued: number;
  @ApiProperty({ minimum: 0, maximum: MAX_PEOPLE_PER_OPERATION })
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE_PER_OPERATION)
  detained: number;
}

export class ReferToProsecutorDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() referredAt: string;
  @ApiProperty({ example: 'Fiscalía Especializada en Trata de Personas de Lima' }) @IsDefined() @IsString() @MaxLength(200) office: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') prosecutionId?: string;
}

export class CloseCaseDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() closedAt: string;
  @ApiProperty({ maxLength: 500 }) @IsDefined() @IsString() @MaxLength(500) reason: string;
}
